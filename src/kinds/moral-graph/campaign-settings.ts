import { z } from "@hono/zod-openapi";
import { and, asc, eq, max } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Queryable, Tx } from "../../store/open.ts";
import { getCampaign, type CampaignRecord } from "../../platform/campaigns/campaigns.ts";
import { newId } from "../../platform/ids.ts";
import { contexts, moralGraphSettings, questions } from "./schema.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

/** How many stories a participant is asked to judge when the campaign does not say. */
export const DEFAULT_JUDGING_QUOTA = 5;

const JudgingQuota = z
  .number()
  .int()
  .min(1)
  .max(200)
  .openapi({ description: `How many stories a participant is asked to judge before the closing survey (default ${DEFAULT_JUDGING_QUOTA})` });

/** What a moral-graph campaign asks: the questions values are articulated for, the contexts judged in. */
export const MoralGraphSettings = z.object({
  questions: z.array(text(2000)).min(1).max(50),
  contexts: z
    .array(text(200))
    .min(1)
    .max(500)
    .refine((list) => new Set(list).size === list.length, "contexts must be distinct"),
  judgingQuota: JudgingQuota.default(DEFAULT_JUDGING_QUOTA),
});
export type MoralGraphSettings = z.infer<typeof MoralGraphSettings>;

/** Questions and contexts a campaign update may add; existing ones never change, votes refer to them. */
export const MoralGraphChanges = z.object({
  addQuestions: z.array(text(2000)).max(50).optional(),
  addContexts: z.array(text(200)).max(500).optional(),
  judgingQuota: JudgingQuota.optional(),
});
export type MoralGraphChanges = z.infer<typeof MoralGraphChanges>;

export const MoralGraphSettingsView = z.object({
  questions: z.array(z.object({ id: z.string(), text: z.string() })),
  contexts: z.array(z.object({ id: z.string(), name: z.string() })),
  judgingQuota: z.number().int(),
});
export type MoralGraphSettingsView = z.infer<typeof MoralGraphSettingsView>;

/** A moral-graph campaign as its use cases read it: the shared settings and its own. */
export type MoralGraphCampaign = CampaignRecord & MoralGraphSettingsView;

/** Stores a new campaign's questions (with their ids in an imported source, if any) and contexts. */
export async function insertSettings(tx: Queryable, campaignId: string, settings: MoralGraphSettings, questionRefs?: readonly (string | null)[]) {
  await tx.insert(questions).values(
    settings.questions.map((text, position) => ({
      id: newId("q"),
      campaignId,
      position,
      text,
      externalRef: questionRefs?.[position] ?? null,
    })),
  );
  await tx.insert(contexts).values(settings.contexts.map((name, position) => ({ id: newId("ctx"), campaignId, position, name })));
  await tx.insert(moralGraphSettings).values({ campaignId, judgingQuota: settings.judgingQuota });
}

/** Appends the questions and contexts a campaign update adds; a context's name stays unique. */
export async function changeSettings(tx: Tx, campaignId: string, changes: MoralGraphChanges) {
  if (changes.judgingQuota !== undefined) {
    await tx
      .insert(moralGraphSettings)
      .values({ campaignId, judgingQuota: changes.judgingQuota })
      .onConflictDoUpdate({ target: moralGraphSettings.campaignId, set: { judgingQuota: changes.judgingQuota } });
  }
  if (changes.addQuestions?.length) {
    const [top] = await tx.select({ p: max(questions.position) }).from(questions).where(eq(questions.campaignId, campaignId));
    const start = (top?.p ?? -1) + 1;
    await tx.insert(questions).values(changes.addQuestions.map((text, i) => ({ id: newId("q"), campaignId, position: start + i, text })));
  }
  if (changes.addContexts?.length) {
    const current = await readSettings(tx, campaignId);
    const existing = new Set(current.contexts.map((c) => c.name));
    const fresh = changes.addContexts.filter((name) => !existing.has(name));
    if (fresh.length !== changes.addContexts.length || new Set(fresh).size !== fresh.length) {
      throw invalid("addContexts", "the campaign already has a context with that name");
    }
    const start = current.contexts.length;
    await tx.insert(contexts).values(fresh.map((name, i) => ({ id: newId("ctx"), campaignId, position: start + i, name })));
  }
}

/** A campaign's questions and contexts, in the order they were given. */
export async function readSettings(db: Queryable, campaignId: string): Promise<MoralGraphSettingsView> {
  const qs = await db
    .select({ id: questions.id, text: questions.text })
    .from(questions)
    .where(eq(questions.campaignId, campaignId))
    .orderBy(asc(questions.position));
  const cs = await db
    .select({ id: contexts.id, name: contexts.name })
    .from(contexts)
    .where(eq(contexts.campaignId, campaignId))
    .orderBy(asc(contexts.position));
  const [own] = await db.select({ judgingQuota: moralGraphSettings.judgingQuota }).from(moralGraphSettings).where(eq(moralGraphSettings.campaignId, campaignId));
  return { questions: qs, contexts: cs, judgingQuota: own?.judgingQuota ?? DEFAULT_JUDGING_QUOTA };
}

/** The campaign with its questions and contexts; not found when it does not exist. */
export async function getMoralGraphCampaign(db: Queryable, campaignId: string): Promise<MoralGraphCampaign> {
  const campaign = await getCampaign(db, campaignId);
  return { ...campaign, ...(await readSettings(db, campaignId)) };
}

/** Fails unless `contextId` is one of the campaign's contexts. */
export async function requireContext(db: Queryable, campaignId: string, contextId: string, field = "context") {
  const [row] = await db
    .select({ id: contexts.id, name: contexts.name })
    .from(contexts)
    .where(and(eq(contexts.id, contextId), eq(contexts.campaignId, campaignId)));
  if (!row) throw notAContext(contextId, field);
  return row;
}

export const notAContext = (contextId: string, field = "context") => invalid(field, `${JSON.stringify(contextId)} is not a context of this campaign`);
