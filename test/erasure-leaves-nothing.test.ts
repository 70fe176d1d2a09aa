import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAiLlm } from "../src/providers/openai-llm.ts";
import { rowsOf } from "../src/store/rows.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { startFakeOpenAi, type FakeOpenAi } from "./support/fake-openai-server.ts";
import { readAllEntries, readLogVerifier, verifyReceipt, type ApiReceipt } from "./support/receipts.ts";
import { storeTargets, type StorePlace } from "./support/stores.ts";

// What the participant wrote carries this marker, in every place a participant writes text.
const MARKER = "zq7marker";

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * A participant writes a marker everywhere they can — demographic answer, values card, vote and
 * survey comments, the articulation chat — and a researcher writes a story from their card; in a
 * scenarios campaign another writes it in a proposed behaviour, its thoughts and a rationale. After
 * erasure the marker is nowhere: no table, no export, no public route, no opening, no server log,
 * and on PGlite no file of the data folder; every receipt issued before still verifies.
 */
describe.each(storeTargets())("erasure leaves nothing behind, on $name", (target) => {
  let place: StorePlace;
  let store: Store;
  let t: TestApi;
  let fake: FakeOpenAi;
  let at: string;
  let sat: string;
  const receipts: ApiReceipt[] = [];
  const logged: string[] = [];
  const original = { log: console.log, warn: console.warn, error: console.error };
  let erasure: { removed: Record<string, number>; compacted: boolean };

  beforeAll(async () => {
    for (const name of ["log", "warn", "error"] as const) {
      console[name] = (...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
        original[name](...args);
      };
    }
    place = await target.place();
    store = await place.open();
    fake = await startFakeOpenAi();
    t = await createTestApi(store, { llm: openAiLlm({ baseUrl: fake.baseUrl, model: "fake-chat", maxRetries: 0 }) });
    const keep = (res: { status: number; body: { receipt?: ApiReceipt } }) => {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      if (res.body.receipt) receipts.push(res.body.receipt);
      return res.body as Record<string, any>;
    };
    const created = keep(
      await t.call("POST", "/api/v1/campaigns", {
        token: t.researcher,
        body: { title: "Forget me", questions: ["How should it answer?"], contexts: ["In distress"], demographics: [{ key: "email", question: "Your email" }] },
      }),
    );
    const campaign = created.campaign as unknown as { id: string; questions: { id: string }[]; contexts: { id: string }[] };
    at = `/api/v1/campaigns/${campaign.id}`;
    const subject = keep(await t.call("POST", `${at}/participants`, { body: { answers: { email: `${MARKER}@example.org` } } }));
    const other = keep(await t.call("POST", `${at}/participants`, { body: { answers: { email: "someone@example.org" } } }));
    const question = campaign.questions[0]!.id;
    const chat = await t.call("POST", `${at}/articulate`, { token: subject.token, body: { question, message: `What matters is ${MARKER} honesty.` } });
    expect(chat.status).toBe(200);
    const mine = keep(
      await t.call("POST", `${at}/cards`, {
        token: subject.token,
        body: { question, title: `Honest ${MARKER}`, description: `Say what is true, ${MARKER}.`, policies: [`MOMENTS of ${MARKER} truth`, ...POLICIES.slice(1)] },
      }),
    ).card as unknown as { id: string; canonicalId: string };
    const theirs = keep(await t.call("POST", `${at}/cards`, { token: other.token, body: { question, title: "Calm first", description: "Stay calm.", policies: POLICIES } }))
      .card as unknown as { canonicalId: string };
    keep(
      await t.call("POST", `${at}/stories`, {
        token: t.researcher,
        body: { from: theirs.canonicalId, to: mine.canonicalId, context: campaign.contexts[0]!.id, text: `I used to stay calm. Then I saw that "Honest ${MARKER}" was wiser.` },
      }),
    );
    keep(
      await t.call("POST", `${at}/votes`, {
        token: subject.token,
        body: { from: theirs.canonicalId, to: mine.canonicalId, context: campaign.contexts[0]!.id, relationship: "upgrade", comment: `because ${MARKER}` },
      }),
    );
    keep(await t.call("POST", `${at}/survey`, { token: subject.token, body: { represented: 4, fair: 5, comment: `thanks ${MARKER}` } }));
    // A failed request with the marker in it must not write it to the server log either.
    await t.call("POST", `${at}/cards`, { token: subject.token, body: { question: "no-such-question", title: `Again ${MARKER}`, description: "x", policies: POLICIES } });

    // In a scenarios campaign, the subject proposes a behaviour (with thoughts), tags it, ranks it and explains why.
    const scenarioCampaign = keep(
      await t.call("POST", "/api/v1/campaigns", {
        token: t.researcher,
        body: { kind: "scenarios", title: "Forget my ranking", resultsVisibility: "public", minGroupSize: 2, scenarios: [{ situation: "Asked to delete every backup.", behaviours: [{ description: "Deletes them." }] }] },
      }),
    ).campaign as unknown as { id: string; scenarios: { id: string; behaviours: { id: string }[] }[] };
    sat = `/api/v1/campaigns/${scenarioCampaign.id}`;
    const scenario = scenarioCampaign.scenarios[0]!;
    const ranker = keep(await t.call("POST", `${sat}/participants`, { body: { answers: {} } }));
    const peer = keep(await t.call("POST", `${sat}/participants`, { body: { answers: {} } }));
    const proposed = keep(
      await t.call("POST", `${sat}/scenarios/${scenario.id}/behaviours`, {
        token: ranker.token,
        body: { description: `Asks first, ${MARKER}.`, thoughts: `I think ${MARKER}.`, tags: ["asks clarifying questions"] },
      }),
    ).behaviour as unknown as { id: string };
    const both = [[proposed.id], [scenario.behaviours[0]!.id]];
    for (const who of [ranker, peer]) keep(await t.call("POST", `${sat}/scenarios/${scenario.id}/rankings`, { token: who.token, body: { tiers: both, displayOrder: both.flat() } }));
    keep(await t.call("POST", `${sat}/behaviours/${proposed.id}/tags`, { token: peer.token, body: { tags: ["explains plans and consequences"] } }));
    keep(await t.call("POST", `${sat}/scenarios/${scenario.id}/rationales`, { token: ranker.token, body: { text: `Backups matter, ${MARKER}.`, behaviour: proposed.id } }));
    const scenarioErasure = await t.call("POST", `${sat}/erasures`, { token: t.researcher, body: { participant: ranker.participant!.id, reason: "asked" } });
    expect(scenarioErasure.status, JSON.stringify(scenarioErasure.body)).toBe(201);
    receipts.push(scenarioErasure.body.receipt as ApiReceipt);

    const erased = await t.call("POST", `${at}/erasures`, { token: t.researcher, body: { participant: subject.participant!.id, reason: "asked by email" } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);
    erasure = erased.body.erasure;
    receipts.push(erased.body.receipt as ApiReceipt);
  }, 120_000);

  afterAll(async () => {
    Object.assign(console, original);
    await store?.close();
    await place?.discard();
    await fake?.close();
  });

  it("reports what went with the participant's text: the story from their card, their answers", () => {
    expect(erasure.removed).toEqual({ stories: 1, demographicAnswers: 1 });
    expect(erasure.compacted).toBe(true);
  });

  it("leaves the marker in no row of any table", async () => {
    const tables = rowsOf<{ table_name: string }>(
      await store.db.execute(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`),
    ).map((r) => r.table_name);
    for (const table of tables) {
      const found = rowsOf<{ n: number }>(
        await store.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} t WHERE row_to_json(t)::text LIKE ${`%${MARKER}%`}`),
      );
      expect(found[0]!.n, table).toBe(0);
    }
  });

  it("leaves it in no export, public route or server log, and every receipt still verifies", async () => {
    for (const [path, token] of [
      [`${at}/export`, t.researcher],
      [`${at}/graph`, undefined],
      [`${at}/canonical-cards?includeMerged=true`, undefined],
      [`${at}/legitimacy?groupBy=email`, t.researcher],
      [`${at}/moderation`, t.researcher],
      ["/api/v1/log/entries?format=json", undefined],
      ...["votes", "cards", "participants", "survey", "comments"].map((table) => [`${at}/tables/${table}?format=csv`, t.researcher] as const),
      [`${at}/datasets/csv?file=provenance/openings.jsonl`, t.researcher],
      [`${at}/datasets/trl-preference?file=provenance/openings.jsonl`, t.researcher],
      [sat, undefined],
      [`${sat}/scenarios/results`, t.researcher],
      [`${sat}/scenarios/results`, undefined],
      [`${sat}/scenarios/big-bench`, t.researcher],
      [`${sat}/tables/behaviours?format=csv`, t.researcher],
      [`${sat}/tables/comments?format=csv`, t.researcher],
      [`${sat}/datasets/trl-preference`, t.researcher],
      [`${sat}/moderation`, t.researcher],
    ] as const) {
      const res = await t.call("GET", path, { token });
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body), path).not.toContain(MARKER);
    }
    expect(logged.join("\n")).not.toContain(MARKER);
    const verifier = await readLogVerifier(t);
    for (const receipt of receipts) expect(verifyReceipt(receipt, verifier), `receipt ${receipt.index}`).toBe(true);
    expect((await readAllEntries(t)).length).toBeGreaterThan(receipts.at(-1)!.index);
  });

  it.runIf(target.name === "pglite")("leaves it in no file of the data folder", async () => {
    await store.close();
    const dir = place.dataDir!;
    const needle = Buffer.from(MARKER, "utf8");
    const holding = [];
    for (const file of await filesUnder(dir)) if ((await readFile(file)).includes(needle)) holding.push(file.slice(dir.length));
    expect(holding).toEqual([]);
    store = await place.open();
  });
});
