import { readStored, writeStored } from "./storage.ts";

const KEY = "polyphony.researcher";

/** The researcher token this browser signed in with, if any. */
export const loadResearcherToken = () => readStored<string>(KEY);
export const saveResearcherToken = (token: string | null) => writeStored(KEY, token);
