import type { ReactNode } from "react";
import { Link, useLocation } from "../lib/router.tsx";

const NAV = [
  { href: "/", label: "Home" },
  { href: "/log", label: "Log" },
  { href: "/researcher", label: "Researchers" },
];

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
        Skip to content
      </a>
      <header className="site-header">
        <Link className="brand" href="/">
          <Mark />
          Polyphony
        </Link>
        <nav className="site-nav" aria-label="Site">
          {NAV.map((item) => {
            const current = item.href === "/" ? path === "/" : path.startsWith(item.href);
            return (
              <Link key={item.href} href={item.href} {...(current && { "aria-current": "page" as const })}>
                {item.label}
              </Link>
            );
          })}
        </nav>
      </header>
      <main id="main" className={wide ? "wide" : undefined}>
        {children}
      </main>
      <footer className="site-footer">
        Polyphony keeps every voice distinct and every contribution on an open record.
      </footer>
    </>
  );
}

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <p role="status">
      <span className="spinner" aria-hidden="true" /> {label}…
    </p>
  );
}
