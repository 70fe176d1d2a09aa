import { api, ApiError } from "./api.ts";
import { writeStored } from "./storage.ts";

/** Who the browser is signed in as; the session itself is an HttpOnly cookie no script can read. */
export interface ResearcherSession {
  researcher: { id: string; name: string };
}

// Earlier versions kept the token in localStorage, where any script on the page could read it.
const LEGACY_KEY = "polyphony.researcher";

/** The researcher this browser is signed in as, or null (also when the session's token was revoked). */
export async function fetchResearcherSession(signal?: AbortSignal): Promise<ResearcherSession | null> {
  writeStored(LEGACY_KEY, null);
  try {
    const { researcher } = await api<{ researcher: ResearcherSession["researcher"] | null }>("/researcher-session", { ...(signal && { signal }) });
    return researcher ? { researcher } : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs the browser in: the server checks the token and keeps it in the session cookie. */
export const signInResearcher = (token: string) => api<ResearcherSession>("/researcher-session", { body: { token } });

export const signOutResearcher = () => api("/researcher-session", { method: "DELETE" });
