import type { z } from "@hono/zod-openapi";
import { desc, eq } from "drizzle-orm";
import { notFound, invalid } from "../../core/errors.ts";
import type { Queryable } from "../../store/open.ts";
import { campaigns, NO_CONSENT_DETAILS, type ConsentDetails } from "./schema.ts";
import type { ServiceDeps } from "../deps.ts";
import { newId } from "../ids.ts";
import { toContent } from "../log/contents.ts";
import { researcherAuthor, type EntryDraft } from "../log/drafts.ts";
import { UpdateCampaignShared, type CreateCampaign, type UpdateCampaign } from "../schemas.ts";

export type { CreateCampaign, UpdateCampaign };
import type { CampaignKind, KindRegistry } from "../kind.ts";
import type { Researcher } from "../auth/tokens.ts";

/** A campaign's shared settings, whatever its kind. */
export type CampaignRecord = {
  id: string;
  kind: string;
  title: string;
  description: string;
  consent: string;
  consentDetails: ConsentDetails;
  status: (typeof campaigns.$inferSelect)["status"];
  demographics: (typeof campaigns.$inferSelect)["demographics"];
  admission: (typeof campaigns.$inferSelect)["admission"];
  resultsVisibility: string;
  minGroupSize: number;
  createdAt: string;
  updatedAt: string;
};

/** A campaign as the API shows it: the shared settings and those of its kind (a moral graph's questions and contexts). */
export type CampaignView = CampaignRecord & Record<string, unknown>;

/** The shared settings of a new campaign, as `insertCampaignRow` takes them. */
export type CampaignRow = Pick<CreateCampaign, "kind" | "title" | "description" | "consent" | "demographics"> &
  Partial<Pick<CreateCampaign, "consentDetails" | "admission" | "resultsVisibility" | "minGroupSize">> & { source?: string };

/** Stores a campaign's shared settings, in the caller's transaction; its kind stores the rest. */
export async function insertCampaignRow(tx: Queryable, now: Date, input: CampaignRow): Promise<string> {
  const id = newId("cmp");
  await tx.insert(campaigns).values({
    id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    consent: input.consent,
    consentDetails: input.consentDetails ?? NO_CONSENT_DETAILS,
    demographics: input.demographics,
    admission: input.admission ?? { mode: "open" },
    resultsVisibility: input.resultsVisibility ?? "public",
    minGroupSize: input.minGroupSize ?? 5,
    source: input.source ?? null,
    createdAt: now,
    updatedAt: now,
  });
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
  const { value: campaign, receipts } = await deps.log.commit(async (tx, now) => {
    const kind = deps.kinds.get(input.kind);
    const id = await insertCampaignRow(tx, now, input);
    await kind.campaign.insert(tx, id, pick(input, kind.campaign.create));
    const view = await describeCampaign(tx, deps.kinds, id);
    return { value: view, drafts: [campaignDraft("campaign_created", view, researcherAuthor(researcher))] };
  }, { alone: true });
  return { campaign, receipt: receipts[0]! };
}

/** A campaign's shared settings; not found when it does not exist. */
export async function getCampaign(db: Queryable, id: string): Promise<CampaignRecord> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw notFound("campaign", id, "campaign");
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    consent: row.consent,
    consentDetails: { ...NO_CONSENT_DETAILS, ...row.consentDetails },
    status: row.status,
    demographics: row.demographics,
    admission: row.admission,
    resultsVisibility: row.resultsVisibility,
    minGroupSize: row.minGroupSize,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The campaign's kind; not found when the campaign does not exist. */
export async function kindOfCampaign(db: Queryable, kinds: KindRegistry, id: string): Promise<CampaignKind> {
  const [row] = await db.select({ kind: campaigns.kind }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw notFound("campaign", id, "campaign");
  return kinds.get(row.kind);
}

/** A campaign with the settings of its kind, as the API and the log show it. */
export async function describeCampaign(db: Queryable, kinds: KindRegistry, id: string): Promise<CampaignView> {
  const { createdAt, updatedAt, ...shared } = await getCampaign(db, id);
  const own = await kinds.get(shared.kind).campaign.view.read(db, id);
  return { ...shared, ...own, createdAt, updatedAt };
}

/** The fields of `input` that `schema` declares, present ones only. */
function pick(input: Record<string, unknown>, schema: z.ZodObject): Record<string, unknown> {
  return Object.fromEntries(Object.keys(schema.shape).flatMap((key) => (input[key] === undefined ? [] : [[key, input[key]]])));
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

/**
 * Changes a campaign's shared settings and those of its kind, and records the result in the log.
 * A change to a setting of another kind is refused, naming the field.
 */
export async function updateCampaign(deps: ServiceDeps, researcher: Researcher, id: string, input: UpdateCampaign) {
  const { value: campaign, receipts } = await deps.log.commit(async (tx, now) => {
    const kind = await kindOfCampaign(tx, deps.kinds, id);
    // An update that sets nothing changes nothing: it is refused, not logged as a change.
    if (Object.values(input).every((value) => value === undefined)) throw invalid("body", "name at least one setting to change");
    const foreign = Object.keys(input).find((field) => input[field] !== undefined && !(field in UpdateCampaignShared.shape) && !(field in kind.campaign.update.shape));
    if (foreign !== undefined) throw invalid(foreign, `a ${kind.id} campaign has no setting ${foreign}`);
    await tx
      .update(campaigns)
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.consent !== undefined && { consent: input.consent }),
        ...(input.consentDetails !== undefined && { consentDetails: input.consentDetails }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.demographics !== undefined && { demographics: input.demographics }),
        ...(input.admission !== undefined && { admission: input.admission }),
        ...(input.resultsVisibility !== undefined && { resultsVisibility: input.resultsVisibility }),
        ...(input.minGroupSize !== undefined && { minGroupSize: input.minGroupSize }),
        updatedAt: now,
      })
      .where(eq(campaigns.id, id));
    await kind.campaign.change(tx, id, pick(input, kind.campaign.update));
    const changed = Object.entries(input).flatMap(([field, value]) => (value === undefined ? [] : [field])).sort();
    const view = await describeCampaign(tx, deps.kinds, id);
    return { value: view, drafts: [campaignDraft("campaign_changed", view, researcherAuthor(researcher), { changed })] };
  }, { alone: true });
  return { campaign, receipt: receipts[0]! };
}
