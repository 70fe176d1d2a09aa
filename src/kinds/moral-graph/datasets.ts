import type { DatasetSource } from "../../platform/kind.ts";
import type { Queryable } from "../../store/open.ts";
import { listCanonicalCards } from "./cards.ts";
import { loadUpgradeVotes } from "./graph-input.ts";
import { readSettings } from "./campaign-settings.ts";

/**
 * The campaign's values: its visible canonical cards not merged into another, in the order
 * they were made. A card whose text was erased is left out.
 */
async function* valuesCardRows(db: Queryable, campaignId: string) {
  const questionText = new Map((await readSettings(db, campaignId)).questions.map((q) => [q.id, q.text]));
  for (const card of await listCanonicalCards(db, campaignId)) {
    if (card.title === "") continue;
    yield {
      card: card.id,
      question: card.questionId === null ? null : (questionText.get(card.questionId) ?? null),
      title: card.title,
      description: card.description,
      policies: card.policies,
    };
  }
}

/**
 * The judgments: each counted upgrade vote (merges resolved, hidden ones out) with the context's
 * name. Participants are not named, so a row cannot be traced to a person.
 */
async function* upgradeVoteRows(db: Queryable, campaignId: string) {
  const contextName = new Map((await readSettings(db, campaignId)).contexts.map((c) => [c.id, c.name]));
  const { votes } = await loadUpgradeVotes(db, campaignId);
  const rows = votes.map((v) => ({ context: contextName.get(v.context) ?? v.context, from: v.from, to: v.to, relationship: v.relationship }));
  rows.sort((a, b) => a.context.localeCompare(b.context) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.relationship.localeCompare(b.relationship));
  yield* rows;
}

export const MORAL_GRAPH_DATASETS: readonly DatasetSource[] = [
  { name: "values-cards", description: "The campaign's canonical values cards with the question each answers", rows: valuesCardRows },
  {
    name: "upgrade-votes",
    description: "Each counted judgment that one value is wiser than another in a context (merges resolved, moderated ones left out)",
    rows: upgradeVoteRows,
  },
];
