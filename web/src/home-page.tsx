import { useState, type FormEvent } from "react";
import { TextField } from "./components/fields.tsx";
import { Link, navigate, usePageTitle } from "./lib/router.tsx";
import { t } from "./i18n/i18n.ts";

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
    else setError(t("home.errLink"));
  };
  return (
    <>
      <h1>{t("home.heading")}</h1>
      <p className="lede">{t("home.lede")}</p>
      <h2>{t("home.takingPart")}</h2>
      <p>{t("home.takingPartText")}</p>
      <form onSubmit={open} noValidate>
        <TextField
          label={t("home.linkLabel")}
          value={link}
          onChange={(e) => {
            setLink(e.target.value);
            setError(undefined);
          }}
          error={error}
          autoComplete="off"
          inputMode="url"
        />
        <button type="submit">{t("home.open")}</button>
      </form>
      <h2>{t("home.running")}</h2>
      <p>
        {t("home.researchersBefore")} <Link href="/researcher">{t("home.signInLink")}</Link> {t("home.researchersAfter")}
      </p>
    </>
  );
}
