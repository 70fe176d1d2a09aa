import { api, apiText } from "../lib/api.ts";

/** What a contributor receives with each contribution, and what the log's proof route answers. */
export interface Receipt {
  index: number;
  leafHash: string;
  inclusionProof: string[];
  checkpoint: string | null;
}

export interface LatestCheckpoint {
  size: number;
  root: string;
  checkpoint: string;
  signedAt: string;
}

export interface LogLine {
  index: number;
  /** Base64 of the exact leaf bytes. */
  leaf: string;
  entry: { v: number; kind: string; campaign?: string; author?: string; time?: string; body?: unknown; [key: string]: unknown };
}

export const fetchLatestCheckpoint = (signal?: AbortSignal) => api<LatestCheckpoint>("/log/checkpoint?format=json", { ...(signal && { signal }) });

export const fetchVerifierKey = async (signal?: AbortSignal) => (await apiText("/log/key", { ...(signal && { signal }) })).trim();

export const fetchEntries = (from: number, to: number, signal?: AbortSignal) =>
  api<{ from: number; to: number; entries: LogLine[] }>(`/log/entries?from=${from}&to=${to}&format=json`, { ...(signal && { signal }) });

export const fetchInclusionProof = (index: number) =>
  api<Receipt & { size: number }>(`/log/proof/inclusion?index=${index}`);
