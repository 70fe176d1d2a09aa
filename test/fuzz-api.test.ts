import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/store/rows.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, POLICIES, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

/** Values no route may accept in a string, and what each tests. */
const HOSTILE: Record<string, unknown> = {
  nul: "before\u0000after",
  control: "bell\u0007",
  "lone surrogate": "card \ud800",
  "bidi override": "txt.exe\u202e",
  "zero width": "zero\u200bwidth",
  "wrong type": { not: "a string" },
  number: 12,
};
const OVERSIZED = "x".repeat(300 * 1024);

interface Operation {
  method: string;
  path: string;
  operationId: string;
  security: Record<string, string[]>[];
  body: boolean;
  query: string[];
}

/** Every JSON string in a value, by path, so each can be replaced in turn. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

/**
 * Sends every route of the OpenAPI document malformed, oversized and hostile input — in each string
 * of a valid body, in its path and query, as deep nesting, broken JSON and the wrong media type —
 * and checks that none answers 5xx, every error is problem+json, and a refused request writes
 * nothing: no row anywhere, no log entry.
 */
describe.each(storeTargets())("hostile input to every route, on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let operations: Operation[];
  let participant: string;
  const ids: Record<string, string> = {};
  const bodies: Record<string, unknown> = {};

  async function snapshot(): Promise<string> {
    const tables = rowsOf<{ table_name: string }>(
      await store.db.execute(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`),
    ).map((r) => r.table_name);
    const counts = [];
    for (const table of tables) {
      if (table === "__drizzle_migrations") continue;
      const [row] = rowsOf<{ n: number }>(await store.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`));
      counts.push(`${table}=${row!.n}`);
    }
    return counts.join(" ");
  }

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    const document = (await t.call("GET", "/api/openapi.json")).body as {
      paths: Record<string, Record<string, { operationId: string; security?: Record<string, string[]>[]; requestBody?: unknown; parameters?: { in: string; name: string }[] }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        security: op.security ?? [],
        body: op.requestBody !== undefined,
        query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      })),
    );
    const campaign = (
      await t.call("POST", "/api/v1/campaigns", {
        token: t.researcher,
        body: { title: "Fuzzed", questions: ["How should it answer?"], contexts: ["In distress"], demographics: [{ key: "age", question: "Your age" }] },
      })
    ).body.campaign as { id: string; questions: { id: string }[]; contexts: { id: string }[] };
    ids.campaign = campaign.id;
    const joined = await t.call("POST", `/api/v1/campaigns/${campaign.id}/participants`, { body: { answers: { age: "40" } } });
    participant = joined.body.token as string;
    const card = async (title: string) =>
      (await t.call("POST", `/api/v1/campaigns/${campaign.id}/cards`, { token: participant, body: { question: campaign.questions[0]!.id, title, description: `Living by ${title}.`, policies: POLICIES } })).body
        .card as { id: string; canonicalId: string };
    const [a, b, c] = [await card("calm first"), await card("facts first"), await card("company first")];
    const merged = await t.call("POST", `/api/v1/campaigns/${campaign.id}/merges`, { token: t.researcher, body: { into: a.canonicalId, from: [c.canonicalId], reason: "alike" } });
    ids.merge = merged.body.merge.id as string;
    const cardBody = { question: campaign.questions[0]!.id, title: "Steady ground", description: "Help her find her footing.", policies: POLICIES };
    Object.assign(bodies, {
      createCampaign: { title: "Another", description: "About it", consent: "I agree", questions: ["Q?"], contexts: ["C"], demographics: [{ key: "job", question: "Your job", options: ["a", "b"] }] },
      updateCampaign: { title: "Renamed", description: "New", addContexts: ["Later"] },
      joinCampaign: { answers: { age: "30" }, externalId: "worker-1" },
      submitCard: cardBody,
      findSimilarCards: cardBody,
      articulateCard: { question: campaign.questions[0]!.id, message: "I want them to feel heard." },
      castVote: { from: a.canonicalId, to: b.canonicalId, context: campaign.contexts[0]!.id, relationship: "upgrade", comment: "because" },
      mergeCards: { into: a.canonicalId, from: [b.canonicalId], reason: "alike" },
      undoMerge: { reason: "not alike" },
      writeStory: { from: a.canonicalId, to: b.canonicalId, context: campaign.contexts[0]!.id, text: "I used to rush in with facts. Then I saw she needed calm first." },
      generateStories: { from: a.canonicalId, to: b.canonicalId, context: campaign.contexts[0]!.id },
      createInvites: { count: 2 },
      checkAdmission: { invite: "inv_not_a_code", externalId: "worker-1" },
      dismissMergeProposal: { cards: [a.canonicalId, b.canonicalId] },
      editAllowlist: { add: ["worker-9"], remove: ["worker-8"] },
      recordProgress: { step: "question" },
      answerSurvey: { represented: 4, fair: 4, comment: "felt heard" },
      hideContent: { target: { kind: "values_card", id: a.id }, reason: "spam" },
      unhideContent: { target: { kind: "values_card", id: a.id }, reason: "not spam" },
      eraseParticipant: { externalId: "nobody-here", reason: "asked by email" },
      startResearcherSession: { token: t.researcher },
      proposeBehaviour: { description: "Asks what the person wants first.", thoughts: "The request is unclear.", tags: ["asks clarifying questions"] },
      rankScenario: { tiers: [["bhv_a", "bhv_b"], ["bhv_c"]], displayOrder: ["bhv_c", "bhv_a", "bhv_b"], acceptable: 1, durationMs: 3000 },
      tagBehaviour: { tags: ["asks clarifying questions"] },
      addRationale: { text: "It should ask before acting.", behaviour: "bhv_a" },
    });
  });
  afterAll(async () => store?.close());

  const tokenFor = (op: Operation) =>
    op.security.some((s) => "participant" in s) ? participant : op.security.some((s) => "researcher" in s) ? t.researcher : undefined;
  const pathOf = (op: Operation, override?: string) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => override ?? encodeURIComponent(ids[name] ?? name));

  async function expectRefused(op: Operation, label: string, send: () => Promise<{ status: number; type: string; body: unknown }>) {
    const before = await snapshot();
    const res = await send();
    const what = `${op.method} ${op.path} (${op.operationId}) with ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    expect(res.status, what).toBeGreaterThanOrEqual(400);
    expect(res.status, what).toBeLessThan(500);
    expect(res.type, what).toContain("application/problem+json");
    expect(await snapshot(), `${what}: wrote something`).toBe(before);
    return res;
  }

  it("covers every operation of the document", () => {
    expect(operations.length).toBeGreaterThanOrEqual(39);
    const writes = operations.filter((op) => op.body && op.method !== "GET").map((op) => op.operationId);
    // Every route that takes a JSON body has a valid body here, so each of its strings is tried.
    for (const id of writes) if (id !== "addCosignatures") expect(Object.keys(bodies), id).toContain(id);
  });

  it("refuses a hostile value in any string of a valid body with 422 naming the field, writing nothing", async () => {
    for (const op of operations) {
      const body = bodies[op.operationId];
      if (body === undefined) continue;
      for (const path of stringPaths(body)) {
        for (const [label, value] of Object.entries(HOSTILE)) {
          const res = await expectRefused(op, `${label} at ${path.join("/")}`, () =>
            t.call(op.method, pathOf(op), { token: tokenFor(op), body: replaced(body, path, value) }),
          );
          // The string rule and the schema name the field they refuse; the whole body is named only for JSON itself.
          if (res.status === 422) expect((res.body as { field?: string }).field, `${op.operationId} ${label} at ${path.join("/")}`).toBe(path.join("/"));
        }
      }
    }
  }, 600_000);

  it("refuses hostile paths, queries, nesting, sizes, broken JSON and the wrong media type on every route", async () => {
    // Written as text: serialising 5,000 levels would overflow this process's stack before the server saw it.
    const deep = `${"[".repeat(5_000)}"leaf"${"]".repeat(5_000)}`;
    const withDeep = (base: unknown) => {
      const rest = JSON.stringify(base).slice(1);
      return `{"extra":${deep}${rest === "}" ? "" : ","}${rest}`;
    };
    for (const op of operations) {
      const token = tokenFor(op);
      if (op.path.includes("{")) {
        await expectRefused(op, "a NUL in the path", () => t.call(op.method, pathOf(op, "%00"), { token, ...(op.body && { body: bodies[op.operationId] ?? {} }) }));
        await expectRefused(op, "broken percent-encoding in the path", () => t.call(op.method, pathOf(op, "%E0%A4%A"), { token }));
      }
      for (const name of op.query) {
        await expectRefused(op, `a NUL in query ${name}`, () => t.call(op.method, `${pathOf(op)}?${name}=a%00b`, { token, ...(op.body && { body: bodies[op.operationId] ?? {} }) }));
      }
      if (!op.body) continue;
      const base = bodies[op.operationId] ?? {};
      await expectRefused(op, "deep nesting", () => t.call(op.method, pathOf(op), { token, raw: withDeep(base) }));
      await expectRefused(op, "an oversized body", () => t.call(op.method, pathOf(op), { token, body: { ...(base), extra: OVERSIZED } }));
      await expectRefused(op, "broken JSON", () => t.call(op.method, pathOf(op), { token, raw: '{"title": "unclosed' }));
      await expectRefused(op, "an array for a body", () => t.call(op.method, pathOf(op), { token, body: [base] }));
      await expectRefused(op, "a form body", () =>
        Promise.resolve(t.api.request(pathOf(op), { method: op.method, headers: { "content-type": "application/x-www-form-urlencoded", ...(token && { authorization: `Bearer ${token}` }) }, body: "title=x" })).then(async (r: Response) => ({
          status: r.status,
          type: r.headers.get("content-type") ?? "",
          body: await r.text(),
        })),
      );
    }
  }, 600_000);

  it("refuses an update that changes nothing instead of logging it", async () => {
    const op = operations.find((o) => o.operationId === "updateCampaign")!;
    const res = await expectRefused(op, "an empty body", () => t.call("PATCH", pathOf(op), { token: t.researcher, body: {} }));
    expect(res.status).toBe(422);
  });
});
