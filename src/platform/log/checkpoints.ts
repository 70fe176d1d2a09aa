import { desc, sql } from "drizzle-orm";
import { PolyphonyError } from "../../core/errors.ts";
import { encodeBase64, equalBytes, openCheckpoint, signCheckpoint, type HashTree } from "../../core/log/index.ts";
import type { Queryable, Store } from "../../store/open.ts";
import { logCheckpoints } from "./schema.ts";
import type { LogKey } from "./log-key.ts";

/** A checkpoint the log signed. */
export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  /** The C2SP signed note: checkpoint text, blank line, signature line. */
  readonly note: string;
  readonly signedAt: Date;
}

/** The checkpoint with the largest size, or null before the first. */
export async function readLatestCheckpoint(db: Queryable): Promise<StoredCheckpoint | null> {
  const [row] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1);
  return row ?? null;
}

function refuse(message: string): never {
  const error = new PolyphonyError("internal", `the log refuses to sign a checkpoint: ${message}`);
  console.error(error.message);
  throw error;
}

/**
 * Checks that `latest`, a checkpoint this log signed before, is a prefix of `tree`: signed by this
 * log's key, for this origin, with the root that the tree's first `latest.size` leaves hash to.
 * Any difference means the stored entries were changed or another key signs for this log, and
 * signing on would publish two checkpoints that no consistency proof can join.
 */
function checkExtends(latest: StoredCheckpoint, tree: HashTree, key: LogKey, known: string | null): void {
  if (latest.note === known) {
    // This process signed or checked this very note: only the entries could have changed since.
    if (!equalBytes(tree.root(latest.size), latest.root)) refuse(`the first ${latest.size} entries no longer hash to the root of the signed checkpoint ${latest.size}`);
    return;
  }
  let opened;
  try {
    opened = openCheckpoint(latest.note, key.verifier).checkpoint;
  } catch {
    refuse(`checkpoint ${latest.size} was not signed by this log's key ${key.verifierKey}; every server of a log needs the same key`);
  }
  if (opened.origin !== key.origin) refuse(`checkpoint ${latest.size} names the origin ${opened.origin}, not ${key.origin}`);
  if (opened.size !== latest.size || !equalBytes(opened.root, latest.root)) refuse(`checkpoint ${latest.size} is stored inconsistently`);
  if (!equalBytes(tree.root(latest.size), opened.root)) {
    refuse(`the first ${latest.size} entries no longer hash to the root ${encodeBase64(opened.root)} of the signed checkpoint ${latest.size}`);
  }
}

/**
 * Signs and stores a checkpoint of the whole `tree`, unless the latest stored one already covers
 * it, in which case that one is returned. Signers on every server take one lock in turn, so each
 * new checkpoint is checked against the one signed just before it; `known` is a note the caller
 * signed before, whose signature need not be verified again. `signed` says whether this call
 * signed the checkpoint it returns.
 */
export async function signNextCheckpoint(
  store: Store,
  tree: HashTree,
  key: LogKey,
  now: Date,
  known: string | null = null,
): Promise<{ checkpoint: StoredCheckpoint; signed: boolean }> {
  return store.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':polyphony:log:checkpoint'))`);
    const latest = await readLatestCheckpoint(tx);
    const size = tree.size;
    if (latest && latest.size >= size) return { checkpoint: latest, signed: false };
    if (latest) checkExtends(latest, tree, key, known);
    const root = tree.root(size);
    const note = signCheckpoint({ origin: key.origin, size, root, extensions: [] }, [key.signer]);
    const signed = { size, root, note, signedAt: now };
    await tx.insert(logCheckpoints).values(signed);
    return { checkpoint: signed, signed: true };
  });
}
