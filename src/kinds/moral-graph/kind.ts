import { sql } from "drizzle-orm";
import type { CampaignKind } from "../../platform/kind.ts";
import {
  changeSettings,
  insertSettings,
  MoralGraphChanges,
  MoralGraphSettings,
  MoralGraphSettingsView,
  readSettings,
} from "./campaign-settings.ts";
import {
  countMoralGraphContributions,
  eraseMoralGraphText,
  MoralGraphStats,
  ParticipantContributions,
  readParticipantContributions,
} from "./contributions.ts";
import { MORAL_GRAPH_DATASETS } from "./datasets.ts";
import { canonicalCards, stories, valuesCards, votes } from "./schema.ts";
import { registerResearchRoutes } from "./routes/research.ts";
import { registerCardCommands } from "./cli/cards.ts";
import { registerGraphCommands } from "./cli/graph.ts";
import { registerImportCommands } from "./cli/import.ts";
import { registerCurationRoutes } from "./routes/curation.ts";
import { registerGraphRoutes } from "./routes/graph.ts";
import { registerParticipationRoutes } from "./routes/participation.ts";

/**
 * Moral graphs: participants articulate values cards for questions and judge which value is
 * wiser than another in a context; the votes make a graph of values, scored per context.
 */
export const moralGraph: CampaignKind = {
  id: "moral-graph",
  summary: "Values cards and upgrade votes, scored into a moral graph",
  campaign: {
    create: MoralGraphSettings,
    update: MoralGraphChanges,
    view: { schema: MoralGraphSettingsView, read: readSettings },
    insert: (tx, campaignId, settings) => insertSettings(tx, campaignId, MoralGraphSettings.parse(settings)),
    change: (tx, campaignId, changes) => changeSettings(tx, campaignId, MoralGraphChanges.parse(changes)),
    flags: [
      { flag: "--question <text>", field: "questions", description: "a question participants answer with values cards (repeatable)", repeatable: true },
      { flag: "--context <name>", field: "contexts", description: 'a context such as "When in distress" (repeatable)', repeatable: true },
    ],
    describe(settings) {
      const { questions, contexts } = MoralGraphSettingsView.parse(settings);
      return [...questions.map((q) => `  question ${q.id}: ${q.text}`), ...contexts.map((c) => `  context  ${c.id}: ${c.name}`)];
    },
  },
  steps: ["question", "articulate", "similar", "judge"],
  entryKinds: ["values_card", "canonical_card", "card_endorsement", "story", "vote", "merge", "merge_undone"],
  // Logs written before kinds were namespaced hold these names; new entries keep them so that one
  // campaign's entries read alike.
  legacyEntryKinds: ["values_card", "canonical_card", "card_endorsement", "story", "vote", "merge", "merge_undone"],
  moderated: {
    values_card: { table: valuesCards, label: valuesCards.title },
    canonical_card: { table: canonicalCards, label: canonicalCards.title },
    story: { table: stories, label: stories.text },
    vote: { table: votes, label: sql<string>`${votes.relationship} || ': ' || ${votes.fromId} || ' → ' || ${votes.toId}` },
  },
  erase: eraseMoralGraphText,
  textTables: ["values_cards", "canonical_cards", "votes", "stories", "articulation_chats"],
  participantSummary: { schema: ParticipantContributions, read: readParticipantContributions },
  stats: { schema: MoralGraphStats, read: countMoralGraphContributions },
  routes(api, deps) {
    registerParticipationRoutes(api, deps);
    registerCurationRoutes(api, deps);
    registerGraphRoutes(api, deps);
    registerResearchRoutes(api, deps);
  },
  commands(program) {
    registerCardCommands(program);
    registerImportCommands(program);
    registerGraphCommands(program);
  },
  datasets: MORAL_GRAPH_DATASETS,
};
