import { useCallback } from "react";
import { fetchResearcherSession, signOutResearcher, type ResearcherSession } from "../lib/researcher.ts";
import { useAsync } from "../lib/use-async.ts";

/**
 * The signed-in researcher, as the server's session cookie says: `undefined` while asking, null
 * when signed out. `reload` after signing in; `signOut` ends the session.
 */
export function useResearcher() {
  const session = useAsync((signal) => fetchResearcherSession(signal), []);
  const { reload } = session;
  const signOut = useCallback(async () => {
    await signOutResearcher();
    reload();
  }, [reload]);
  const researcher: ResearcherSession | null | undefined = session.status === "failed" ? null : session.data;
  return { researcher, reload, signOut };
}
