import { and, asc, gte, lt } from "drizzle-orm";
import { invalid } from "../../../core/errors.ts";
import { encodeBase64, equalBytes, formatExportLine } from "../../../core/log/index.ts";
import { logEntries } from "../schema.ts";
import type { ServiceDeps } from "../../deps.ts";
import { readCheckpoint } from "../read.ts";
import { NODE_HASHER } from "../node-hasher.ts";

/** Rows read per query. */
const PAGE = 5000;

/** What an export wrote. */
export interface ExportSummary {
  readonly from: number;
  readonly to: number;
  readonly entries: number;
  /** Indices where the stored log is damaged: missing, or a leaf that is not its recorded hash's. */
  readonly damaged: readonly number[];
}

/** The line of a stored leaf that is not a JSON object: it still names its index, and fails verification there. */
const unreadableLine = (index: number, leaf: Uint8Array) => `{"index":${index},"leaf":"${encodeBase64(leaf)}","entry":null}`;

/**
 * Writes the stored entries [from, to) as export lines (`{"index","leaf","entry"}`), page by page,
 * through `write` (which may wait for the output to drain), never holding the whole export. `to`
 * defaults to the latest signed checkpoint's size, so that the export and `log checkpoint` match.
 *
 * It reads the rows as stored rather than through the server's tree, which refuses a damaged log:
 * an export shows what is there, and reports each index where the rows are not what the log
 * recorded (a gap, or a leaf whose hash is not its row's leaf hash) through `warn`.
 */
export async function exportLog(
  deps: ServiceDeps,
  range: { from?: number | undefined; to?: number | undefined },
  write: (text: string) => Promise<void>,
  warn: (message: string) => void,
): Promise<ExportSummary> {
  const from = range.from ?? 0;
  const to = range.to ?? ((await deps.log.latestCheckpoint()) ?? (await readCheckpoint(deps))).size;
  if (to < from) throw invalid("to", `--to ${to} is smaller than --from ${from}`);
  const damaged: number[] = [];
  let expected = from;
  let entries = 0;
  while (expected < to) {
    const rows = await deps.store.db
      .select({ index: logEntries.index, leaf: logEntries.leaf, leafHash: logEntries.leafHash })
      .from(logEntries)
      .where(and(gte(logEntries.index, expected), lt(logEntries.index, to)))
      .orderBy(asc(logEntries.index))
      .limit(PAGE);
    if (rows.length === 0) break;
    const lines: string[] = [];
    for (const row of rows) {
      if (row.index !== expected) damaged.push(expected);
      if (!equalBytes(NODE_HASHER.hashLeaf(row.leaf), row.leafHash)) damaged.push(row.index);
      try {
        lines.push(formatExportLine(row.index, row.leaf));
      } catch {
        lines.push(unreadableLine(row.index, row.leaf));
      }
      expected = row.index + 1;
    }
    entries += rows.length;
    await write(lines.join("\n") + "\n");
  }
  if (expected < to) damaged.push(expected);
  if (damaged.length > 0) warn(`the stored log is damaged at ${damaged.length === 1 ? "index" : "indices"} ${damaged.slice(0, 10).join(", ")}${damaged.length > 10 ? ", …" : ""}: the export shows the rows as they are`);
  return { from, to, entries, damaged };
}
