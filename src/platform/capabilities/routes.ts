import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../deps.ts";
import { meta, ok } from "../../http/route.ts";

const Capabilities = z
  .object({
    llm: z.boolean().openapi({ description: "Whether an LLM is configured" }),
    campaignKinds: z.array(z.string()).openapi({ description: "The campaign kinds this server runs; the first is the default" }),
  })
  .openapi("Capabilities");

/** What this server can do, so clients show only the features that work here. */
export function registerCapabilityRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/capabilities",
      ...meta("Server", "Whether an LLM is configured (articulation chat, story generation)", { id: "getCapabilities" }),
      responses: ok(Capabilities, "What this server can do"),
    }),
    (c) => c.json({ llm: deps.llm !== undefined, campaignKinds: deps.kinds.all.map((kind) => kind.id) }, 200),
  );
}
