import type { Context, MiddlewareHandler } from "hono";
import { PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../deps.ts";
import { SIGNATURE_HEADER } from "../participants/participant-keys.ts";
import { assertInCampaign, authenticateParticipant, type Participant } from "../participants/participants.ts";
import { authenticateResearcher, type Researcher } from "./tokens.ts";
import { guardTokenCheck } from "../limits/http-limits.ts";
import { researcherSessionToken } from "./researcher-session.ts";

/** Who a route requires: a researcher's token or a participant's session token. */
export type Caller = "researcher" | "participant";

// Per request: the services to check tokens against, and each caller once checked, so the
// route's middleware and its handler look the token up once between them.
const servicesOf = new WeakMap<Context, ServiceDeps>();
const researchers = new WeakMap<Context, Promise<Researcher>>();
const participants = new WeakMap<Context, Promise<Participant>>();

function bearer(c: Context): string {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new PolyphonyError("unauthorized", "send the token as `Authorization: Bearer <token>`", { field: "authorization" });
  return match[1]!;
}

/** A researcher's token: the bearer token, or else the web app's session cookie. */
function researcherToken(c: Context): string {
  if (c.req.header("authorization") === undefined) {
    const session = researcherSessionToken(c);
    if (session !== undefined) return session;
  }
  return bearer(c);
}

/** Whether the request carries a researcher's credentials of either kind. */
export const offersResearcherToken = (c: Context): boolean => c.req.header("authorization") !== undefined || researcherSessionToken(c) !== undefined;

function once<T>(cache: WeakMap<Context, Promise<T>>, c: Context, check: () => Promise<T>): Promise<T> {
  let result = cache.get(c);
  if (!result) {
    result = check();
    cache.set(c, result);
  }
  return result;
}

export const researcherOf = (c: Context, deps: ServiceDeps): Promise<Researcher> =>
  once(researchers, c, () => guardTokenCheck(c, deps, async () => authenticateResearcher(deps, researcherToken(c))));

/** The signature a participant sent over this request's contribution, if any. */
export const signatureOf = (c: Context): string | undefined => c.req.header(SIGNATURE_HEADER);

/**
 * The participant behind the session token, checked to belong to `campaignId`, with the signature
 * they sent over this request's contribution.
 */
export async function participantOf(c: Context, deps: ServiceDeps, campaignId: string): Promise<Participant> {
  const participant = await once(participants, c, () => guardTokenCheck(c, deps, async () => authenticateParticipant(deps, bearer(c))));
  assertInCampaign(participant, campaignId);
  return { ...participant, signature: signatureOf(c) };
}

/** App middleware that gives the routes' `authenticate` middleware the services to check tokens against. */
export const provideAuth =
  (deps: ServiceDeps): MiddlewareHandler =>
  async (c, next) => {
    servicesOf.set(c, deps);
    await next();
  };

/**
 * Route middleware that checks the caller's token before any validator reads the request: a
 * caller without a valid token gets 401 (or 403 for another campaign's participant) and learns
 * nothing about what input the route takes.
 */
export const authenticate =
  (caller: Caller): MiddlewareHandler =>
  async (c, next) => {
    const deps = servicesOf.get(c);
    if (!deps) throw new Error("authenticate needs provideAuth(deps) installed on the app");
    if (caller === "researcher") await researcherOf(c, deps);
    else await participantOf(c, deps, c.req.param("campaign") ?? "");
    await next();
  };
