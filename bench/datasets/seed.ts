import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { ServiceDeps } from "../../src/platform/deps.ts";
import { rowsOf } from "../../src/store/rows.ts";
import { streamRows } from "../../src/datasets/log-sources.ts";
import { BENCH_SPEC, type SyntheticSpec } from "../moral-graph/synthetic.ts";
import { seedCampaign } from "../results/seed.ts";

/** The campaign: a million votes on 2,000 values in 50 contexts, by 10,000 people in 4 groups. */
export const DATASETS_SPEC: SyntheticSpec = { ...BENCH_SPEC, votes: 1_000_000, cards: 2_000, participants: 10_000, cardsPerContext: 400, seed: 20261203 };

const BATCH = 10_000;
const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/**
 * Seeds the campaign (bench/results/seed.ts: cards, participants and votes straight into the
 * tables), then logs every vote as the API would: a `vote` entry whose body commits to the vote's
 * content with a fresh salt, and its opening, appended after the campaign's own entries. The tree
 * and a checkpoint are then made by the log itself, as on a server that has run for a while.
 */
export async function seedLoggedCampaign(deps: ServiceDeps, spec: SyntheticSpec = DATASETS_SPEC): Promise<string> {
  const { campaign } = await seedCampaign(deps, spec);
  const db = deps.store.db;
  const [head] = rowsOf<{ size: number | string }>(await db.execute(sql`SELECT size FROM log_head WHERE id = 1`));
  let index = Number(head!.size);
  const time = new Date().toISOString();
  const author = Buffer.alloc(32, 7).toString("base64");
  await deps.store.transaction(async (tx) => {
    type Vote = { id: string; from_id: string; to_id: string; context_id: string; relationship: string };
    let batch: { index: number; leaf: Buffer; hash: Buffer; salt: Buffer; content: string }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const hex = (pick: (e: (typeof batch)[number]) => Buffer) => sql.param(batch.map((e) => pick(e).toString("hex")));
      await tx.execute(sql`INSERT INTO log_entries (index, leaf, leaf_hash, kind, campaign_id, time)
        SELECT i, decode(l, 'hex'), decode(h, 'hex'), 'vote', ${campaign}, ${time}::timestamptz
        FROM unnest(${sql.param(batch.map((e) => e.index))}::bigint[], ${hex((e) => e.leaf)}::text[], ${hex((e) => e.hash)}::text[]) AS u(i, l, h)`);
      await tx.execute(sql`INSERT INTO log_openings (entry_index, salt, content)
        SELECT i, decode(s, 'hex'), c FROM unnest(${sql.param(batch.map((e) => e.index))}::bigint[], ${hex((e) => e.salt)}::text[], ${sql.param(batch.map((e) => e.content))}::text[]) AS u(i, s, c)`);
      batch = [];
    };
    const votes: Vote[] = [];
    for await (const vote of streamRows<Vote>(tx, sql`SELECT id, from_id, to_id, context_id, relationship FROM votes WHERE campaign_id = ${campaign} ORDER BY id`)) votes.push(vote);
    for (const v of votes) {
      // RFC 8785: keys in code-point order, no spaces.
      const content = `{"context":"${v.context_id}","from":"${v.from_id}","relationship":"${v.relationship}","to":"${v.to_id}"}`;
      const salt = randomBytes(16);
      const digest = sha256(salt, Buffer.from(content)).toString("base64");
      const leaf = Buffer.from(
        `{"author":"${author}","body":{"context":"${v.context_id}","digest":"${digest}","from":"${v.from_id}","replaced":false,"to":"${v.to_id}","vote":"${v.id}"},"campaign":"${campaign}","kind":"vote","time":"${time}","v":1}`,
      );
      batch.push({ index, leaf, hash: sha256(Buffer.from([0]), leaf), salt, content });
      index++;
      if (batch.length === BATCH) await flush();
    }
    await flush();
    await tx.execute(sql`UPDATE log_head SET size = ${index} WHERE id = 1`);
  });
  await deps.log.checkpointCovering(index);
  // PostgreSQL's autovacuum would gather the statistics the planner needs; PGlite runs none.
  await db.execute(sql`ANALYZE`);
  return campaign;
}
