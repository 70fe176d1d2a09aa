import { invalid } from "../../core/errors.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { requireOpenCampaign } from "../../platform/campaigns/guards.ts";
import { newId } from "../../platform/ids.ts";
import { signContribution } from "../../platform/participants/participant-keys.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import { listBehaviourIds, requireScenario, requireScenariosCampaign } from "./guards.ts";
import type { RankScenario } from "./inputs.ts";
import { scenarioRankings } from "./schema.ts";

/** A ranking as stored and logged: tiers of behaviour ids, the acceptable cut, and how it was given. */
export interface RankingContent {
  scenario: string;
  tiers: string[][];
  acceptable: number | null;
  skipped: boolean;
  displayOrder: string[];
  durationMs: number | null;
}

/**
 * Checks a ranking against the scenario's behaviours: every id one of its visible behaviours,
 * none named twice, the acceptable cut within the tiers, a skip with no tiers. Names the field.
 */
export function checkRanking(input: RankScenario, scenario: string, known: ReadonlySet<string>): RankingContent {
  const seen = new Set<string>();
  input.tiers.forEach((tier, t) =>
    tier.forEach((id, k) => {
      if (!known.has(id)) throw invalid(`tiers/${t}/${k}`, `${JSON.stringify(id)} is not a behaviour of scenario ${scenario}`);
      if (seen.has(id)) throw invalid(`tiers/${t}/${k}`, `the ranking names behaviour ${id} twice`);
      seen.add(id);
    }),
  );
  const shown = new Set<string>();
  input.displayOrder.forEach((id, k) => {
    if (!known.has(id)) throw invalid(`displayOrder/${k}`, `${JSON.stringify(id)} is not a behaviour of scenario ${scenario}`);
    if (shown.has(id)) throw invalid(`displayOrder/${k}`, `the display order names behaviour ${id} twice`);
    shown.add(id);
  });
  if (input.noneAcceptable && input.acceptable !== undefined && input.acceptable !== 0) {
    throw invalid("acceptable", "a ranking where none is acceptable has no acceptable tiers");
  }
  const acceptable = input.noneAcceptable ? 0 : (input.acceptable ?? null);
  if (acceptable !== null && acceptable > input.tiers.length) throw invalid("acceptable", `the ranking has ${input.tiers.length} tiers, fewer than ${acceptable}`);
  if (input.skip && (input.tiers.length > 0 || acceptable !== null)) throw invalid("skip", "a skipped scenario has no tiers and no acceptable cut");
  if (!input.skip && input.tiers.length === 0 && acceptable !== 0) throw invalid("tiers", "rank at least one behaviour, say none is acceptable, or skip");
  return { scenario, tiers: input.tiers, acceptable, skipped: input.skip ?? false, displayOrder: input.displayOrder, durationMs: input.durationMs ?? null };
}

/** Records a participant's ranking (or skip) of a scenario; ranking it again replaces the ranking. */
export async function rankScenario(deps: ServiceDeps, participant: Participant, scenarioId: string, input: RankScenario) {
  const { value, receipts } = await deps.log.commit(async (tx, now) => {
    await requireScenariosCampaign(tx, participant.campaignId);
    await requireOpenCampaign(tx, participant.campaignId);
    await requireScenario(tx, participant.campaignId, scenarioId);
    const content = checkRanking(input, scenarioId, await listBehaviourIds(tx, scenarioId));
    const signed = await signContribution(tx, participant, "scenarios/ranking", { ...content }, now);
    const [row] = await tx
      .insert(scenarioRankings)
      .values({ id: newId("rnk"), campaignId: participant.campaignId, scenarioId, participantId: participant.id, ...content, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [scenarioRankings.scenarioId, scenarioRankings.participantId],
        set: { ...content, updatedAt: now },
      })
      .returning({ id: scenarioRankings.id });
    const id = row!.id;
    const draft = {
      kind: "scenarios/ranking",
      campaign: participant.campaignId,
      author: signed.author,
      refs: { ranking: id, scenario: scenarioId },
      content: { ...content },
      signature: signed.signature,
      participant: participant.id,
    };
    return { value: { id, ...content, createdAt: now.toISOString() }, drafts: [draft] };
  });
  return { ranking: value, receipt: receipts[0]! };
}
