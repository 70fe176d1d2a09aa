import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { encodeBase64 } from "../../core/log/index.ts";
import type { ServiceDeps } from "../deps.ts";
import { appendCosignatures } from "./witness/cosignatures.ts";
import { MAX_PAGE, readCheckpoint, readConsistencyProof, readEntries, readInclusionProof } from "./read.ts";
import { meta, problems } from "../../http/route.ts";
import { CheckpointView, ConsistencyProof, EntryPage, InclusionProof } from "./views.ts";

const tag = "Log";

/** Entries, proofs to a given size, and signed checkpoints never change: caches may keep them. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** What names "the latest" changes as the log grows. */
const LATEST = "public, max-age=5";

const Index = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Format = (fallback: string, other: string) =>
  z.enum([fallback, other]).default(fallback).openapi({ description: `\`${fallback}\` (default) or \`${other}\`` });

const CheckpointQuery = z.object({ format: Format("text", "json") });
const EntriesQuery = z.object({
  from: Index.default(0),
  to: Index.optional().openapi({ description: `End, exclusive; at most ${MAX_PAGE} after \`from\`. Defaults to a full page or the log's end` }),
  format: Format("jsonl", "json"),
});
const InclusionQuery = z.object({
  index: Index.optional(),
  leafHash: z.string().max(100).optional().openapi({ description: "Instead of index: the leaf hash as 64 hex digits or base64" }),
  size: Index.optional().openapi({ description: "Tree size; defaults to the latest signed checkpoint's" }),
});
const ConsistencyQuery = z.object({
  from: Index,
  to: Index.optional().openapi({ description: "Larger tree size; defaults to the latest signed checkpoint's" }),
});

const { 401: _auth, ...publicProblems } = problems;
/** A 200 answered in the media types `content` maps to their schemas, besides the shared problem responses. */
const answers = (description: string, content: Record<string, z.ZodType>) => ({
  200: { description, content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) },
  ...publicProblems,
});
const Text = (description: string) => z.string().openapi({ description });

const send = (c: Context, body: string, type: string, cache: string) =>
  c.body(body, 200, { "content-type": type, "cache-control": cache });
const sendJson = (c: Context, value: unknown, cache: string) => send(c, JSON.stringify(value), "application/json", cache);

/** The public, read-only, cacheable log API: checkpoints, entries, proofs and the verifier key. */
export function registerLogRoutes(api: OpenAPIHono, deps: ServiceDeps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/log/checkpoint",
      ...meta(
        tag,
        "The latest signed checkpoint: a C2SP signed note as text/plain, or `{size, root, checkpoint, signedAt}` with `format=json`",
        { id: "getCheckpoint" },
      ),
      request: { query: CheckpointQuery },
      responses: answers("The checkpoint", { "text/plain": Text("The C2SP signed note"), "application/json": CheckpointView }),
    }),
    async (c) => {
      const latest = await readCheckpoint(deps);
      const note = await appendCosignatures(deps, latest);
      if (c.req.valid("query").format === "text") return send(c, note, "text/plain; charset=utf-8", LATEST);
      const view = { size: latest.size, root: encodeBase64(latest.root), checkpoint: note, signedAt: latest.signedAt.toISOString() };
      return sendJson(c, view satisfies z.infer<typeof CheckpointView>, LATEST);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/log/entries",
      ...meta(
        tag,
        `Entries [from, to), at most ${MAX_PAGE}: JSON lines \`{"index", "leaf" (base64 of the exact leaf bytes), "entry"}\`, ` +
          "or `{from, to, entries: [...]}` with `format=json`",
        { id: "listLogEntries" },
      ),
      request: { query: EntriesQuery },
      responses: answers("A page of entries", {
        "application/jsonl": Text('One `{"index", "leaf", "entry"}` object a line'),
        "application/json": EntryPage,
      }),
    }),
    async (c) => {
      const { from, to, format } = c.req.valid("query");
      const page = await readEntries(deps, from, to);
      const cache = to === undefined ? LATEST : IMMUTABLE;
      if (format === "jsonl") return send(c, page.lines.map((l) => `${l}\n`).join(""), "application/jsonl; charset=utf-8", cache);
      return send(c, `{"from":${page.from},"to":${page.to},"entries":[${page.lines.join(",")}]}`, "application/json", cache);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/log/proof/inclusion",
      ...meta(
        tag,
        "Inclusion proof of an entry by `index` or `leafHash`: `{index, size, leafHash, inclusionProof, checkpoint}` " +
          "(checkpoint: the signed note of that size, or null)",
        { id: "getInclusionProof" },
      ),
      request: { query: InclusionQuery },
      responses: answers("The proof", { "application/json": InclusionProof }),
    }),
    async (c) => {
      const query = c.req.valid("query");
      const proof = await readInclusionProof(deps, query);
      return sendJson(c, proof satisfies z.infer<typeof InclusionProof>, query.size === undefined ? LATEST : IMMUTABLE);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/log/proof/consistency",
      ...meta(tag, "Consistency proof between tree sizes `from` ≤ `to`: `{from, to, consistencyProof, checkpoint}`", {
        id: "getConsistencyProof",
      }),
      request: { query: ConsistencyQuery },
      responses: answers("The proof", { "application/json": ConsistencyProof }),
    }),
    async (c) => {
      const { from, to } = c.req.valid("query");
      const proof = await readConsistencyProof(deps, from, to);
      return sendJson(c, proof satisfies z.infer<typeof ConsistencyProof>, to === undefined ? LATEST : IMMUTABLE);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/log/key",
      ...meta(tag, "The log's C2SP verifier key (`<name>+<key id>+<base64 key>`), as text/plain", { id: "getLogKey" }),
      responses: answers("The verifier key", { "text/plain": Text("`<name>+<key id>+<base64 key>` and a newline") }),
    }),
    async (c) => send(c, `${deps.log.key.verifierKey}\n`, "text/plain; charset=utf-8", "public, max-age=86400"),
  );
}
