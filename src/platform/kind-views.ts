import { z } from "@hono/zod-openapi";
import type { CampaignKind, KindRegistry } from "./kind.ts";

/**
 * The schema of a shared response that each campaign kind completes (a campaign's settings, a
 * participant's summary, a campaign's statistics): one variant per registered kind, so the
 * document names every field a kind adds. With one kind it is that kind's variant.
 */
export function composeKindVariants(kinds: KindRegistry, variant: (kind: CampaignKind) => z.ZodObject): z.ZodType {
  const [first, ...rest] = kinds.all.map(variant);
  return rest.length === 0 ? first! : z.union([first!, ...rest]);
}
