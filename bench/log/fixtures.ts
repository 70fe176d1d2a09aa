import { encodeBase64 } from "../../src/core/log/bytes.ts";
import { commitContent, encodeEntry, type LogEntry } from "../../src/core/log/entry.ts";

/** A small seeded generator (xorshift32), so that every run measures the same indices. */
export function makeRandom(seed: number): (below: number) => number {
  let state = seed >>> 0 || 1;
  return (below) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

const KINDS = ["values_card", "vote", "vote", "vote", "merge", "wish", "rating"];

/** The i-th synthetic entry: realistic field sizes (~300-byte leaves), distinct digests. */
export function makeEntry(i: number): LogEntry {
  const salt = new Uint8Array(32);
  new DataView(salt.buffer).setUint32(0, i);
  const author = new Uint8Array(32);
  new DataView(author.buffer).setUint32(28, i % 5000);
  const seconds = 1_795_000_000 + Math.floor(i / 20);
  return {
    v: 1,
    kind: KINDS[i % KINDS.length]!,
    campaign: `campaign-${i % 7}`,
    author: encodeBase64(author),
    time: new Date(seconds * 1000).toISOString(),
    body: {
      digest: commitContent({ text: `contribution ${i}`, context: i % 13 }, salt),
      id: `c-${i.toString(36).padStart(8, "0")}`,
      card: `card-${i % 115}`,
    },
  };
}

/** Entries 0 … n − 1. */
export function makeEntries(n: number): LogEntry[] {
  return Array.from({ length: n }, (_, i) => makeEntry(i));
}

/** Leaf bytes of entries 0 … n − 1. */
export function makeLeaves(n: number): Uint8Array[] {
  return makeEntries(n).map(encodeEntry);
}

/** Wall-clock and CPU milliseconds taken by `task`, with its result. CPU time is the steadier of
 * the two on a shared machine, where other processes stretch the wall clock. */
export function time<T>(task: () => T): { result: T; ms: number; cpuMs: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = task();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Formats a duration given in milliseconds with a unit that suits it. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}
