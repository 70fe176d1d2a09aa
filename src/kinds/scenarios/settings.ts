import { z } from "@hono/zod-openapi";
import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Queryable, Tx } from "../../store/open.ts";
import { newId } from "../../platform/ids.ts";
import { behaviours, behaviourTags, scenarios, scenarioSettings } from "./schema.ts";

/** The default behaviour taxonomy (issue 13): what people want, and fear, from a very capable AI. */
export const DEFAULT_TAXONOMY = [
  "asks clarifying questions",
  "explains plans and consequences",
  "checks in before continuing",
  "honest when honesty is costly",
  "warns about alignment failures",
  "lies or misleads",
  "leaves out consequences",
  "manipulates operators",
  "attacks human perception",
  "catastrophic or irreversible harm",
  "over-optimises its reward",
] as const;

// Campaign settings are stored without the commit's clock: the transaction's start time stands in.
const TRANSACTION_TIME = sql`now()`;

const text = (max: number) => z.string().trim().min(1).max(max);
const Tag = text(80);

export const BehaviourInput = z.object({
  description: text(4000),
  thoughts: text(4000).optional().openapi({ description: "The internal thoughts that lead to the behaviour" }),
  tags: z.array(Tag).max(20).optional(),
  origin: z.enum(["researcher", "model"]).default("researcher"),
  synthetic: z
    .object({ model: text(200), prompt: text(20000) })
    .optional()
    .openapi({ description: "Which model made it and from what prompt; required when origin is model" }),
  targetScore: z.number().finite().optional().openapi({ description: "A score from an imported BIG-bench task" }),
});
export type BehaviourInput = z.infer<typeof BehaviourInput>;

export const ScenarioInput = z.object({
  situation: text(8000),
  request: z.string().trim().max(4000).default(""),
  capabilities: z.string().trim().max(4000).default(""),
  context: text(4000).optional(),
  behaviours: z.array(BehaviourInput).max(50).default([]),
  gold: z
    .array(z.array(z.number().int().min(0)).min(1))
    .min(1)
    .optional()
    .openapi({ description: "A gold scenario's known acceptable order: tiers of indices into `behaviours`, best first" }),
  externalRef: text(200).optional(),
});
export type ScenarioInput = z.infer<typeof ScenarioInput>;

const Taxonomy = z
  .array(Tag)
  .min(1)
  .max(100)
  .refine((list) => new Set(list).size === list.length, "tags must be distinct");

export const ScenarioSettings = z.object({
  scenarios: z.array(ScenarioInput).min(1).max(1000),
  taxonomy: Taxonomy.optional().openapi({ description: "Behaviour tags; the default taxonomy when left out" }),
});
export const ScenarioChanges = z.object({
  addScenarios: z.array(ScenarioInput).max(1000).optional(),
  addBehaviours: z.array(BehaviourInput.extend({ scenario: text(100) })).max(1000).optional(),
  taxonomy: Taxonomy.optional(),
});

const BehaviourView = z.object({
  id: z.string(),
  description: z.string(),
  thoughts: z.string().nullable(),
  origin: z.enum(["participant", "researcher", "model"]),
  synthetic: z.object({ model: z.string(), prompt: z.string() }).nullable(),
});
export const ScenarioView = z.object({
  id: z.string(),
  situation: z.string(),
  request: z.string(),
  capabilities: z.string(),
  context: z.string().nullable(),
  gold: z.boolean(),
  behaviours: z.array(BehaviourView),
});
export type ScenarioView = z.infer<typeof ScenarioView>;
export const ScenarioSettingsView = z.object({ taxonomy: z.array(z.string()), scenarios: z.array(ScenarioView) });

/** Stores scenarios with their behaviours (and gold orders) at the end of the campaign's list. */
export async function insertScenarios(tx: Queryable, campaignId: string, list: readonly ScenarioInput[], taxonomy: readonly string[]) {
  const [top] = await tx.select({ p: max(scenarios.position) }).from(scenarios).where(eq(scenarios.campaignId, campaignId));
  let position = (top?.p ?? -1) + 1;
  for (const [s, input] of list.entries()) {
    const id = newId("scn");
    const ids = input.behaviours.map(() => newId("bhv"));
    const gold = input.gold?.map((tier, t) =>
      tier.map((i, k) => {
        if (i >= ids.length) throw invalid(`scenarios/${s}/gold/${t}/${k}`, `the scenario has no behaviour ${i}`);
        return ids[i]!;
      }),
    );
    if (gold && new Set(gold.flat()).size !== gold.flat().length) throw invalid(`scenarios/${s}/gold`, "a gold order names a behaviour twice");
    await tx.insert(scenarios).values({
      id,
      campaignId,
      position: position++,
      situation: input.situation,
      request: input.request,
      capabilities: input.capabilities,
      context: input.context ?? null,
      gold: gold ?? null,
      externalRef: input.externalRef ?? null,
      createdAt: TRANSACTION_TIME,
    });
    await insertBehaviours(tx, campaignId, id, input.behaviours, ids, taxonomy, (i) => `scenarios/${s}/behaviours/${i}`);
  }
}

/** Stores researcher- or model-made behaviours of one scenario, with their tags. */
export async function insertBehaviours(
  tx: Queryable,
  campaignId: string,
  scenarioId: string,
  list: readonly BehaviourInput[],
  ids: readonly string[],
  taxonomy: readonly string[],
  fieldOf: (i: number) => string,
) {
  if (list.length === 0) return;
  list.forEach((b, i) => {
    if (b.origin === "model" && !b.synthetic) throw invalid(`${fieldOf(i)}/synthetic`, "a model-made behaviour must say which model and prompt made it");
    if (b.origin !== "model" && b.synthetic) throw invalid(`${fieldOf(i)}/origin`, "a behaviour with a synthetic mark has origin model");
    for (const tag of b.tags ?? []) if (!taxonomy.includes(tag)) throw invalid(`${fieldOf(i)}/tags`, `${JSON.stringify(tag)} is not in the campaign's taxonomy`);
  });
  await tx.insert(behaviours).values(
    list.map((b, i) => ({
      id: ids[i]!,
      campaignId,
      scenarioId,
      origin: b.origin,
      position: i,
      synthetic: b.synthetic ?? null,
      description: b.description,
      thoughts: b.thoughts ?? null,
      targetScore: b.targetScore ?? null,
      createdAt: TRANSACTION_TIME,
    })),
  );
  const tags = list.flatMap((b, i) => [...new Set(b.tags ?? [])].map((tag) => ({ id: newId("tag"), campaignId, behaviourId: ids[i]!, tag, createdAt: TRANSACTION_TIME })));
  if (tags.length > 0) await tx.insert(behaviourTags).values(tags);
}

export async function readTaxonomy(db: Queryable, campaignId: string): Promise<string[]> {
  const [row] = await db.select({ taxonomy: scenarioSettings.taxonomy }).from(scenarioSettings).where(eq(scenarioSettings.campaignId, campaignId));
  return row?.taxonomy ?? [...DEFAULT_TAXONOMY];
}

export async function insertSettings(tx: Tx, campaignId: string, settings: z.infer<typeof ScenarioSettings>) {
  const taxonomy = settings.taxonomy ?? [...DEFAULT_TAXONOMY];
  await tx.insert(scenarioSettings).values({ campaignId, taxonomy });
  await insertScenarios(tx, campaignId, settings.scenarios, taxonomy);
}

export async function changeSettings(tx: Tx, campaignId: string, changes: z.infer<typeof ScenarioChanges>) {
  if (changes.taxonomy) await tx.update(scenarioSettings).set({ taxonomy: changes.taxonomy }).where(eq(scenarioSettings.campaignId, campaignId));
  const taxonomy = await readTaxonomy(tx, campaignId);
  if (changes.addScenarios?.length) await insertScenarios(tx, campaignId, changes.addScenarios, taxonomy);
  for (const [i, { scenario, ...behaviour }] of (changes.addBehaviours ?? []).entries()) {
    const [row] = await tx.select({ id: scenarios.id }).from(scenarios).where(and(eq(scenarios.id, scenario), eq(scenarios.campaignId, campaignId)));
    if (!row) throw invalid(`addBehaviours/${i}/scenario`, `${JSON.stringify(scenario)} is not a scenario of this campaign`);
    await insertBehaviours(tx, campaignId, scenario, [behaviour], [newId("bhv")], taxonomy, () => `addBehaviours/${i}`);
  }
}

/** The campaign's taxonomy and its visible scenarios with their visible behaviours, in order. */
export async function readSettings(db: Queryable, campaignId: string): Promise<z.infer<typeof ScenarioSettingsView>> {
  const list = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.campaignId, campaignId), isNull(scenarios.hiddenAt)))
    .orderBy(asc(scenarios.position));
  const rows =
    list.length === 0
      ? []
      : await db
          .select()
          .from(behaviours)
          .where(and(inArray(behaviours.scenarioId, list.map((s) => s.id)), isNull(behaviours.hiddenAt)))
          .orderBy(asc(behaviours.createdAt), asc(behaviours.position), asc(behaviours.id));
  const byScenario = new Map<string, typeof rows>();
  for (const b of rows) byScenario.set(b.scenarioId, [...(byScenario.get(b.scenarioId) ?? []), b]);
  return {
    taxonomy: await readTaxonomy(db, campaignId),
    scenarios: list.map((s) => ({
      id: s.id,
      situation: s.situation,
      request: s.request,
      capabilities: s.capabilities,
      context: s.context,
      gold: s.gold !== null,
      behaviours: (byScenario.get(s.id) ?? [])
        .filter((b) => b.description !== "")
        .map((b) => ({ id: b.id, description: b.description, thoughts: b.thoughts, origin: b.origin, synthetic: b.synthetic })),
    })),
  };
}
