import { asc, desc, eq, max } from "drizzle-orm";
import { notFound, invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { campaigns } from "./schema.ts";
import { contexts, questions } from "../../kinds/moral-graph/schema.ts";
import type { ServiceDeps } from "../deps.ts";
import { newId } from "../ids.ts";
import { toContent } from "../log/contents.ts";
import { researcherAuthor, type EntryDraft } from "../log/drafts.ts";
import { appendEntries } from "../log/sequencer.ts";
import type { CreateCampaign, UpdateCampaign } from "../schemas.ts";
import type { Researcher } from "../auth/tokens.ts";

export interface CampaignView {
  id: string;
  kind: string;
  title: string;
  description: string;
  consent: string;
  status: string;
  demographics: (typeof campaigns.$inferSelect)["demographics"];
  admission: (typeof campaigns.$inferSelect)["admission"];
  resultsVisibility: string;
  questions: { id: string; text: string }[];
  contexts: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}

/** Creates a campaign with its questions and contexts, in the caller's transaction. */
export async function insertCampaign(
  tx: Queryable,
  now: Date,
  input: Omit<CreateCampaign, "admission" | "resultsVisibility"> &
    Partial<Pick<CreateCampaign, "admission" | "resultsVisibility">> & { source?: string; questionRefs?: (string | null)[] },
): Promise<string> {
  const id = newId("cmp");
  await tx.insert(campaigns).values({
    id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    consent: input.consent,
    demographics: input.demographics,
    admission: input.admission ?? { mode: "open" },
    resultsVisibility: input.resultsVisibility ?? "public",
    source: input.source ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(questions).values(
    input.questions.map((text, position) => ({
      id: newId("q"),
      campaignId: id,
      position,
      text,
      externalRef: input.questionRefs?.[position] ?? null,
    })),
  );
  await tx.insert(contexts).values(
    input.contexts.map((name, position) => ({ id: newId("ctx"), campaignId: id, position, name })),
  );
  return id;
}

/**
 * The entry recording a campaign's settings as they now are: its content is the whole campaign
 * (questions and contexts with their ids) but for its id and timestamps.
 */
export function campaignDraft(kind: "campaign_created" | "campaign_changed", view: CampaignView, author: string, refs: EntryDraft["refs"] = {}): EntryDraft {
  const { id, createdAt: _created, updatedAt: _updated, ...settings } = view;
  return { kind, campaign: id, author, refs, content: toContent(settings) };
}

/** Creates a campaign and records it in the log. */
export async function createCampaign(deps: ServiceDeps, researcher: Researcher, input: CreateCampaign) {
  const { campaign, entry } = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const view = await getCampaign(tx, await insertCampaign(tx, now, input));
    const [appended] = await appendEntries(tx, [campaignDraft("campaign_created", view, researcherAuthor(researcher))], now);
    return { campaign: view, entry: appended! };
  });
  return { campaign, receipt: await deps.log.issueReceipt(entry) };
}

export async function getCampaign(db: Queryable, id: string): Promise<CampaignView> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw notFound("campaign", id, "campaign");
  const qs = await db
    .select({ id: questions.id, text: questions.text })
    .from(questions)
    .where(eq(questions.campaignId, id))
    .orderBy(asc(questions.position));
  const cs = await db
    .select({ id: contexts.id, name: contexts.name })
    .from(contexts)
    .where(eq(contexts.campaignId, id))
    .orderBy(asc(contexts.position));
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    consent: row.consent,
    status: row.status,
    demographics: row.demographics,
    admission: row.admission,
    resultsVisibility: row.resultsVisibility,
    questions: qs,
    contexts: cs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCampaigns(deps: ServiceDeps) {
  const rows = await deps.store.db
    .select({
      id: campaigns.id,
      kind: campaigns.kind,
      title: campaigns.title,
      status: campaigns.status,
      createdAt: campaigns.createdAt,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Changes a campaign's settings, questions or contexts, and records the result in the log. */
export async function updateCampaign(deps: ServiceDeps, researcher: Researcher, id: string, input: UpdateCampaign) {
  const { campaign, entry } = await deps.store.transaction(async (tx) => {
    const current = await getCampaign(tx, id);
    const now = deps.clock.now();
    await tx
      .update(campaigns)
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.consent !== undefined && { consent: input.consent }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.demographics !== undefined && { demographics: input.demographics }),
        ...(input.admission !== undefined && { admission: input.admission }),
        ...(input.resultsVisibility !== undefined && { resultsVisibility: input.resultsVisibility }),
        updatedAt: now,
      })
      .where(eq(campaigns.id, id));
    if (input.addQuestions?.length) {
      const [top] = await tx.select({ p: max(questions.position) }).from(questions).where(eq(questions.campaignId, id));
      const start = (top?.p ?? -1) + 1;
      await tx.insert(questions).values(
        input.addQuestions.map((text, i) => ({ id: newId("q"), campaignId: id, position: start + i, text })),
      );
    }
    if (input.addContexts?.length) {
      const existing = new Set(current.contexts.map((c) => c.name));
      const fresh = input.addContexts.filter((name) => !existing.has(name));
      if (fresh.length !== input.addContexts.length || new Set(fresh).size !== fresh.length) {
        throw invalid("addContexts", "the campaign already has a context with that name");
      }
      const start = current.contexts.length;
      await tx.insert(contexts).values(
        fresh.map((name, i) => ({ id: newId("ctx"), campaignId: id, position: start + i, name })),
      );
    }
    const changed = Object.entries(input).flatMap(([field, value]) => (value === undefined ? [] : [field])).sort();
    const view = await getCampaign(tx, id);
    const [appended] = await appendEntries(tx, [campaignDraft("campaign_changed", view, researcherAuthor(researcher), { changed })], now);
    return { campaign: view, entry: appended! };
  });
  return { campaign, receipt: await deps.log.issueReceipt(entry) };
}
