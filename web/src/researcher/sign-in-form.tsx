import { useState, type FormEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { api, ApiError } from "../lib/api.ts";

/** Checks a researcher token against the API and keeps it in this browser. */
export function SignInForm({ onSignIn }: { onSignIn: (token: string) => void }) {
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
      await api("/campaigns", { token: value });
      onSignIn(value);
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
        The token stays in this browser until you sign out.
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
