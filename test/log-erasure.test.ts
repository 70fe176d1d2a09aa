import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, decodeEntry, verifyConsistency, verifyContent, verifyInclusion } from "../src/core/log/index.ts";
import type { Store } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { readLogVerifier, verifyReceipt } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const policies = ["MOMENTS of doubt", "CHOICES made in haste", "PEOPLE nearby"];
const bytes = (text: string) => decodeBase64(text)!;

describe.each(storeTargets())("erasure on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  let alice: { id: string; token: string; publicKey: string };
  let aliceCard: { id: string; canonicalId: string; index: number };
  let bobCard: { canonicalId: string };

  const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await store.db.execute(text));
  const join = async (body: Record<string, unknown> = {}) => {
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body });
    expect(res.status).toBe(201);
    return { ...res.body.participant, token: res.body.token as string };
  };
  const submit = async (token: string, title: string) => {
    const res = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
      token,
      body: { question: campaign.questions[0]!.id, title, description: `${title}, in my words.`, policies },
    });
    expect(res.status).toBe(201);
    return { ...res.body.card, index: res.body.receipt.index as number };
  };
  const erase = (body: Record<string, unknown>) =>
    t.call("POST", `/api/v1/campaigns/${campaign.id}/erasures`, { token: t.researcher, body: { reason: "asked by email", ...body } });
  const checkpoint = async () => (await t.call("GET", "/api/v1/log/checkpoint?format=json")).body as { size: number; root: string };
  const opening = async (index: number) =>
    (await query<{ salt: Uint8Array; content: string }>(sql`select salt, content from log_openings where entry_index = ${index}`))[0];
  const leafOf = async (index: number) => bytes((await t.call("GET", `/api/v1/log/entries?from=${index}&to=${index + 1}&format=json`)).body.entries[0].leaf);

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const created = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Erasure", questions: ["Q?"], contexts: ["C"] } });
    campaign = created.body.campaign;
    alice = await join({ externalId: "prolific-alice" });
    const bob = await join();
    aliceCard = await submit(alice.token, "Candour");
    bobCard = await submit(bob.token, "Care");
    const vote = { from: aliceCard.canonicalId, to: bobCard.canonicalId, context: campaign.contexts[0]!.id, relationship: "upgrade", comment: "my brother's story" };
    expect((await t.call("POST", `/api/v1/campaigns/${campaign.id}/votes`, { token: alice.token, body: vote })).status).toBe(201);
    expect((await t.call("POST", `/api/v1/campaigns/${campaign.id}/survey`, { token: alice.token, body: { represented: 5, fair: 4, comment: "thanks" } })).status).toBe(200);
  });
  afterAll(async () => store?.close());

  it("removes the person's text and openings, keeps every leaf and proof, and makes the content uncheckable", async () => {
    const before = await checkpoint();
    const leaves = await Promise.all([...Array(before.size).keys()].map(leafOf));
    const open = (await opening(aliceCard.index))!;
    const cardEntry = decodeEntry(leaves[aliceCard.index]!);
    expect(verifyContent(cardEntry, JSON.parse(open.content), new Uint8Array(open.salt))).toBe(true);

    const res = await erase({ participant: alice.id });
    expect(res.status).toBe(201);
    expect(res.body.erasure).toMatchObject({ participant: alice.id, publicKey: alice.publicKey, openings: 5 });
    expect(verifyReceipt(res.body.receipt, await readLogVerifier(t))).toBe(true);
    const entry = decodeEntry(await leafOf(res.body.receipt.index));
    expect(entry).toMatchObject({ kind: "erasure", body: { subject: alice.publicKey, openings: 5 } });
    expect(JSON.stringify(entry)).not.toContain(alice.id);

    const cards = await query<{ title: string; description: string; policies: string[] }>(sql`select title, description, policies from values_cards where participant_id = ${alice.id}`);
    expect(cards).toEqual([{ title: "", description: "", policies: [] }]);
    const canonical = await query<{ id: string; title: string }>(sql`select id, title from canonical_cards order by title`);
    expect(canonical).toEqual([{ id: aliceCard.canonicalId, title: "" }, { id: bobCard.canonicalId, title: "Care" }]);
    expect(await query(sql`select comment from votes where participant_id = ${alice.id}`)).toEqual([{ comment: null }]);
    expect(await query(sql`select comment, represented from survey_answers where participant_id = ${alice.id}`)).toEqual([{ comment: null, represented: 5 }]);
    expect(await query(sql`select entry_index from log_openings where participant_id = ${alice.id}`)).toEqual([]);
    expect(await opening(aliceCard.index)).toBeUndefined();

    const after = await checkpoint();
    for (let i = 0; i < before.size; i++) expect(await leafOf(i), `leaf ${i}`).toEqual(leaves[i]);
    const inclusion = (await t.call("GET", `/api/v1/log/proof/inclusion?index=${aliceCard.index}&size=${after.size}`)).body;
    expect(verifyInclusion(bytes(inclusion.leafHash), aliceCard.index, after.size, inclusion.inclusionProof.map(bytes), bytes(after.root))).toBe(true);
    const consistency = (await t.call("GET", `/api/v1/log/proof/consistency?from=${before.size}&to=${after.size}`)).body;
    expect(verifyConsistency(before.size, after.size, consistency.consistencyProof.map(bytes), bytes(before.root), bytes(after.root))).toBe(true);
  });

  it("ends the erased participant's session and refuses a second erasure", async () => {
    const card = await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, {
      token: alice.token,
      body: { question: campaign.questions[0]!.id, title: "Again", description: "Again.", policies },
    });
    expect(card.status).toBe(401);
    const again = await erase({ externalId: "prolific-alice" });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe("participant");
  });

  it("finds the person by external id or public key, and names a missing or ambiguous one", async () => {
    const carol = await join({ externalId: "prolific-carol" });
    const dave = await join();
    expect((await erase({ externalId: "prolific-carol" })).body.erasure.participant).toBe(carol.id);
    expect((await erase({ publicKey: dave.publicKey })).body.erasure.participant).toBe(dave.id);
    const entries = await store.db.execute(sql`select count(*)::int as n from log_entries`);
    const missing = await erase({ participant: "ptc_nobody" });
    expect(missing.status).toBe(404);
    expect((await erase({})).status).toBe(422);
    expect((await erase({ participant: carol.id, publicKey: dave.publicKey })).status).toBe(422);
    expect((await t.call("POST", `/api/v1/campaigns/${campaign.id}/erasures`, { body: { participant: dave.id, reason: "x" } })).status).toBe(401);
    expect(await store.db.execute(sql`select count(*)::int as n from log_entries`)).toMatchObject({ rows: rowsOf(entries) });
  });
});
