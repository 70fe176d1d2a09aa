import { and, eq, isNull } from "drizzle-orm";
import { PolyphonyError } from "../../core/errors.ts";
import { researcherTokens } from "./schema.ts";
import type { ServiceDeps } from "../deps.ts";
import { hashSecret, newId, newSecret } from "../ids.ts";

export interface Researcher {
  id: string;
  name: string;
}

/** Creates a researcher token; the secret is returned once and only its hash is kept. */
export async function createResearcherToken(deps: ServiceDeps, name: string) {
  const id = newId("rsr");
  const token = newSecret("pr");
  await deps.store.db.insert(researcherTokens).values({
    id,
    name,
    tokenHash: hashSecret(token),
    createdAt: deps.clock.now(),
  });
  return { id, name, token };
}

export async function authenticateResearcher(deps: ServiceDeps, token: string): Promise<Researcher> {
  const [row] = await deps.store.db
    .select({ id: researcherTokens.id, name: researcherTokens.name })
    .from(researcherTokens)
    .where(and(eq(researcherTokens.tokenHash, hashSecret(token)), isNull(researcherTokens.revokedAt)));
  if (!row) throw new PolyphonyError("unauthorized", "the researcher token is unknown or revoked");
  return row;
}

export async function revokeResearcherToken(deps: ServiceDeps, id: string) {
  const rows = await deps.store.db
    .update(researcherTokens)
    .set({ revokedAt: deps.clock.now() })
    .where(eq(researcherTokens.id, id))
    .returning({ id: researcherTokens.id });
  if (rows.length === 0) throw new PolyphonyError("not_found", `researcher token ${id} does not exist`);
}

export async function listResearcherTokens(deps: ServiceDeps) {
  return deps.store.db
    .select({
      id: researcherTokens.id,
      name: researcherTokens.name,
      createdAt: researcherTokens.createdAt,
      revokedAt: researcherTokens.revokedAt,
    })
    .from(researcherTokens);
}

/**
 * On a store with no researcher token yet, creates the first one so that a fresh `npm start`
 * can be used at once (the CLI cannot open a PGlite folder while the server holds it).
 */
export async function ensureFirstResearcherToken(deps: ServiceDeps) {
  const [any] = await deps.store.db.select({ id: researcherTokens.id }).from(researcherTokens).limit(1);
  return any ? undefined : createResearcherToken(deps, "first researcher");
}
