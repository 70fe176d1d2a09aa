import type { ReactNode } from "react";
import { LOCALES, setLocale, t, useLocale, type Locale } from "../i18n/i18n.ts";
import { Link, useLocation } from "../lib/router.tsx";

const nav = () => [
  { href: "/", label: t("frame.home") },
  { href: "/log", label: t("frame.log") },
  { href: "/researcher", label: t("frame.researchers") },
];

/** The language switch: every language the app speaks, named in itself. */
function LanguageSwitch() {
  const locale = useLocale();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("frame.language")}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l.id} value={l.id} lang={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Mark() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="5" cy="8" r="4" fill="#1d4ed8" />
      <circle cx="11" cy="8" r="4" fill="#b45309" fillOpacity="0.8" />
    </svg>
  );
}

/** The page frame: a skip link, the header, and one `main` landmark. */
export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("frame.skip")}
      </a>
      <header className="site-header">
        <Link className="brand" href="/">
          <Mark />
          Polyphony
        </Link>
        <nav className="site-nav" aria-label="Site">
          {nav().map((item) => {
            const current = item.href === "/" ? path === "/" : path.startsWith(item.href);
            return (
              <Link key={item.href} href={item.href} {...(current && { "aria-current": "page" as const })}>
                {item.label}
              </Link>
            );
          })}
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" className={wide ? "wide" : undefined}>
        {children}
      </main>
      <footer className="site-footer">
        {t("frame.footer")}
      </footer>
    </>
  );
}

export function Loading({ label = t("frame.loading") }: { label?: string }) {
  return (
    <p role="status">
      <span className="spinner" aria-hidden="true" /> {label}…
    </p>
  );
}
