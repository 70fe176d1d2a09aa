import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { PolyphonyError } from "../core/errors.ts";
import type { ServiceDeps } from "../platform/deps.ts";
import { problemResponse } from "./problem.ts";
import { registerApiDocs } from "./api-docs.ts";
import { allowedMethods } from "./methods.ts";
import { securityHeaders } from "./security-headers.ts";
import { guardText } from "./text-guard.ts";
import { OPENAPI_INFO, OPENAPI_TAGS } from "./openapi-info.ts";
import { provideAuth } from "../platform/auth/http-auth.ts";
import { limitRequests } from "../platform/limits/http-limits.ts";
import { registerCampaignRoutes } from "../platform/campaigns/routes.ts";
import { RESEARCHER_COOKIE } from "../platform/auth/researcher-session.ts";
import { registerResearcherSessionRoutes } from "../platform/auth/session-routes.ts";
import { registerJoinRoutes } from "../platform/participants/join-routes.ts";
import { registerAdmissionRoutes } from "../platform/participants/admission-routes.ts";
import { registerProgressRoutes } from "../platform/participants/progress-routes.ts";
import { registerModerationRoutes } from "../platform/moderation/routes.ts";
import { registerStatsRoutes } from "../platform/stats/routes.ts";
import { registerLogWitnessRoutes } from "../platform/log/witness/routes.ts";
import { registerLogRoutes } from "../platform/log/routes.ts";
import { registerErasureRoutes } from "../platform/erasure/routes.ts";
import { registerCapabilityRoutes } from "../platform/capabilities/routes.ts";
import { registerDatasetRoutes } from "../datasets/routes.ts";

export type Api = OpenAPIHono;

/** The largest request body accepted; a values card is a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

export function fieldOf(error: ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join("/") ?? "";
  return { field: field === "" ? "body" : field, message: issue ? `${field || "body"}: ${issue.message}` : "invalid input" };
}

/**
 * What the server log says of an unexpected error. A failed query's parameters are left out: they
 * hold what people wrote (a card, a chat), which must not outlive its erasure in a log file.
 */
export function describeForLog(error: unknown): string {
  const e = error as { name?: string; message?: string; query?: unknown; params?: unknown; cause?: { message?: string; code?: string } };
  if (typeof e.query === "string") {
    return `${e.name ?? "Error"}: failed query: ${e.query} (${e.cause?.code ?? "no code"}: ${e.cause?.message ?? "no message"})`;
  }
  return (error as Error).stack ?? String(error);
}

/** Turns anything thrown by a handler into a problem+json response that leaks no internals. */
export function handleError(error: unknown, path: string): Response {
  if (error instanceof PolyphonyError && error.code === "upstream_failed") {
    // The provider's address, model and raw reply are the operator's business, not the caller's.
    // The model's raw reply stays out of it: it may echo what a participant wrote.
    const { reply: _reply, ...detail } = error.detail ?? {};
    console.error(`${path}: ${error.message} ${JSON.stringify(detail)}`);
    return problemResponse(new PolyphonyError("upstream_failed", "the language model did not give a usable answer; try again, or use the form"), path);
  }
  if (error instanceof PolyphonyError) return problemResponse(error, path);
  if (error instanceof HTTPException) {
    if (error.status === 413) {
      return problemResponse(new PolyphonyError("payload_too_large", `the request body exceeds ${MAX_BODY_BYTES} bytes`, { field: "body" }), path);
    }
    if (error.status === 400) {
      return problemResponse(new PolyphonyError("malformed", error.message || "malformed request", { field: "body" }), path);
    }
    if (error.status === 415) {
      return problemResponse(new PolyphonyError("unsupported_media_type", "send the body as application/json", { field: "content-type" }), path);
    }
    return error.getResponse();
  }
  const pgCode = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
  if (pgCode === "23505") {
    return problemResponse(new PolyphonyError("conflict", "this record exists already"), path);
  }
  console.error(`${path}: ${describeForLog(error)}`);
  return problemResponse(new PolyphonyError("internal", "an internal error occurred; it has been logged"), path);
}

/** Builds the HTTP API over the services. Handlers parse, call a service and shape the reply. */
export function createApi(deps: ServiceDeps): Api {
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const { field, message } = fieldOf(result.error);
        const prefix = result.target === "json" ? "" : `${result.target}:`;
        throw new PolyphonyError("invalid_input", message, { field: `${prefix}${field}` });
      }
    },
  });
  api.use("*", securityHeaders());
  // gzip or deflate as Accept-Encoding asks, streams included; event streams are left alone.
  api.use("*", compress());
  api.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PolyphonyError("payload_too_large", `the request body exceeds ${MAX_BODY_BYTES} bytes`, { field: "body" });
      },
    }),
  );
  api.use("/api/*", guardText());
  api.use("/api/*", provideAuth(deps));
  api.use("/api/*", limitRequests(deps));
  api.onError((error, c) => handleError(error, c.req.path));
  api.notFound((c) => {
    const allow = allowedMethods(api.routes, c.req.path);
    if (allow.length > 0) {
      const error = new PolyphonyError("method_not_allowed", `${c.req.path} answers ${allow.join(", ")}, not ${c.req.method}`);
      return problemResponse(error, c.req.path, { allow: allow.join(", ") });
    }
    return problemResponse(new PolyphonyError("not_found", `no route ${c.req.method} ${c.req.path}`), c.req.path);
  });

  api.openAPIRegistry.registerComponent("securitySchemes", "researcher", { type: "http", scheme: "bearer", description: "A researcher token from `polyphony token create`." });
  api.openAPIRegistry.registerComponent("securitySchemes", "researcherSession", {
    type: "apiKey",
    in: "cookie",
    name: RESEARCHER_COOKIE,
    description: "The web app's researcher session (HttpOnly, SameSite=Strict), set by `POST /api/v1/researcher-session`.",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "participant", { type: "http", scheme: "bearer", description: "The session token a participant receives on joining." });
  registerCapabilityRoutes(api, deps);
  registerResearcherSessionRoutes(api, deps);
  registerCampaignRoutes(api, deps);
  registerJoinRoutes(api, deps);
  for (const kind of deps.kinds.all) kind.routes(api, deps);
  registerAdmissionRoutes(api, deps);
  registerProgressRoutes(api, deps);
  registerModerationRoutes(api, deps);
  registerStatsRoutes(api, deps);
  registerLogWitnessRoutes(api, deps);
  registerLogRoutes(api, deps);
  registerErasureRoutes(api, deps);
  registerDatasetRoutes(api, deps);
  api.doc31("/api/openapi.json", { openapi: "3.1.0", info: OPENAPI_INFO, servers: [{ url: "/" }], tags: OPENAPI_TAGS });
  registerApiDocs(api, "/api/docs", "/api/openapi.json");
  return api;
}
