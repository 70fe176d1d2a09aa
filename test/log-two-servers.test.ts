import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, openCheckpoint, verifyConsistency } from "../src/core/log/index.ts";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { readLogVerifier, verifyReceipt, type ApiReceipt } from "./support/receipts.ts";
import { storeTargets, type StorePlace } from "./support/stores.ts";

const postgres = storeTargets().find((t) => t.name === "postgres");
const policies = ["MOMENTS of doubt", "CHOICES made in haste", "PEOPLE nearby"];

/** Two servers, as an organisation runs them: two pools on one PostgreSQL schema, one log key. */
describe.skipIf(postgres === undefined)("two servers on one PostgreSQL", () => {
  let place: StorePlace;
  let stores: Store[];
  let servers: TestApi[];

  beforeAll(async () => {
    place = await postgres!.place();
    stores = [await place.open(), await place.open()];
    const logSeed = new Uint8Array(randomBytes(32));
    servers = await Promise.all(stores.map((store) => createTestApi(store, { logSeed })));
  });
  afterAll(async () => {
    await Promise.all((stores ?? []).map((s) => s.close()));
    await place?.discard();
  });

  it("sequences parallel contributions to both into indices 0..n−1, with receipts and checkpoints that agree", async () => {
    const [a, b] = servers as [TestApi, TestApi];
    const created = await a.call("POST", "/api/v1/campaigns", { token: a.researcher, body: { title: "Busy", questions: ["Q?"], contexts: ["C"] } });
    const campaign = created.body.campaign as { id: string; questions: { id: string }[] };
    const server = (i: number) => (i % 2 === 0 ? a : b);
    const joined = await Promise.all(
      Array.from({ length: 24 }, (_, i) => server(i).call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: {} })),
    );
    const cards = await Promise.all(
      joined.flatMap((j, i) =>
        [0, 1].map((k) =>
          server(i + k).call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
            token: j.body.token,
            body: { question: campaign.questions[0]!.id, title: `Value ${i}.${k}`, description: "A value.", policies },
          }),
        ),
      ),
    );
    const receipts = [created, ...joined, ...cards].map((r) => {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.receipt as ApiReceipt;
    });

    const total = 1 + 24 + 48 * 2;
    const indices = rowsOf<{ index: string }>(await stores[0]!.db.execute(sql`select index from log_entries order by index`)).map((r) => Number(r.index));
    expect(indices).toEqual([...Array(total).keys()]);
    const verifier = await readLogVerifier(a);
    for (const receipt of receipts) expect(verifyReceipt(receipt, verifier)).toBe(true);
    expect(new Set(receipts.map((r) => r.index)).size).toBe(receipts.length);

    const [treeA, treeB] = await Promise.all(servers.map((s) => s.deps.log.catchUp()));
    expect(treeA!.size).toBe(total);
    expect(treeB!.root()).toEqual(treeA!.root());

    const notes = rowsOf<{ note: string }>(await stores[1]!.db.execute(sql`select note from log_checkpoints order by size`));
    const checkpoints = notes.map((n) => openCheckpoint(n.note, verifier).checkpoint);
    expect(checkpoints.at(-1)!.size).toBe(total);
    for (let i = 1; i < checkpoints.length; i++) {
      const [x, y] = [checkpoints[i - 1]!, checkpoints[i]!];
      const proof = treeA!.proveConsistency(x.size, y.size);
      expect(verifyConsistency(x.size, y.size, proof, x.root, y.root), `${x.size} → ${y.size}`).toBe(true);
    }
    const bytes = (s: string) => decodeBase64(s)!;
    expect(bytes(receipts[0]!.leafHash)).toEqual(treeB!.readNode(0, 0));
  });
});
