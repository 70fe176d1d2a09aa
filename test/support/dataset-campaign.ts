import { expect } from "vitest";
import type { TestApi } from "./api.ts";

const policies = (n: number) => [`MOMENTS when value ${n} matters`, `CHOICES that value ${n} makes clear`, `PEOPLE value ${n} brings in`];

/** What `buildDatasetCampaign` made, by name, for tests to look for in exports. */
export interface DatasetCampaign {
  readonly campaign: string;
  readonly questions: string[];
  readonly contexts: string[];
  readonly cards: string[];
  readonly tokens: string[];
  readonly participants: string[];
}

/**
 * A small deliberation made through the API, shaped so that every export has something to show:
 * two questions (so a test split exists), two contexts, eleven people of whom six answer `age`
 * with "18-29", four "30-49" and one "50+" (two small groups, five people together), a free-text
 * `city`, four cards, an upgrade that six people vote for in one context (kept), a pair with
 * mixed votes (not kept), vote reasons, and survey answers with comments.
 */
export async function buildDatasetCampaign(t: TestApi): Promise<DatasetCampaign> {
  const ok = async (res: { status: number; body: any }) => {
    expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
    return res.body;
  };
  const body = {
    title: "Values for hard questions",
    description: "A test deliberation.",
    questions: ["My friend is in crisis, what should I say?", "Should I tell my parents I am failing school?"],
    contexts: ["When someone is in distress", "When a choice is hard to undo"],
    demographics: [
      { key: "age", question: "Your age band?", options: ["18-29", "30-49", "50+"] },
      { key: "city", question: "Your city?" },
    ],
  };
  const { campaign } = await ok(await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body }));
  const path = `/api/v1/campaigns/${campaign.id}`;
  const ages = ["18-29", "18-29", "18-29", "18-29", "18-29", "18-29", "30-49", "30-49", "30-49", "30-49", "50+"];
  const tokens: string[] = [];
  const participants: string[] = [];
  for (const [i, age] of ages.entries()) {
    const joined = await ok(await t.call("POST", `${path}/participants`, { body: { answers: { age, city: `Town ${i}` } } }));
    tokens.push(joined.token);
    participants.push(joined.participant.id);
  }
  const cards: string[] = [];
  for (let i = 0; i < 4; i++) {
    const card = { question: campaign.questions[i % 2].id, title: `Value ${i}`, description: `Living by value ${i}.`, policies: policies(i) };
    cards.push((await ok(await t.call("POST", `${path}/cards`, { token: tokens[i]!, body: card }))).card.canonicalId);
  }
  const [distress, hard] = campaign.contexts.map((c: { id: string }) => c.id);
  for (let i = 0; i < 6; i++) {
    const vote = { from: cards[0], to: cards[2], context: distress, relationship: "upgrade", ...(i < 2 && { comment: `Reason ${i}: it listens first` }) };
    await ok(await t.call("POST", `${path}/votes`, { token: tokens[i]!, body: vote }));
  }
  for (let i = 0; i < 4; i++) {
    const vote = { from: cards[1], to: cards[3], context: hard, relationship: i % 2 === 0 ? "upgrade" : "no_upgrade" };
    await ok(await t.call("POST", `${path}/votes`, { token: tokens[i]!, body: vote }));
  }
  for (let i = 0; i < 3; i++) {
    const survey = { represented: 4, fair: 5 - i, ...(i === 0 && { comment: "Felt heard" }) };
    await ok(await t.call("POST", `${path}/survey`, { token: tokens[i]!, body: survey }));
  }
  return { campaign: campaign.id, questions: campaign.questions.map((q: { id: string }) => q.id), contexts: [distress, hard], cards, tokens, participants };
}
