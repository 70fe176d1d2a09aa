import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { PolyphonyError } from "../../core/errors.ts";
import type { ServiceDeps } from "../deps.ts";
import { limitsOf, spent, take, rateLimited } from "./limits.ts";
import { researcherSessionToken } from "../auth/researcher-session.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The client's address: the socket's peer, or behind the reverse proxy (POLYPHONY_TRUST_PROXY)
 * the address the proxy appended last to `X-Forwarded-For` — the leftmost entries are the
 * client's to write and prove nothing.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").map((a) => a.trim()).filter((a) => a !== "");
    if (forwarded && forwarded.length > 0) return forwarded.at(-1)!;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Requests made in-process (app.request) have no socket.
    return "in-process";
  }
}

const tokenBucket = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 32);

/**
 * App middleware for the limits that need no route knowledge: joins per client address, and
 * writes per bearer token. Each counts in the shared database, so the limits hold across servers.
 */
export const limitRequests =
  (deps: ServiceDeps): MiddlewareHandler =>
  async (c, next) => {
    const limits = limitsOf(deps);
    if (WRITES.has(c.req.method)) {
      const now = deps.clock.now();
      if (c.req.method === "POST" && /^\/api\/v1\/campaigns\/[^/]+\/participants\/?$/.test(c.req.path)) {
        await take(deps.store.db, `join:addr:${clientAddress(c, limits.trustProxy)}`, limits.joinsPerAddress, now, "joins from this address");
      }
      const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? researcherSessionToken(c);
      if (token) await take(deps.store.db, `write:token:${tokenBucket(token)}`, limits.writesPerToken, now, "changes with this token");
    }
    await next();
  };

/**
 * Runs a token check, counting its failures per client address: once an address has sent too many
 * wrong tokens in the window, every token check from it is refused with 429 until the window ends,
 * whatever the token, so guessing tokens costs time.
 */
export async function guardTokenCheck<T>(c: Context, deps: ServiceDeps, check: () => Promise<T>): Promise<T> {
  const limits = limitsOf(deps);
  const bucket = `authfail:addr:${clientAddress(c, limits.trustProxy)}`;
  const wait = await spent(deps.store.db, bucket, limits.failedAuthPerAddress, deps.clock.now());
  if (wait !== null) throw rateLimited("requests with a wrong token from this address", wait);
  try {
    return await check();
  } catch (error) {
    // A request with no credentials at all guesses nothing; only a wrong token counts.
    const offered = c.req.header("authorization") !== undefined || researcherSessionToken(c) !== undefined;
    if (offered && error instanceof PolyphonyError && error.code === "unauthorized") {
      await take(deps.store.db, bucket, { ...limits.failedAuthPerAddress, max: Number.MAX_SAFE_INTEGER }, deps.clock.now(), "wrong tokens");
    }
    throw error;
  }
}
