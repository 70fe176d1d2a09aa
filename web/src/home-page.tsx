import { useState, type FormEvent } from "react";
import { TextField } from "./components/fields.tsx";
import { Link, navigate, usePageTitle } from "./lib/router.tsx";

/** Accepts a whole invite link or a bare campaign id and returns the app path to open. */
export function joinPathOf(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(text, window.location.origin);
    if (url.pathname.startsWith("/join/")) return url.pathname + url.search;
  } catch {
    // Not a URL: a bare campaign id.
  }
  return /^[A-Za-z0-9_-]{1,100}$/.test(text) ? `/join/${encodeURIComponent(text)}` : null;
}

export function HomePage() {
  usePageTitle("");
  const [link, setLink] = useState("");
  const [error, setError] = useState<string>();
  const open = (event: FormEvent) => {
    event.preventDefault();
    const path = joinPathOf(link);
    if (path) navigate(path);
    else setError("Paste the whole invite link you received, or the campaign's id.");
  };
  return (
    <>
      <h1>Say how AI should behave</h1>
      <p className="lede">
        Polyphony asks many people what they think an AI assistant should pay attention to in hard conversations, and
        shows how those values fit together: which ones people see as wiser, in which situations, and where they
        disagree.
      </p>
      <h2>Taking part</h2>
      <p>
        If you were invited, open the link you received. It takes 10 to 20 minutes: you describe a value that matters
        to you, then read a few short stories about how other people&apos;s values changed, and say whether each change
        was wise.
      </p>
      <form onSubmit={open} noValidate>
        <TextField
          label="Invite link or campaign id"
          value={link}
          onChange={(e) => {
            setLink(e.target.value);
            setError(undefined);
          }}
          error={error}
          autoComplete="off"
          inputMode="url"
        />
        <button type="submit">Open</button>
      </form>
      <h2>Running a campaign</h2>
      <p>
        Researchers <Link href="/researcher">sign in with a researcher token</Link> to create campaigns, follow them live,
        merge similar values, moderate, and download the data.
      </p>
    </>
  );
}
