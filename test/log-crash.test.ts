import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { decodeBase64, decodeEntry } from "../src/core/log/index.ts";
import { openStore } from "../src/store/open.ts";
import { rowsOf } from "../src/store/rows.ts";
import { runCli, startServerProcess, type ServerProcess } from "./support/server-process.ts";

const policies = ["MOMENTS of doubt", "CHOICES made in haste", "PEOPLE nearby"];

async function post(server: ServerProcess, path: string, body: unknown, token: string) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Every entry the server serves, read page by page. */
async function readEntries(server: ServerProcess) {
  const entries: { index: number; leaf: string }[] = [];
  for (;;) {
    const res = await fetch(`${server.url}/api/v1/log/entries?from=${entries.length}&format=json`);
    const page = ((await res.json()) as { entries: { index: number; leaf: string }[] }).entries;
    if (page.length === 0) return entries;
    entries.push(...page);
  }
}

describe("a server killed in the middle of a burst of contributions", () => {
  let dir: string;
  afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

  it("restarts with a log whose size is the number of stored contributions, each row with its entry", async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-crash-"));
    const data = join(dir, "data");
    const { token } = (await runCli<{ token: { token: string } }>(data, "token", "create", "--name", "crash")).token;
    const first = await startServerProcess(data);
    const created = await post(first, "/campaigns", { title: "Crash", questions: ["Q?"], contexts: ["C"] }, token);
    const campaign = created.body.campaign as { id: string; questions: { id: string }[] };

    // A steady burst from eight clients; the server is killed once 60 contributions were acknowledged.
    const acknowledged: number[] = [];
    let killed = false;
    const client = async (c: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const joined = await post(first, `/campaigns/${campaign.id}/participants`, {}, token);
          if (joined.status === 201) acknowledged.push(joined.body.receipt.index);
          const card = { question: campaign.questions[0]!.id, title: `Value ${c}.${i}`, description: "A value.", policies };
          const res = await post(first, `/campaigns/${campaign.id}/cards`, card, joined.body.token);
          if (res.status === 201) acknowledged.push(res.body.receipt.index);
        } catch {
          return;
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    await first.exited;
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = await startServerProcess(data);
    const served = await readEntries(second);
    second.child.kill("SIGTERM");
    await second.exited;

    const store = await openStore({ dataDir: data });
    try {
      const count = async (table: string) => Number(rowsOf<{ n: number }>(await store.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
      const ids = async (table: string) => new Set(rowsOf<{ id: string }>(await store.db.execute(sql.raw(`select id from ${table}`))).map((r) => r.id));
      const [campaigns, participants, cards, canonical] = await Promise.all(["campaigns", "participants", "values_cards", "canonical_cards"].map(count));
      const stored = campaigns! + participants! + cards! + canonical!;
      expect(stored).toBeGreaterThan(acknowledged.length);
      expect(served.length).toBe(stored);
      expect(await count("log_entries")).toBe(stored);
      expect(Number(rowsOf<{ size: number }>(await store.db.execute(sql`select size from log_head`))[0]!.size)).toBe(stored);
      expect(served.map((e) => e.index)).toEqual([...Array(stored).keys()]);

      const entries = served.map((e) => decodeEntry(decodeBase64(e.leaf)!));
      const named = (kind: string) => new Set(entries.filter((e) => e.kind === kind).map((e) => e.body.card as string));
      expect(named("values_card")).toEqual(await ids("values_cards"));
      expect(named("canonical_card")).toEqual(await ids("canonical_cards"));
      expect(entries.filter((e) => e.kind === "participant_joined")).toHaveLength(participants!);
      for (const index of acknowledged) expect(index).toBeLessThan(stored);
    } finally {
      await store.close();
    }
  });
});
