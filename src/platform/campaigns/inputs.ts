import { z } from "@hono/zod-openapi";
import type { KindRegistry } from "../kind.ts";
import { CampaignShared, UpdateCampaignShared } from "../schemas.ts";

export interface CampaignSchemas {
  /** A new campaign of any registered kind; `kind` defaults to the first registered. */
  readonly create: z.ZodType;
  /** A change to a campaign: the shared settings and every kind's own (the service refuses another kind's). */
  readonly update: z.ZodType;
}

const built = new WeakMap<KindRegistry, CampaignSchemas>();

/** The campaign input schemas of the registered kinds, built once per registry. */
export function campaignSchemas(kinds: KindRegistry): CampaignSchemas {
  let schemas = built.get(kinds);
  if (!schemas) {
    const variants = kinds.all.map((kind) =>
      CampaignShared.extend({
        kind: kind === kinds.default ? z.literal(kind.id).default(kind.id) : z.literal(kind.id),
        ...kind.campaign.create.shape,
      }),
    );
    const [first, ...rest] = variants;
    const create =
      rest.length === 0
        ? first!
        : z.discriminatedUnion("kind", [first!, ...rest], { error: () => `kind: one of ${kinds.all.map((k) => k.id).join(", ")}` });
    const update = kinds.all.reduce<z.ZodObject>((shape, kind) => shape.extend(kind.campaign.update.shape), UpdateCampaignShared);
    schemas = { create: create.openapi("CreateCampaign"), update: update.openapi("UpdateCampaign") };
    built.set(kinds, schemas);
  }
  return schemas;
}
