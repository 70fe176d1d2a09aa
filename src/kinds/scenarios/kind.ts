import type { CampaignKind } from "../../platform/kind.ts";
import { registerScenarioCommands } from "./cli/scenarios.ts";
import { SCENARIO_DATASETS } from "./datasets.ts";
import { countScenarioContributions, eraseScenarioText, ParticipantScenarios, readParticipantScenarios, ScenarioStats } from "./parts.ts";
import { registerParticipationRoutes } from "./routes/participation.ts";
import { registerResultsRoutes } from "./routes/results.ts";
import { behaviours, scenarioRankings, scenarioRationales, scenarios } from "./schema.ts";
import { changeSettings, insertSettings, readSettings, ScenarioChanges, ScenarioSettings, ScenarioSettingsView } from "./settings.ts";

/**
 * Scenarios: situations a very capable AI may face, behaviours it could show, and people's
 * rankings of them, aggregated per scenario into consensus orders, scores and agreement.
 */
export const scenariosKind: CampaignKind = {
  id: "scenarios",
  summary: "Behaviours of a very capable AI in hard scenarios, ranked by people",
  campaign: {
    create: ScenarioSettings,
    update: ScenarioChanges,
    view: { schema: ScenarioSettingsView, read: readSettings },
    insert: (tx, campaignId, settings) => insertSettings(tx, campaignId, ScenarioSettings.parse(settings)),
    change: (tx, campaignId, changes) => changeSettings(tx, campaignId, ScenarioChanges.parse(changes)),
    flags: [],
    describe(settings) {
      const { taxonomy, scenarios: list } = ScenarioSettingsView.parse(settings);
      return [
        `  taxonomy: ${taxonomy.join("; ")}`,
        ...list.map((s) => `  scenario ${s.id}${s.gold ? " (gold)" : ""}: ${s.situation.slice(0, 70)} — ${s.behaviours.length} behaviours`),
      ];
    },
  },
  steps: ["rank"],
  entryKinds: ["scenarios/behaviour", "scenarios/ranking", "scenarios/tag", "scenarios/rationale"],
  moderated: {
    scenario: { table: scenarios, label: scenarios.situation },
    behaviour: { table: behaviours, label: behaviours.description },
    ranking: { table: scenarioRankings, label: scenarioRankings.scenarioId },
    rationale: { table: scenarioRationales, label: scenarioRationales.text },
  },
  erase: eraseScenarioText,
  textTables: ["behaviours", "scenario_rationales"],
  participantSummary: { schema: ParticipantScenarios, read: readParticipantScenarios },
  stats: { schema: ScenarioStats, read: countScenarioContributions },
  routes(api, deps) {
    registerParticipationRoutes(api, deps);
    registerResultsRoutes(api, deps);
  },
  commands: registerScenarioCommands,
  datasets: SCENARIO_DATASETS,
};
