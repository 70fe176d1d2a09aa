import { and, eq, isNull } from "drizzle-orm";
import { invalid, notFound } from "../../core/errors.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { requireOpenCampaign } from "../../platform/campaigns/guards.ts";
import { newId } from "../../platform/ids.ts";
import { signContribution } from "../../platform/participants/participant-keys.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { Tx } from "../../store/open.ts";
import { requireScenario, requireScenariosCampaign } from "./guards.ts";
import type { ProposeBehaviour } from "./inputs.ts";
import { behaviours, behaviourTags, scenarioRationales } from "./schema.ts";
import { readTaxonomy } from "./settings.ts";

/** Commits one participant contribution: checks, stores, and logs it under their key, signed over its content. */
async function contribute<T extends Record<string, unknown>>(
  deps: ServiceDeps,
  participant: Participant,
  kind: string,
  write: (tx: Tx, now: Date) => Promise<{ value: T; content: Record<string, string | string[] | null>; refs: Record<string, string> }>,
) {
  const { value, receipts } = await deps.log.commit(async (tx, now) => {
    await requireScenariosCampaign(tx, participant.campaignId);
    await requireOpenCampaign(tx, participant.campaignId);
    const written = await write(tx, now);
    const signed = await signContribution(tx, participant, kind, written.content, now);
    const draft = { kind, campaign: participant.campaignId, author: signed.author, refs: written.refs, content: written.content, signature: signed.signature, participant: participant.id };
    return { value: written.value, drafts: [draft] };
  });
  return { value, receipt: receipts[0]! };
}

async function checkTags(tx: Tx, campaignId: string, tags: readonly string[], field: string) {
  const taxonomy = await readTaxonomy(tx, campaignId);
  tags.forEach((tag, i) => {
    if (!taxonomy.includes(tag)) throw invalid(`${field}/${i}`, `${JSON.stringify(tag)} is not in the campaign's taxonomy`);
  });
}

/** A participant proposes a behaviour for a scenario, with its internal thoughts and tags if they give them. */
export async function proposeBehaviour(deps: ServiceDeps, participant: Participant, scenarioId: string, input: ProposeBehaviour) {
  const { value, receipt } = await contribute(deps, participant, "scenarios/behaviour", async (tx, now) => {
    await requireScenario(tx, participant.campaignId, scenarioId);
    const tags = [...new Set(input.tags ?? [])];
    await checkTags(tx, participant.campaignId, tags, "tags");
    const id = newId("bhv");
    const row = { id, campaignId: participant.campaignId, scenarioId, participantId: participant.id, origin: "participant" as const, position: 0, description: input.description, thoughts: input.thoughts ?? null, createdAt: now };
    await tx.insert(behaviours).values(row);
    if (tags.length > 0) await tx.insert(behaviourTags).values(tags.map((tag) => ({ id: newId("tag"), campaignId: participant.campaignId, behaviourId: id, participantId: participant.id, tag, createdAt: now })));
    const content = { scenario: scenarioId, description: input.description, thoughts: input.thoughts ?? null, tags };
    return { value: { id, scenario: scenarioId, description: row.description, thoughts: row.thoughts, tags, origin: row.origin }, content, refs: { behaviour: id, scenario: scenarioId } };
  });
  return { behaviour: value, receipt };
}

/** A participant tags a behaviour with tags of the campaign's taxonomy; a tag they already gave it is kept once. */
export async function tagBehaviour(deps: ServiceDeps, participant: Participant, behaviourId: string, tags: readonly string[]) {
  const { value, receipt } = await contribute(deps, participant, "scenarios/tag", async (tx, now) => {
    const [row] = await tx
      .select({ id: behaviours.id, description: behaviours.description })
      .from(behaviours)
      .where(and(eq(behaviours.id, behaviourId), eq(behaviours.campaignId, participant.campaignId), isNull(behaviours.hiddenAt)));
    if (!row || row.description === "") throw notFound("behaviour", behaviourId, "behaviour");
    const unique = [...new Set(tags)];
    await checkTags(tx, participant.campaignId, unique, "tags");
    await tx
      .insert(behaviourTags)
      .values(unique.map((tag) => ({ id: newId("tag"), campaignId: participant.campaignId, behaviourId, participantId: participant.id, tag, createdAt: now })))
      .onConflictDoNothing();
    return { value: { behaviour: behaviourId, tags: unique }, content: { behaviour: behaviourId, tags: unique }, refs: { behaviour: behaviourId } };
  });
  return { tags: value, receipt };
}

/** A participant says why they ranked a scenario as they did, or what they think of one of its behaviours. */
export async function addRationale(deps: ServiceDeps, participant: Participant, scenarioId: string, input: { text: string; behaviour?: string | undefined }) {
  const { value, receipt } = await contribute(deps, participant, "scenarios/rationale", async (tx, now) => {
    await requireScenario(tx, participant.campaignId, scenarioId);
    if (input.behaviour !== undefined) {
      const [row] = await tx
        .select({ id: behaviours.id })
        .from(behaviours)
        .where(and(eq(behaviours.id, input.behaviour), eq(behaviours.scenarioId, scenarioId), isNull(behaviours.hiddenAt)));
      if (!row) throw invalid("behaviour", `${JSON.stringify(input.behaviour)} is not a behaviour of scenario ${scenarioId}`);
    }
    const id = newId("rat");
    await tx.insert(scenarioRationales).values({ id, campaignId: participant.campaignId, scenarioId, behaviourId: input.behaviour ?? null, participantId: participant.id, text: input.text, createdAt: now });
    // `comment`, as the dataset exports' comments table reproduces it (src/datasets/platform-tables.ts).
    const content = { scenario: scenarioId, behaviour: input.behaviour ?? null, comment: input.text };
    return { value: { id, scenario: scenarioId, behaviour: input.behaviour ?? null, text: input.text }, content, refs: { rationale: id, scenario: scenarioId } };
  });
  return { rationale: value, receipt };
}
