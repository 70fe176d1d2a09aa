import { sql } from "drizzle-orm";
import type { ServiceDeps } from "../../src/platform/deps.ts";
import { createApi } from "../../src/http/app.ts";
import { createResearcherToken } from "../../src/platform/auth/tokens.ts";
import { RELATIONSHIPS } from "../../src/kinds/moral-graph/core/types.ts";
import { BENCH_SPEC, generateDeliberation, type SyntheticSpec } from "../moral-graph/synthetic.ts";

/** The campaign: 200,000 votes on 2,000 values in 50 contexts, by 10,000 people in 4 groups. */
export const RESULTS_SPEC: SyntheticSpec = { ...BENCH_SPEC, votes: 200_000, cards: 2_000, participants: 10_000, cardsPerContext: 400, seed: 20261202 };

const CHUNK = 10_000;
const id = (prefix: string, n: number) => `${prefix}_${n.toString(36).padStart(12, "0")}`;

/**
 * Makes a public campaign through the API (so it is logged like any other), then writes its cards,
 * participants, their answers and the votes straight into the tables, in chunks: going through the
 * API would take hours and measure the write path, which is not what this bench is about.
 */
export async function seedCampaign(deps: ServiceDeps, spec: SyntheticSpec = RESULTS_SPEC): Promise<{ campaign: string; token: string; context: string; cards: [string, string] }> {
  const { token } = await createResearcherToken(deps, "bench");
  const api = createApi(deps);
  const labels = spec.groupShares.map((_, g) => `group-${g}`);
  const res = await api.request("/api/v1/campaigns", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      title: "Results bench",
      questions: ["How should an assistant answer a hard question?"],
      contexts: Array.from({ length: spec.contexts }, (_, c) => `Context ${c}`),
      demographics: [{ key: "group", question: "Which group?", options: labels }],
    }),
  });
  if (res.status !== 201) throw new Error(`creating the campaign answered ${res.status}: ${await res.text()}`);
  const { campaign } = (await res.json()) as { campaign: { id: string; questions: { id: string }[]; contexts: { id: string }[] } };
  const db = deps.store.db;
  const contextIds = campaign.contexts.map((c) => c.id);
  const cards = Array.from({ length: spec.cards }, (_, i) => id("cc", i));
  const people = Array.from({ length: spec.participants }, (_, i) => id("par", i));
  const { table, groupOf } = generateDeliberation(spec);
  const p = <T>(values: T[]) => sql.param(values);
  await db.execute(sql`INSERT INTO canonical_cards (id, campaign_id, question_id, title, description, policies, created_at)
    SELECT c, ${campaign.id}, ${campaign.questions[0]!.id}, 'Value ' || n, 'A value to live by, number ' || n, '["ONE thing","ANOTHER thing","A THIRD thing"]'::jsonb, now()
    FROM unnest(${p(cards)}::text[]) WITH ORDINALITY AS u(c, n)`);
  for (let i = 0; i < people.length; i += CHUNK) {
    const ids = people.slice(i, i + CHUNK);
    await db.execute(sql`INSERT INTO participants (id, campaign_id, created_at) SELECT x, ${campaign.id}, now() FROM unnest(${p(ids)}::text[]) AS u(x)`);
    const groups = ids.map((_, k) => labels[groupOf[i + k]!]!);
    await db.execute(sql`INSERT INTO participant_answers (participant_id, key, value) SELECT x, 'group', g FROM unnest(${p(ids)}::text[], ${p(groups)}::text[]) AS u(x, g)`);
  }
  const seen = new Set<string>();
  const rows: [string, string, string, string, string][] = [];
  for (let i = 0; i < table.length; i++) {
    const key = `${table.participant[i]}:${table.from[i]}:${table.to[i]}:${table.context[i]}`;
    if (seen.has(key) || table.from[i] === table.to[i]) continue;
    seen.add(key);
    rows.push([people[table.participant[i]!]!, cards[table.from[i]!]!, cards[table.to[i]!]!, contextIds[table.context[i]!]!, RELATIONSHIPS[table.relationship[i]!]!]);
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.execute(sql`INSERT INTO votes (id, campaign_id, participant_id, from_id, to_id, context_id, relationship, created_at, updated_at)
      SELECT 'vote_' || (${i}::int + n), ${campaign.id}, pid, f, t, ctx, r, now(), now()
      FROM unnest(${p(chunk.map((r) => r[0]))}::text[], ${p(chunk.map((r) => r[1]))}::text[], ${p(chunk.map((r) => r[2]))}::text[],
        ${p(chunk.map((r) => r[3]))}::text[], ${p(chunk.map((r) => r[4]))}::text[]) WITH ORDINALITY AS u(pid, f, t, ctx, r, n)`);
  }
  return { campaign: campaign.id, token, context: contextIds[0]!, cards: [cards[0]!, cards[1]!] };
}
