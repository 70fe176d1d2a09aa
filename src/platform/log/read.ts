import { and, asc, eq, gte, lt } from "drizzle-orm";
import { invalid, notFound } from "../../core/errors.ts";
import { decodeBase64, encodeBase64, formatExportLine, HASH_SIZE } from "../../core/log/index.ts";
import { logCheckpoints, logEntries } from "./schema.ts";
import type { ServiceDeps } from "../deps.ts";
import type { StoredCheckpoint } from "./checkpoints.ts";

/** The most entries one page of `readEntries` returns. */
export const MAX_PAGE = 1000;

/** The latest signed checkpoint; on a log that has none yet, one is signed for its current size. */
export async function readCheckpoint(deps: ServiceDeps): Promise<StoredCheckpoint> {
  return (await deps.log.latestCheckpoint()) ?? deps.log.checkpointCovering((await deps.log.catchUp()).size);
}

async function requireSize(deps: ServiceDeps, size: number, field: string): Promise<number> {
  const tree = await deps.log.catchUp();
  if (size > tree.size) throw invalid(field, `the log has ${tree.size} entries; ${field} ${size} is beyond them`);
  return tree.size;
}

/** Export lines (`{"index","leaf","entry"}`) of entries [from, to); `to` defaults to a full page or the end. */
export async function readEntries(deps: ServiceDeps, from: number, to?: number) {
  const size = (await deps.log.catchUp()).size;
  const end = to ?? Math.min(from + MAX_PAGE, size);
  if (from > size) throw invalid("from", `the log has ${size} entries; from ${from} is beyond them`);
  if (end < from) throw invalid("to", "to must not be smaller than from");
  if (end - from > MAX_PAGE) throw invalid("to", `a page holds at most ${MAX_PAGE} entries`);
  await requireSize(deps, end, "to");
  const rows = await deps.store.db
    .select({ index: logEntries.index, leaf: logEntries.leaf })
    .from(logEntries)
    .where(and(gte(logEntries.index, from), lt(logEntries.index, end)))
    .orderBy(asc(logEntries.index));
  return { from, to: end, lines: rows.map((r) => formatExportLine(r.index, r.leaf)) };
}

/** Reads a leaf hash given as 64 hex digits or (URL-safe or standard) base64. */
export function parseLeafHash(text: string): Uint8Array {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text)
    ? Uint8Array.from(Buffer.from(text, "hex"))
    : decodeBase64(text.replace(/-/g, "+").replace(/_/g, "/").replace(/ /g, "+"));
  if (bytes === null || bytes.length !== HASH_SIZE) throw invalid("leafHash", "a leaf hash is 64 hex digits or the base64 of 32 bytes");
  return bytes;
}

async function findLeaf(deps: ServiceDeps, leafHash: Uint8Array): Promise<number> {
  const [row] = await deps.store.db.select({ index: logEntries.index }).from(logEntries).where(eq(logEntries.leafHash, leafHash)).limit(1);
  if (!row) throw notFound("entry with leaf hash", encodeBase64(leafHash), "leafHash");
  return row.index;
}

/** The signed checkpoint of exactly this size, when the log signed one. */
async function findCheckpoint(deps: ServiceDeps, size: number): Promise<string | null> {
  const [row] = await deps.store.db.select({ note: logCheckpoints.note }).from(logCheckpoints).where(eq(logCheckpoints.size, size));
  return row?.note ?? null;
}

/** The size proofs lead to when none is asked for: the latest signed checkpoint's. */
async function defaultSize(deps: ServiceDeps): Promise<number> {
  return (await readCheckpoint(deps)).size;
}

/** Inclusion proof of an entry, named by index or leaf hash, in the tree of `size` entries. */
export async function readInclusionProof(deps: ServiceDeps, query: { index?: number | undefined; leafHash?: string | undefined; size?: number | undefined }) {
  if ((query.index === undefined) === (query.leafHash === undefined)) throw invalid("index", "give either index or leafHash");
  const index = query.index ?? (await findLeaf(deps, parseLeafHash(query.leafHash!)));
  const size = query.size ?? (await defaultSize(deps));
  await requireSize(deps, size, "size");
  if (index >= size) throw invalid("index", `entry ${index} is not in the tree of ${size} entries`);
  const tree = await deps.log.catchUp();
  return {
    index,
    size,
    leafHash: encodeBase64(tree.readNode(0, index)),
    inclusionProof: tree.proveInclusion(index, size).map(encodeBase64),
    checkpoint: await findCheckpoint(deps, size),
  };
}

/** Consistency proof between the trees of `from` and `to` entries (`to` defaults to the latest checkpoint). */
export async function readConsistencyProof(deps: ServiceDeps, from: number, to?: number) {
  const size = to ?? (await defaultSize(deps));
  await requireSize(deps, size, "to");
  if (from === 0) throw invalid("from", "every tree extends the empty one: a consistency proof starts at a size of 1 or more");
  if (from > size) throw invalid("from", `from ${from} is larger than to ${size}`);
  const tree = await deps.log.catchUp();
  return {
    from,
    to: size,
    consistencyProof: tree.proveConsistency(from, size).map(encodeBase64),
    checkpoint: await findCheckpoint(deps, size),
  };
}
