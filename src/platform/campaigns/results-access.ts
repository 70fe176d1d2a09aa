import type { Context } from "hono";
import { PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../deps.ts";
import { readResultsVisibility } from "./visibility.ts";
import { researcherOf } from "../auth/http-auth.ts";

/**
 * Lets the request read a campaign's results: anyone when they are public, only a researcher
 * token when the campaign keeps them token-only. Unknown campaigns answer 404 either way.
 */
export async function requireResultsAccess(c: Context, deps: ServiceDeps, campaignId: string): Promise<void> {
  if ((await readResultsVisibility(deps.store.db, campaignId)) === "public") return;
  if (!c.req.header("authorization")) {
    throw new PolyphonyError("unauthorized", "the results of this campaign are visible to researchers only: send a researcher token", {
      field: "authorization",
    });
  }
  await researcherOf(c, deps);
}
