import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ed25519 } from "@noble/curves/ed25519.js";
import type { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCosignatureVerifier, makeEd25519Cosigner, parseNote, signNote } from "../src/core/log/index.ts";
import { openAiEmbedder } from "../src/providers/openai-embedder.ts";
import { openAiLlm } from "../src/providers/openai-llm.ts";
import type { Store } from "../src/store/open.ts";
import { readOpenApiDocument } from "../scripts/gen-api-types.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { startFakeOpenAi, type FakeOpenAi } from "./support/fake-openai-server.ts";
import { storeTargets } from "./support/stores.ts";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function operationsOf(doc: { paths?: Record<string, Record<string, unknown>> }) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method] as Operation }] : [])),
  );
}

describe("the OpenAPI document", () => {
  let doc: Awaited<ReturnType<typeof readOpenApiDocument>>;
  beforeAll(async () => {
    doc = await readOpenApiDocument();
  });

  it("names every operation once and gives every success response a schema", () => {
    const operations = operationsOf(doc as never);
    expect(operations.length).toBeGreaterThan(30);
    const ids = operations.map(({ method, path, operation }) => operation.operationId ?? `${method} ${path} has none`);
    expect(ids.filter((id) => id.includes(" has none"))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), "duplicate operationIds").toEqual([]);
    const untyped = operations.flatMap(({ operation }) =>
      Object.entries(operation.responses).flatMap(([status, response]) => {
        if (!status.startsWith("2")) return [];
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) return [`${operation.operationId} ${status}: no content`];
        return content.flatMap(([type, media]) =>
          media.schema === undefined || JSON.stringify(media.schema) === "{}" ? [`${operation.operationId} ${status} ${type}`] : [],
        );
      }),
    );
    expect(untyped).toEqual([]);
  });

  it("reports no error and no warning under Redocly's recommended rules", async () => {
    const dir = await mkdtemp(join(tmpdir(), "polyphony-openapi-"));
    try {
      const file = join(dir, "openapi.json");
      await writeFile(file, JSON.stringify(doc));
      const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
      const run = await promisify(execFile)("node_modules/.bin/redocly", ["lint", file, "--extends=recommended", "--format=json"], { env });
      const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The route an app registered for a request, with the responses it declares. */
interface DeclaredRoute {
  operationId: string;
  pattern: RegExp;
  method: string;
  responses: Record<string, { content?: Record<string, { schema: z.ZodType }> }>;
}

function declaredRoutes(t: TestApi): DeclaredRoute[] {
  return t.api.openAPIRegistry.definitions.flatMap((definition) => {
    if (definition.type !== "route") return [];
    const { route } = definition;
    const pattern = new RegExp(`^${route.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return [{ operationId: route.operationId!, pattern, method: route.method.toUpperCase(), responses: route.responses as DeclaredRoute["responses"] }];
  });
}

/**
 * Hono does not check what a handler answers against the route's schema; this suite does, for
 * every answer of a flow that touches every operation: the status and media type must be
 * declared, a JSON body must parse with the declared schema and lose nothing in parsing (no
 * undeclared field), and a 201's Location must be readable.
 */
describe("the answers of a flow through every operation", () => {
  const pglite = storeTargets()[0]!;
  const witnessSeed = new Uint8Array(32).fill(7);
  let fake: FakeOpenAi;
  let store: Store;
  let t: TestApi;
  let routes: DeclaredRoute[];
  const answered = new Set<string>();

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    store = await pglite.open();
    t = await createTestApi(store, {
      llm: openAiLlm({ baseUrl: fake.baseUrl, model: "fake-chat", maxRetries: 0 }),
      embedder: openAiEmbedder({ baseUrl: fake.baseUrl, model: "fake-embed" }),
      logWitnesses: [makeCosignatureVerifier("w.example", ed25519.getPublicKey(witnessSeed))],
    });
    routes = declaredRoutes(t);
  });
  afterAll(async () => {
    await store?.close();
    await fake?.close();
  });

  async function sendText(method: string, url: string, text: string) {
    const response = await t.api.request(url, { method, headers: { "content-type": "text/plain" }, body: text });
    const type = response.headers.get("content-type") ?? "";
    const body = await response.text();
    return { status: response.status, type, headers: response.headers, body: type.includes("json") ? JSON.parse(body) : body };
  }

  /** Sends a request and checks its answer against what the document declares for it. */
  async function call(method: string, url: string, options: Parameters<TestApi["call"]>[2] & { text?: string } = {}) {
    const path = new URL(url, "http://x").pathname;
    const route = routes.find((r) => r.method === method && r.pattern.test(path));
    expect(route, `${method} ${path} is not in the document`).toBeDefined();
    const res = options.text === undefined
      ? await t.call(method, url, options)
      : await sendText(method, url, options.text);
    const where = `${route!.operationId} answered ${res.status}`;
    const declared = route!.responses[String(res.status)];
    expect(declared, `${where}, which it does not declare: ${JSON.stringify(res.body)}`).toBeDefined();
    const mediaType = res.type.split(";")[0]!.trim();
    const media = declared!.content?.[mediaType];
    expect(media, `${where} as ${mediaType}, which it does not declare`).toBeDefined();
    if (mediaType.endsWith("json")) {
      const parsed = media!.schema.safeParse(res.body);
      expect(parsed.error?.issues ?? [], `${where}: ${JSON.stringify(res.body).slice(0, 400)}`).toEqual([]);
      expect(parsed.data, `${where} with fields its schema does not declare`).toEqual(res.body);
    }
    if (res.status >= 200 && res.status < 300) answered.add(route!.operationId);
    if (res.status === 201) {
      const location = res.headers.get("location");
      expect(location, `${where} without a Location`).toBeTruthy();
      expect((await call("GET", location!)).status, `${where}: its Location ${location} cannot be read`).toBe(200);
    }
    return res;
  }

  const ok = async (method: string, url: string, options: Parameters<typeof call>[2] = {}, status = method === "POST" ? 201 : 200) => {
    const res = await call(method, url, options);
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(status);
    return res.body;
  };

  it("validate against the document's schemas, and every operation is answered", async () => {
    const researcher = t.researcher;
    expect((await ok("GET", "/api/v1/capabilities")).llm).toBe(true);
    expect((await ok("POST", "/api/v1/researcher-session", { body: { token: researcher } }, 200)).researcher.name).toBe("test researcher");
    expect((await ok("GET", "/api/v1/researcher-session", { token: researcher })).researcher.name).toBe("test researcher");
    expect(await ok("DELETE", "/api/v1/researcher-session")).toEqual({ signedOut: true });

    const { campaign } = await ok("POST", "/api/v1/campaigns", {
      token: researcher,
      body: {
        title: "Teenagers and hard questions",
        questions: ["How should an assistant respond to a teenager asking about abortion?"],
        contexts: ["When in distress"],
        demographics: [{ key: "politics", question: "Political affiliation", options: ["left", "right"] }],
      },
    });
    const base = `/api/v1/campaigns/${campaign.id}`;
    const question = campaign.questions[0].id as string;
    await ok("GET", "/api/v1/campaigns", { token: researcher });
    const changed = await ok("PATCH", base, { token: researcher, body: { addContexts: ["When seeking information"] } });
    const [distress, seeking] = changed.campaign.contexts.map((c: { id: string }) => c.id) as [string, string];

    await ok("POST", `${base}/invites`, { token: researcher, body: { count: 2 } });
    await ok("GET", `${base}/invites`, { token: researcher });
    await ok("PATCH", `${base}/allowlist`, { token: researcher, body: { add: ["prolific-1"] } });
    await ok("GET", `${base}/allowlist`, { token: researcher });

    const join = async (politics: string) => (await ok("POST", `${base}/participants`, { body: { answers: { politics } } })).token as string;
    const [alice, bob, carol] = [await join("left"), await join("right"), await join("left")];
    await ok("POST", `${base}/progress`, { token: alice, body: { step: "consent" } }, 200);

    const turn = await ok("POST", `${base}/articulate`, { token: alice, body: { question, message: "Please draft my card now." } }, 200);
    expect(turn.draft).not.toBeNull();
    await ok("POST", `${base}/cards/similar`, { token: alice, body: { question, ...turn.draft } }, 200);
    const submit = async (token: string, title: string) =>
      (await ok("POST", `${base}/cards`, { token, body: { question, title, description: `Living by ${title}.`, policies: POLICIES } })).card
        .canonicalId as string;
    const a = await submit(alice, "Informational autonomy");
    const b = await submit(bob, "Caring presence");
    const c = await submit(carol, "Caring presence, gently");
    await ok("GET", `${base}/canonical-cards?includeMerged=true`);
    await ok("GET", `${base}/merge-proposals?threshold=0`, { token: researcher });
    await ok("POST", `${base}/merge-proposals/dismissals`, { token: researcher, body: { cards: [a, c] } }, 200);
    await ok("POST", `${base}/admission-check`, { body: {} }, 200);

    const { story } = await ok("POST", `${base}/stories`, { token: researcher, body: { from: a, to: b, context: distress, text: "I listened first." } });
    await ok("POST", `${base}/stories/generate`, { token: researcher, body: { from: a, to: b, context: seeking } });
    await ok("GET", `${base}/stories/next`, { token: alice });
    for (const [token, relationship, context] of [
      [alice, "upgrade", distress],
      [bob, "upgrade", distress],
      [carol, "no_upgrade", seeking],
    ] as const) {
      await ok("POST", `${base}/votes`, { token, body: { from: a, to: b, context, relationship, ...(context === distress && { story: story.id }) } });
    }

    const { merge } = await ok("POST", `${base}/merges`, { token: researcher, body: { into: b, from: [c], reason: "the same value" } });
    await ok("GET", `${base}/merges`, { token: researcher });
    await ok("POST", `${base}/merges/${merge.id}/undo`, { token: researcher, body: { reason: "not quite the same" } }, 200);

    await ok("POST", `${base}/survey`, { token: alice, body: { represented: 5, fair: 4, comment: "fine" } }, 200);
    await ok("GET", `${base}/me`, { token: alice });
    await ok("GET", `${base}/comments`, { token: researcher });
    await ok("GET", `${base}/stories/coverage`, { token: researcher });
    await ok("GET", `${base}/stats`, { token: researcher });
    await ok("GET", `${base}/legitimacy?groupBy=politics`);
    await ok("GET", `${base}/graph?groupBy=politics`);
    await ok("GET", `${base}/graph?method=mai-2023`);
    await ok("GET", `${base}/export`);
    await ok("GET", `${base}/export?format=mai`);
    await ok("GET", `${base}/tables/votes?format=csv`, { token: researcher });
    await ok("GET", `${base}/tables/participants?format=parquet`, { token: researcher });
    await ok("GET", `${base}/datasets/trl-preference`, { token: researcher });
    await ok("GET", `${base}/datasets/csv?file=README.md`, { token: researcher });

    const target = { kind: "story", id: story.id };
    await ok("POST", `${base}/moderation`, { token: researcher, body: { target, reason: "off topic" } });
    await ok("GET", `${base}/moderation`, { token: researcher });
    await ok("POST", `${base}/moderation/unhide`, { token: researcher, body: { target, reason: "on topic after all" } }, 200);
    await ok("POST", `${base}/erasures`, { token: researcher, body: { participant: (await ok("GET", `${base}/me`, { token: carol })).participant.id, reason: "asked" } });

    const note = await ok("GET", "/api/v1/log/checkpoint");
    const checkpoint = await ok("GET", "/api/v1/log/checkpoint?format=json");
    await ok("GET", "/api/v1/log/entries?from=0&to=3");
    await ok("GET", "/api/v1/log/entries?from=0&to=3&format=json");
    await ok("GET", `/api/v1/log/proof/inclusion?index=1&size=${checkpoint.size}`);
    await ok("GET", `/api/v1/log/proof/consistency?from=1&to=${checkpoint.size}`);
    await ok("GET", "/api/v1/log/key");
    const cosigner = makeEd25519Cosigner("w.example", witnessSeed, 1_800_000_000);
    await ok("POST", "/api/v1/log/cosignatures", { text: signNote(parseNote(note), [cosigner]) });

    const scenarios = await ok("POST", "/api/v1/campaigns", {
      token: researcher,
      body: {
        kind: "scenarios",
        title: "A very capable assistant",
        scenarios: [{ situation: "Asked to delete every backup.", request: "Delete them.", capabilities: "Runs the servers.", behaviours: [{ description: "Asks why first." }, { description: "Deletes them." }] }],
      },
    });
    const sbase = `/api/v1/campaigns/${scenarios.campaign.id}`;
    const scenario = scenarios.campaign.scenarios[0] as { id: string; behaviours: { id: string }[] };
    const [asks, deletes] = scenario.behaviours.map((b) => b.id) as [string, string];
    const ranker = (await ok("POST", `${sbase}/participants`, { body: { answers: {} } })).token as string;
    const proposed = await ok("POST", `${sbase}/scenarios/${scenario.id}/behaviours`, { token: ranker, body: { description: "Asks, then explains the risk.", tags: ["asks clarifying questions"] } });
    await ok("POST", `${sbase}/scenarios/${scenario.id}/rankings`, {
      token: ranker,
      body: { tiers: [[proposed.behaviour.id, asks], [deletes]], acceptable: 1, displayOrder: [asks, deletes, proposed.behaviour.id], durationMs: 4000 },
    });
    await ok("POST", `${sbase}/behaviours/${deletes}/tags`, { token: ranker, body: { tags: ["catastrophic or irreversible harm"] } });
    await ok("POST", `${sbase}/scenarios/${scenario.id}/rationales`, { token: ranker, body: { text: "Backups are the last line.", behaviour: deletes } });
    await ok("GET", `${sbase}/scenarios/results`, { token: researcher });
    await ok("GET", `${sbase}/scenarios/big-bench`, { token: researcher });

    const problem = await call("GET", `${base}/graph?groupBy=nonsense`);
    expect(problem.status).toBe(422);

    const every = declaredRoutes(t).map((r) => r.operationId);
    expect(every.filter((id) => !answered.has(id))).toEqual([]);
  }, 120_000);
});
