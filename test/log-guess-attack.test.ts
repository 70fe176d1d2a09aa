import { ed25519 } from "@noble/curves/ed25519.js";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, type JsonValue, type LogEntry } from "../src/core/log/index.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { readAllEntries } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const RELATIONSHIPS = ["upgrade", "no_upgrade", "not_sure"] as const;
const SCORES = [1, 2, 3, 4, 5];
const policies = ["MOMENTS when they name a fear", "CHOICES that still feel right later", "PEOPLE who could support them"];

/** The messages a participant's signature could be over, for a guessed content (docs/log-format.md). */
const messages = (entry: LogEntry, content: JsonValue) => [new TextEncoder().encode(canonicalize({ v: 1, campaign: entry.campaign, kind: entry.kind, content }))];

/** Every string in a leaf's body that could be an Ed25519 signature. */
function signatureLike(entry: LogEntry): Uint8Array[] {
  return Object.values(entry.body)
    .filter((v): v is string => typeof v === "string")
    .map((v) => decodeBase64(v))
    .filter((b): b is Uint8Array => b !== null && b.length === 64);
}

/** The guesses an outsider can enumerate for an entry from the public campaign and the entry's public refs. */
function guesses(entry: LogEntry, demographics: { key: string; options: string[] }[]): { label: string; content: JsonValue }[] {
  switch (entry.kind) {
    case "participant_joined": {
      let combos: Record<string, string>[] = [{}];
      for (const q of demographics) combos = combos.flatMap((c) => q.options.map((o) => ({ ...c, [q.key]: o })));
      return combos.map((answers) => ({ label: JSON.stringify(answers), content: { answers } }));
    }
    case "survey_answer":
      return SCORES.flatMap((represented) => SCORES.map((fair) => ({ label: `${represented}/${fair}`, content: { represented, fair } })));
    case "vote": {
      const { from = "", to = "", context = "", story } = entry.body as Partial<Record<string, string>>;
      return RELATIONSHIPS.map((relationship) => ({ label: relationship, content: { from, to, context, relationship, ...(story !== undefined && { story }) } }));
    }
    default:
      return [];
  }
}

/**
 * An outsider with no token reads the public campaign and the public log, and tests every guess of
 * each participant's demographic answers, survey scores and vote directions against whatever in
 * the leaf could be the participant's signature. Nothing they learn may confirm a guess.
 */
async function attack(t: TestApi, campaignId: string) {
  const { body } = await t.call("GET", `/api/v1/campaigns/${campaignId}`);
  const demographics = (body as { campaign: { demographics: { key: string; options: string[] }[] } }).campaign.demographics;
  const recovered: string[] = [];
  let checks = 0;
  for (const { index, entry } of await readAllEntries(t)) {
    if (entry.campaign !== campaignId) continue;
    const author = decodeBase64(entry.author);
    if (author === null || author.length !== 32) continue;
    for (const guess of guesses(entry, demographics)) {
      for (const message of messages(entry, guess.content)) {
        for (const signature of signatureLike(entry)) {
          checks++;
          if (ed25519.verify(signature, message, author)) recovered.push(`${index} ${entry.kind}: ${guess.label}`);
        }
      }
    }
  }
  return { recovered, checks };
}

describe.each(storeTargets())("the public log against an outsider guessing content, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  const ownSeed = ed25519.utils.randomSecretKey();

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const created = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: {
        title: "Results for researchers only",
        questions: ["How should it answer?"],
        contexts: ["In distress"],
        demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "centre", "right"] }],
        resultsVisibility: "token",
      },
    });
    campaign = (created.body as { campaign: typeof campaign }).campaign;
    const at = `/api/v1/campaigns/${campaign.id}`;
    const people = [];
    for (const politics of ["left", "centre", "right"]) {
      const joined = await t.call("POST", `${at}/participants`, { body: { answers: { politics } } });
      people.push((joined.body as { token: string }).token);
    }
    // One participant holds their own key and signs what they send, as the web app does.
    const answers = { politics: "right" };
    const sign = (kind: string, content: unknown) => encodeBase64(ed25519.sign(new TextEncoder().encode(canonicalize({ v: 1, campaign: campaign.id, kind, content })), ownSeed));
    const own = await t.call("POST", `${at}/participants`, {
      body: { answers, publicKey: encodeBase64(ed25519.getPublicKey(ownSeed)) },
      headers: { "Polyphony-Signature": sign("participant_joined", { answers }) },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const ownToken = (own.body as { token: string }).token;

    const cards = [];
    for (const [i, token] of people.slice(0, 2).entries()) {
      const res = await t.call("POST", `${at}/cards`, { token, body: { question: campaign.questions[0]!.id, title: `Value ${i}`, description: "Living by it.", policies } });
      cards.push((res.body as { card: { canonicalId: string } }).card.canonicalId);
    }
    const context = campaign.contexts[0]!.id;
    for (const [i, token] of people.entries()) {
      const vote = { from: cards[0], to: cards[1], context, relationship: RELATIONSHIPS[i % 3] };
      expect((await t.call("POST", `${at}/votes`, { token, body: vote })).status).toBe(201);
      expect((await t.call("POST", `${at}/survey`, { token, body: { represented: i + 1, fair: 5 - i } })).status).toBe(200);
    }
    const ownVote = { from: cards[1], to: cards[0], context, relationship: "upgrade" };
    expect((await t.call("POST", `${at}/votes`, { token: ownToken, body: ownVote, headers: { "Polyphony-Signature": sign("vote", ownVote) } })).status).toBe(201);
    const ownSurvey = { represented: 2, fair: 4 };
    expect((await t.call("POST", `${at}/survey`, { token: ownToken, body: ownSurvey, headers: { "Polyphony-Signature": sign("survey_answer", ownSurvey) } })).status).toBe(200);
  });
  afterAll(async () => store?.close());

  it("confirms none of a participant's demographic answers, survey scores or vote directions", async () => {
    const { recovered } = await attack(t, campaign.id);
    expect(recovered).toEqual([]);
  });

  it("carries no signature at all in a participant's public leaf", async () => {
    const entries = (await readAllEntries(t)).filter(({ entry }) => entry.campaign === campaign.id && decodeBase64(entry.author)?.length === 32);
    expect(entries.length).toBeGreaterThanOrEqual(4 + 4 + 2 + 4);
    for (const { entry } of entries) expect(signatureLike(entry), entry.kind).toEqual([]);
  });
});
