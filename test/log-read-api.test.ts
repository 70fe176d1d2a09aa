import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decodeBase64,
  encodeHex,
  openCheckpoint,
  parseExportLine,
  verifyConsistency,
  verifyInclusion,
  type NoteVerifier,
} from "../src/core/log/index.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { readLogVerifier } from "./support/receipts.ts";
import { storeTargets } from "./support/stores.ts";

const policies = ["MOMENTS of doubt", "CHOICES made in haste", "PEOPLE nearby"];
const bytes = (text: string) => decodeBase64(text)!;
const IMMUTABLE = "public, max-age=31536000, immutable";

describe.each(storeTargets())("log read API on $name", (target) => {
  let store: Store;
  let t: TestApi;
  let verifier: NoteVerifier;
  let campaignId: string;
  let questionId: string;

  const contribute = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const joined = await t.call("POST", `/api/v1/campaigns/${campaignId}/participants`, { body: {} });
      const card = await t.call("POST", `/api/v1/campaigns/${campaignId}/cards`, {
        token: joined.body.token,
        body: { question: questionId, title: `Value ${i}`, description: "A value.", policies },
      });
      expect(card.status).toBe(201);
    }
  };
  const checkpoint = async () => (await t.call("GET", "/api/v1/log/checkpoint?format=json")).body as { size: number; root: string; checkpoint: string };
  const problem = async (path: string, status: number, field: string) => {
    const res = await t.call("GET", path);
    expect(res.status, path).toBe(status);
    expect(res.type).toContain("application/problem+json");
    expect(res.body.field).toBe(field);
  };

  beforeAll(async () => {
    store = await target.open();
    t = await createTestApi(store);
    verifier = await readLogVerifier(t);
    const created = await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: "Read", questions: ["Q?"], contexts: ["C"] } });
    campaignId = created.body.campaign.id;
    questionId = created.body.campaign.questions[0].id;
    await contribute(3);
  });
  afterAll(async () => store?.close());

  it("serves the latest checkpoint as a signed note, or as JSON, briefly cacheable", async () => {
    const text = await t.call("GET", "/api/v1/log/checkpoint");
    expect(text.status).toBe(200);
    expect(text.type).toContain("text/plain");
    expect(text.headers.get("cache-control")).toBe("public, max-age=5");
    const opened = openCheckpoint(text.body, verifier).checkpoint;
    expect(opened.size).toBe(10);
    const json = await checkpoint();
    expect(json).toMatchObject({ size: 10, checkpoint: text.body });
    expect(bytes(json.root)).toEqual(opened.root);
    const key = await t.call("GET", "/api/v1/log/key");
    expect(key.type).toContain("text/plain");
    expect(key.body.trim()).toBe(t.deps.log.key.verifierKey);
  });

  it("pages entries as JSON lines or a JSON array; fixed ranges are immutable", async () => {
    const all = await t.call("GET", "/api/v1/log/entries?from=0&to=10");
    expect(all.status).toBe(200);
    expect(all.type).toContain("application/jsonl");
    expect(all.headers.get("cache-control")).toBe(IMMUTABLE);
    const lines = (all.body as string).trimEnd().split("\n").map(parseExportLine);
    expect(lines.map((l) => l.index)).toEqual([...Array(10).keys()]);
    const json = await t.call("GET", "/api/v1/log/entries?from=4&format=json");
    expect(json.headers.get("cache-control")).toBe("public, max-age=5");
    expect(json.body).toMatchObject({ from: 4, to: 10 });
    expect(json.body.entries[0]).toMatchObject({ index: 4, entry: { kind: "participant_joined" } });
    expect(bytes(json.body.entries[0].leaf)).toEqual(lines[4]!.leaf);
    await problem("/api/v1/log/entries?from=11", 422, "from");
    await problem("/api/v1/log/entries?from=0&to=11", 422, "to");
    await problem("/api/v1/log/entries?from=5&to=4", 422, "to");
    await problem("/api/v1/log/entries?from=0&to=1001", 422, "to");
    await problem("/api/v1/log/entries?from=-1", 422, "query:from");
  });

  it("proves inclusion by index or by leaf hash, to the latest checkpoint or a given size", async () => {
    const latest = await checkpoint();
    const byIndex = await t.call("GET", "/api/v1/log/proof/inclusion?index=3");
    expect(byIndex.status).toBe(200);
    expect(byIndex.headers.get("cache-control")).toBe("public, max-age=5");
    const proof = byIndex.body;
    expect(proof).toMatchObject({ index: 3, size: latest.size, checkpoint: latest.checkpoint });
    expect(verifyInclusion(bytes(proof.leafHash), 3, proof.size, proof.inclusionProof.map(bytes), bytes(latest.root))).toBe(true);
    const hex = encodeHex(bytes(proof.leafHash));
    const urlSafe = proof.leafHash.replace(/\+/g, "-").replace(/\//g, "_");
    for (const leafHash of [hex, urlSafe]) {
      const found = await t.call("GET", `/api/v1/log/proof/inclusion?leafHash=${leafHash}&size=${latest.size}`);
      expect(found.body).toEqual(proof);
      expect(found.headers.get("cache-control")).toBe(IMMUTABLE);
    }
    const smaller = (await t.call("GET", "/api/v1/log/proof/inclusion?index=2&size=3")).body;
    expect(smaller).toMatchObject({ size: 3, checkpoint: null }); // every receipt signed one, but none at 3
    await problem("/api/v1/log/proof/inclusion?index=10&size=10", 422, "index");
    await problem("/api/v1/log/proof/inclusion?index=1&size=11", 422, "size");
    await problem("/api/v1/log/proof/inclusion", 422, "index");
    await problem(`/api/v1/log/proof/inclusion?leafHash=${"0".repeat(64)}`, 404, "leafHash");
    await problem("/api/v1/log/proof/inclusion?leafHash=nothex", 422, "leafHash");
  });

  it("proves that a later checkpoint extends an earlier one", async () => {
    const first = await checkpoint();
    await contribute(2);
    const second = await checkpoint();
    expect(second.size).toBe(first.size + 6);
    const res = await t.call("GET", `/api/v1/log/proof/consistency?from=${first.size}&to=${second.size}`);
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    const { consistencyProof } = res.body;
    expect(verifyConsistency(first.size, second.size, consistencyProof.map(bytes), bytes(first.root), bytes(second.root))).toBe(true);
    const latest = await t.call("GET", `/api/v1/log/proof/consistency?from=${first.size}`);
    expect(latest.body).toMatchObject({ to: second.size, checkpoint: second.checkpoint });
    await problem("/api/v1/log/proof/consistency?from=0", 422, "from");
    await problem(`/api/v1/log/proof/consistency?from=${second.size}&to=${first.size}`, 422, "from");
    await problem(`/api/v1/log/proof/consistency?from=1&to=${second.size + 1}`, 422, "to");
  });

  it("keeps every signed checkpoint consistent with the one before it", async () => {
    const result = await store.db.execute(sql`select size, note from log_checkpoints order by size`);
    const stored = (result as { rows: { size: string | number; note: string }[] }).rows.map((r) => openCheckpoint(r.note, verifier).checkpoint);
    expect(stored.length).toBeGreaterThan(2);
    for (let i = 1; i < stored.length; i++) {
      const [a, b] = [stored[i - 1]!, stored[i]!];
      if (a.size === 0) continue;
      const proof = (await t.call("GET", `/api/v1/log/proof/consistency?from=${a.size}&to=${b.size}`)).body.consistencyProof as string[];
      expect(verifyConsistency(a.size, b.size, proof.map(bytes), a.root, b.root), `${a.size} → ${b.size}`).toBe(true);
    }
  });

  it("lists the log routes in the OpenAPI document", async () => {
    const doc = await t.call("GET", "/api/openapi.json");
    for (const path of ["checkpoint", "entries", "proof/inclusion", "proof/consistency", "key"]) {
      expect(Object.keys(doc.body.paths)).toContain(`/api/v1/log/${path}`);
    }
  });
});
