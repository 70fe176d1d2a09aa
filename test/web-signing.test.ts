import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64 } from "../src/core/log/index.ts";
import { verifyMessage } from "../src/platform/log/ed25519.ts";
import { formatSigningMessage, SIGNATURE_HEADER } from "../src/platform/participants/participant-keys.ts";
import type { Store } from "../src/store/open.ts";
import * as web from "../web/src/lib/signing.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const campaign = "cmp_signing";
const padded = {
  question: "q_1",
  title: "  Honest care ",
  description: "\tTell the truth gently.\n",
  policies: [" MOMENTS when they ask ", "FEELINGS of shame  ", "\nSIGNS they want facts"],
};

describe("the web app's signatures", () => {
  const key = web.generateParticipantKey();
  const publicKey = decodeBase64(key.publicKey)!;
  const contents: [web.ContributionKind, unknown][] = [
    ["participant_joined", web.joinContent({ politics: "left", "é\u2028": "ünïcode ✓" })],
    ["values_card", web.cardContent(padded)],
    ["values_card", web.cardContent({ ...padded, sameAs: "cc_2" })],
    ["vote", web.voteContent({ from: "cc_1", to: "cc_2", context: "ctx_1", relationship: "upgrade", comment: "  calm first ", story: "sty_1" })],
    ["vote", web.voteContent({ from: "cc_1", to: "cc_2", context: "ctx_1", relationship: "no_upgrade", comment: "   " })],
    ["survey_answer", web.surveyContent({ represented: 4, fair: 5, comment: "felt heard" })],
    ["survey_answer", web.surveyContent({ represented: 1, fair: 2 })],
  ];

  it("make a key pair whose public key is the seed's, and tell a stored pair from anything else", () => {
    expect(key.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(decodeBase64(key.seed)).toHaveLength(32);
    expect(web.isParticipantKey(key)).toBe(true);
    expect(web.isParticipantKey({ ...key, publicKey: web.generateParticipantKey().publicKey })).toBe(false);
    expect(web.isParticipantKey({ publicKey: key.publicKey })).toBe(false);
    expect(web.isParticipantKey(null)).toBe(false);
  });

  it.each(contents)("sign the same bytes the server verifies for a %s", (kind, content) => {
    const message = web.signingMessage(campaign, kind, content);
    expect(message).toEqual(formatSigningMessage(campaign, kind, content as never));
    const signature = decodeBase64(web.signContribution(key, campaign, kind, content))!;
    expect(verifyMessage(publicKey, formatSigningMessage(campaign, kind, content as never), signature)).toBe(true);
    expect(verifyMessage(publicKey, formatSigningMessage("cmp_other", kind, content as never), signature)).toBe(false);
  });

  it("trim a card as the server stores it, and leave out an empty vote comment", () => {
    expect(web.cardContent(padded)).toEqual({
      question: "q_1",
      title: "Honest care",
      description: "Tell the truth gently.",
      policies: ["MOMENTS when they ask", "FEELINGS of shame", "SIGNS they want facts"],
    });
    expect(web.voteContent({ from: "a", to: "b", context: "c", relationship: "upgrade", comment: " \n" })).toEqual({ from: "a", to: "b", context: "c", relationship: "upgrade" });
  });
});

describe.each(storeTargets())("the server on $name takes what the web app signs", (target) => {
  let store: Store;
  let t: TestApi;
  let c: { id: string; questions: { id: string }[]; contexts: { id: string }[] };
  let token: string;
  const key = web.generateParticipantKey();
  const signed = (kind: web.ContributionKind, content: unknown) => ({ [SIGNATURE_HEADER]: web.signContribution(key, c.id, kind, content) });

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const res = await t.call("POST", "/api/v1/campaigns", {
      token: t.researcher,
      body: { title: "Signed", questions: ["How should it answer?"], contexts: ["In distress"], demographics: [{ key: "age", question: "Age" }] },
    });
    c = res.body.campaign;
  });
  afterAll(async () => store?.close());

  it("a join, cards old and endorsed, votes with and without a comment, and a survey", async () => {
    const answers = { age: " 17 " };
    const joined = await t.call("POST", `/api/v1/campaigns/${c.id}/participants`, {
      body: { answers, publicKey: key.publicKey },
      headers: signed("participant_joined", web.joinContent(answers)),
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    expect(joined.body.participant.publicKey).toBe(key.publicKey);
    token = joined.body.token;
    const post = async (route: string, kind: web.ContributionKind, content: object, status = 201) => {
      const res = await t.call("POST", `/api/v1/campaigns/${c.id}${route}`, { token, body: content, headers: signed(kind, content) });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };
    const question = c.questions[0]!.id;
    const first = await post("/cards", "values_card", web.cardContent({ ...padded, question }));
    expect(first.card.title).toBe("Honest care");
    const second = await post("/cards", "values_card", web.cardContent({ ...padded, question, title: " Steady presence " }));
    await post("/cards", "values_card", web.cardContent({ ...padded, question, title: "Honest care, too", sameAs: first.card.canonicalId }));
    const pair = { from: first.card.canonicalId, to: second.card.canonicalId, context: c.contexts[0]!.id };
    await post("/votes", "vote", web.voteContent({ ...pair, relationship: "upgrade", comment: " calm first " }));
    await post("/votes", "vote", web.voteContent({ ...pair, from: pair.to, to: pair.from, relationship: "no_upgrade", comment: "" }));
    await post("/survey", "survey_answer", web.surveyContent({ represented: 4, fair: 5, comment: "felt heard" }), 200);

    const unsigned = await t.call("POST", `/api/v1/campaigns/${c.id}/survey`, { token, body: { represented: 3, fair: 3 } });
    expect(unsigned.status).toBe(401);
  });
});
