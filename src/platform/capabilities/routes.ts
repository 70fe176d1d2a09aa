import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { meta, responses } from "../../http/route.ts";

/** What this server can do, so clients show only the features that work here. */
export function registerCapabilityRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/capabilities",
      ...meta("Server", "Whether an LLM is configured (articulation chat, story generation)", { id: "getCapabilities" }),
      responses: responses(),
    }),
    (c) => c.json({ llm: deps.llm !== undefined, campaignKinds: deps.kinds.all.map((kind) => kind.id) }, 200),
  );
}
