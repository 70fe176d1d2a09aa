import { sql } from "drizzle-orm";
import type { ContextValues, KindDatasets } from "../../datasets/types.ts";
import { latestEntries, SOURCE_COLUMNS, sourceOf, streamRows } from "../../datasets/log-sources.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { readSettings } from "./campaign-settings.ts";
import { showGraph } from "./graph.ts";
import { preferencePairs, KEEP } from "./datasets-pairs.ts";
import { cardsTable, voteComments, votesTable } from "./datasets-tables.ts";

/**
 * The wisest `top` values of each context by the campaign's graph (`polyphony`, the hierarchical
 * Bradley–Terry model), with their cards' text and entries, for value-grounded synthetic data.
 */
async function wisestValues(deps: ServiceDeps, campaignId: string, top: number): Promise<ContextValues[]> {
  const settings = await readSettings(deps.store.db, campaignId);
  type Row = Parameters<typeof sourceOf>[0] & { id: string; title: string; description: string; policies: string[] | string };
  const cards = new Map<string, Row>();
  const query = sql`SELECT cc.id, cc.title, cc.description, cc.policies, ${SOURCE_COLUMNS} FROM canonical_cards cc
    LEFT JOIN ${latestEntries(campaignId, ["canonical_card", "moral-graph/canonical_card"], "card")} src ON src.ref = cc.id
    WHERE cc.campaign_id = ${campaignId} AND cc.hidden_at IS NULL AND cc.merged_into IS NULL AND cc.title <> ''`;
  await deps.store.transaction(async (tx) => {
    for await (const row of streamRows<Row>(tx, query)) cards.set(row.id, row);
  });
  const contexts: ContextValues[] = [];
  for (const context of settings.contexts) {
    const graph = (await showGraph(deps, campaignId, { method: "polyphony", context: context.id })) as { values: { id: string; score: number }[] };
    const values = graph.values
      .filter((v) => cards.has(v.id))
      .slice(0, top)
      .map((v) => {
        const card = cards.get(v.id)!;
        const source = sourceOf(card)[0];
        const policies = typeof card.policies === "string" ? (JSON.parse(card.policies) as string[]) : card.policies;
        return source ? [{ id: v.id, title: card.title, description: card.description, policies, score: v.score, source }] : [];
      })
      .flat();
    if (values.length > 0) contexts.push({ context: context.id, name: context.name, values });
  }
  return contexts;
}

/** The moral graph's data sets: votes and cards, vote reasons, preference pairs, and the card's text. */
export const MORAL_GRAPH_DATASETS: KindDatasets = {
  tables: [votesTable, cardsTable],
  comments: voteComments,
  trainer: { preference: preferencePairs },
  values: wisestValues,
  card: {
    collection:
      "Participants answered questions about how an AI should respond by articulating values cards (a title, a description " +
      "and three to seven attention policies: what a person attends to when living by the value), alone or in a chat with a " +
      "language model that drafted the card for them to correct. Researchers merged cards that say the same. Participants " +
      "then judged pairs of values in named contexts (\"When in distress\"): whether, in that context, value B is a wiser " +
      "way to act than value A (an upgrade), not wiser, or whether they were unsure, each pair shown with a short story of " +
      "someone moving from A to B. Every card and judgment is an entry of the campaign's public Merkle log.",
    rows: {
      votes: "One participant's current judgment of one pair of values in one context.",
      cards: "One canonical values card; merged cards point at the card their votes count for.",
      preference:
        `One upgrade the crowd kept in one context (at least ${KEEP.wiser} upgrade votes, likelihood ≥ ${KEEP.likelihood}, ` +
        `entropy ≤ ${KEEP.entropy} bits, MAI's 2023 rule per context): the prompt is the question with the context as the ` +
        "situation; the chosen response answers guided by the wiser value's attention policies, the rejected one by the " +
        "value it upgrades. The margin is the upgrade's likelihood. These rows teach which values to attend to; SFT rows " +
        "with full responses come from `polyphony dataset synthesize`.",
      unpaired: "Each side of a kept upgrade on its own: the wiser value's response labelled true, the other false.",
    },
    biases: [
      "Participants are those the campaign recruited, not a sample of any population: see the participants table and the groups it shows.",
      "Values were often drafted by a language model from the participant's words; the model's phrasing shapes the cards.",
      "Which pairs a participant judged depends on the stories and pairs the campaign showed; pairs shown less often are kept less often.",
      "Chosen and rejected responses are the values' attention policies, not full answers: a model trained on them learns what to attend to.",
    ],
  },
};
