import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServiceDeps } from "../../deps.ts";
import { addCosignatures } from "./cosignatures.ts";
import { createdWith, meta } from "../../../http/route.ts";
import { Cosignatures } from "../views.ts";

const tag = "Log";

/** Where witnesses hand the log their cosignatures, which the checkpoint route then publishes. */
export function registerLogWitnessRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/log/cosignatures",
      ...meta(
        tag,
        "Give the log a witness's cosignature: the body is one of the log's signed checkpoints (text/plain) with the witness's " +
          "C2SP cosignature/v1 line added. Accepted from the witnesses named in POLYPHONY_LOG_WITNESSES; `GET /api/v1/log/checkpoint` " +
          "then carries it. Returns `{size, cosignatures: [{name, time}]}`; Location is the checkpoint route",
        { id: "addCosignatures" },
      ),
      request: { body: { required: true, content: { "text/plain": { schema: z.string() } } } },
      responses: createdWith(Cosignatures, "The cosignatures kept"),
    }),
    async (c) => c.json(await addCosignatures(deps, await c.req.text()), 201, { Location: "/api/v1/log/checkpoint" }),
  );
}
