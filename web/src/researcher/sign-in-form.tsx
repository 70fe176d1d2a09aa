import { useState, type FormEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { ApiError } from "../lib/api.ts";
import { signInResearcher } from "../lib/researcher.ts";
import { t } from "../i18n/i18n.ts";

/** Signs the browser in with a researcher token, which the server keeps in a cookie scripts cannot read. */
export function SignInForm({ onSignIn }: { onSignIn: () => void }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) return setError(t("signin.paste"));
    setBusy(true);
    setFailure(undefined);
    try {
      await signInResearcher(value);
      onSignIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t("signin.unknown"));
      else setFailure(e);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>
        {t("signin.intro1")} <code>polyphony token create</code>. {t("signin.intro2")}
      </p>
      <TextField
        label={t("signin.token")}
        type="password"
        value={token}
        onChange={(e) => {
          setToken(e.target.value);
          setError(undefined);
        }}
        error={error}
        autoComplete="current-password"
        spellCheck={false}
      />
      <ErrorNotice error={failure} />
      <button type="submit" disabled={busy}>
        {busy ? t("signin.checking") : t("results.signIn")}
      </button>
    </form>
  );
}
