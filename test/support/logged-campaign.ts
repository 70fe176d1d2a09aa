import { expect } from "vitest";
import type { TestApi } from "./api.ts";
import type { ApiReceipt } from "./receipts.ts";

const policies = ["MOMENTS when they name a fear", "CHOICES that still feel right later", "PEOPLE who could support them"];

/** A campaign with participants, cards and votes, made through the real API, and its contributors' receipts. */
export interface LoggedCampaign {
  readonly campaign: string;
  readonly receipts: ApiReceipt[];
}

/**
 * Builds a small log the way a deliberation does: a researcher opens a campaign, `people`
 * participants join and each writes a values card, then each votes on an upgrade between two
 * cards. Every accepted contribution's receipt is kept, as participants keep theirs.
 */
export async function buildLoggedCampaign(t: TestApi, people = 3): Promise<LoggedCampaign> {
  const receipts: ApiReceipt[] = [];
  const accepted = async (res: { status: number; body: any }) => {
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
    if (res.body.receipt) receipts.push(res.body.receipt);
    return res.body;
  };
  const body = { title: "Logged", questions: ["How should it answer a frightened teenager?"], contexts: ["In distress"] };
  const { campaign } = await accepted(await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body }));
  const path = `/api/v1/campaigns/${campaign.id}`;
  const tokens: string[] = [];
  const cards: string[] = [];
  for (let i = 0; i < people; i++) {
    const joined = await accepted(await t.call("POST", `${path}/participants`, { body: {} }));
    tokens.push(joined.token);
    const card = { question: campaign.questions[0].id, title: `Value ${i}`, description: `Living by value ${i}.`, policies };
    cards.push((await accepted(await t.call("POST", `${path}/cards`, { token: joined.token, body: card }))).card.canonicalId);
  }
  for (let i = 0; i < people; i++) {
    const vote = { from: cards[i], to: cards[(i + 1) % people], context: campaign.contexts[0].id, relationship: "upgrade" };
    await accepted(await t.call("POST", `${path}/votes`, { token: tokens[i], body: vote }));
  }
  return { campaign: campaign.id, receipts };
}
