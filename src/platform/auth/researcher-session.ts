import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/**
 * The web app's researcher session: the researcher's token in a cookie that scripts cannot read
 * (HttpOnly), that no other site's page sends (SameSite=Strict) and that only the API receives
 * (Path=/api). Bearer tokens stay for the API and the CLI. A request cannot be forged across
 * sites either way: bodies must be JSON (415 otherwise), which a cross-site form cannot send, and
 * the server allows no cross-origin request.
 */
export const RESEARCHER_COOKIE = "polyphony_researcher";

/** How long a browser keeps the session: 30 days, or until the researcher signs out. */
const MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Whether the request reached the server over HTTPS, directly or through the reverse proxy. */
const overHttps = (c: Context) => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

export function startResearcherSession(c: Context, token: string) {
  setCookie(c, RESEARCHER_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/api", maxAge: MAX_AGE_SECONDS, secure: overHttps(c) });
}

export function endResearcherSession(c: Context) {
  deleteCookie(c, RESEARCHER_COOKIE, { path: "/api", secure: overHttps(c) });
}

/** The token of the researcher session this request carries, if any. */
export const researcherSessionToken = (c: Context): string | undefined => getCookie(c, RESEARCHER_COOKIE) || undefined;
