import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/http/app.ts";
import { openServices, readConfig } from "../src/main.ts";
import { runPolyphony } from "./support/polyphony-cli.ts";

// A data folder written by Polyphony 0.1.0 through its own API (test/fixtures/data-0.1.0/make.mjs
// says how): the current release must open it, keep what it holds, and its log must still verify
// with the same key and stay consistent with the checkpoint 0.1.0 signed.
const FIXTURE = fileURLToPath(new URL("./fixtures/data-0.1.0/", import.meta.url));

interface Written {
  log: { verifierKey: string; size: number; checkpoint: string };
  researcher: string;
  campaign: { id: string; title: string };
  participants: Record<"alice" | "bob" | "carol" | "dave", { id: string; token: string }>;
  graph: { id: string; title: string; score: number }[];
  hidden: { target: { kind: string; id: string } };
  erasure: { participant: string };
  receipts: { index: number; leafHash: string }[];
}

describe("a data folder written by Polyphony 0.1.0", () => {
  let dir: string;
  let data: string;
  let written: Written;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-upgrade-"));
    data = join(dir, "polyphony-data");
    written = JSON.parse(await readFile(join(FIXTURE, "written.json"), "utf8")) as Written;
    const tar = brotliDecompressSync(await readFile(join(FIXTURE, "pgdata.tar.br")));
    const restored = await PGlite.create({ dataDir: data, loadDataDir: new Blob([tar]) });
    await restored.close();
    // A key file others can read is refused, as the release that wrote it kept it.
    await copyFile(join(FIXTURE, "polyphony-log.key"), join(data, "polyphony-log.key"));
    await chmod(join(data, "polyphony-log.key"), 0o600);
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("opens with its campaign, scores, moderation and erasure as 0.1.0 left them, and takes new contributions", async () => {
    const deps = await openServices(readConfig({ data }, {}));
    try {
      await deps.log.catchUp();
      const api = createApi(deps);
      const call = async (path: string, init: { token?: string; body?: unknown } = {}) => {
        const res = await api.request(`/api/v1${path}`, {
          method: init.body === undefined ? "GET" : "POST",
          headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), ...(init.body !== undefined && { "content-type": "application/json" }) },
          ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const at = `/campaigns/${written.campaign.id}`;

      const campaign = await call(at);
      expect(campaign.status).toBe(200);
      expect(campaign.body.campaign).toMatchObject({ id: written.campaign.id, kind: "moral-graph", title: written.campaign.title });

      // 0.1.0 scored by PageRank, which its `polyphony` method was; that method is `pagerank` now.
      const graph = await call(`${at}/graph?method=pagerank&limit=1000`);
      const values = (graph.body.values as { id: string; title: string; score: number }[]).map(({ id, title, score }) => ({ id, title, score }));
      expect(values).toHaveLength(written.graph.length);
      for (const [i, value] of values.entries()) {
        expect(value.id).toBe(written.graph[i]!.id);
        expect(value.title).toBe(written.graph[i]!.title);
        expect(value.score).toBeCloseTo(written.graph[i]!.score, 12);
      }

      const hidden = await call(`${at}/moderation`, { token: written.researcher });
      expect(hidden.status).toBe(200);
      expect((hidden.body.hidden as { target: unknown }[]).map((h) => h.target)).toEqual([written.hidden.target]);

      const erasedAgain = await call(`${at}/erasures`, { token: written.researcher, body: { participant: written.erasure.participant, reason: "again" } });
      expect(erasedAgain.status).toBe(409);

      const me = await call(`${at}/me`, { token: written.participants.bob.token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ votes: 1, survey: { represented: 4, fair: 5 } });

      const card = await call(`${at}/cards`, {
        token: written.participants.alice.token,
        body: { question: (campaign.body.campaign as { questions: { id: string }[] }).questions[0]!.id, title: "Steady ground", description: "Help her find her footing before anything else.", policies: ["STEPS she can take today", "PLACES where she feels safe", "PEOPLE who have stood by her"] },
      });
      expect(card.status, JSON.stringify(card.body)).toBe(201);
      expect((card.body.receipt as { index: number }).index).toBe(written.log.size);
      await deps.log.checkpointCovering((card.body.receipt as { index: number }).index + 1);
    } finally {
      await deps.store.close();
    }
  }, 120_000);

  it("keeps the log's key, and its log verifies and is consistent with the checkpoint 0.1.0 signed", async () => {
    const key = await runPolyphony(["--data", data, "log", "key"]);
    expect(key.stdout.trim()).toBe(written.log.verifierKey);
    await writeFile(file("checkpoint-0.1.0"), written.log.checkpoint);
    const exported = await runPolyphony(["--data", data, "log", "export", "--out", file("entries.jsonl")]);
    expect(exported.code, exported.stderr).toBe(0);
    const checkpoint = await runPolyphony(["--data", data, "log", "checkpoint"]);
    await writeFile(file("checkpoint"), checkpoint.stdout);
    const size = Number(checkpoint.stdout.split("\n")[1]);
    expect(size).toBeGreaterThan(written.log.size);
    await writeFile(file("receipts.jsonl"), written.receipts.map((r) => JSON.stringify(r)).join("\n"));

    const verified = await runPolyphony([
      "--data", data, "--json", "log", "verify",
      "--entries", file("entries.jsonl"), "--checkpoint", file("checkpoint"), "--previous", file("checkpoint-0.1.0"),
      "--proofs", file("receipts.jsonl"), "--key", written.log.verifierKey, "--strict",
    ]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, logSignature: "verified", size });

    const lines = (await readFile(file("entries.jsonl"), "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l) as { index: number; leaf: string });
    expect(lines.map((l) => l.index)).toEqual([...Array(size).keys()]);
  }, 120_000);
});
