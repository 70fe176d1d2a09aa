import { useState, type FormEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { ApiError } from "../lib/api.ts";
import { signInResearcher } from "../lib/researcher.ts";

/** Signs the browser in with a researcher token, which the server keeps in a cookie scripts cannot read. */
export function SignInForm({ onSignIn }: { onSignIn: () => void }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) return setError("Paste your researcher token.");
    setBusy(true);
    setFailure(undefined);
    try {
      await signInResearcher(value);
      onSignIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError("This token is unknown or was revoked.");
      else setFailure(e);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>
        Sign in with a researcher token. Whoever runs the server creates one with <code>polyphony token create</code>.
        This browser stays signed in until you sign out; no script on the page can read the token.
      </p>
      <TextField
        label="Researcher token"
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
        {busy ? "Checking…" : "Sign in"}
      </button>
    </form>
  );
}
