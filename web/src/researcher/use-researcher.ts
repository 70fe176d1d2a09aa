import { useState } from "react";
import { loadResearcherToken, saveResearcherToken } from "../lib/researcher.ts";

/** The signed-in researcher's token and a way to change it. */
export function useResearcherToken() {
  const [token, setToken] = useState(loadResearcherToken);
  const change = (next: string | null) => {
    saveResearcherToken(next);
    setToken(next);
  };
  return [token, change] as const;
}
