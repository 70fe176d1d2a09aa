import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEd25519Cosigner, makeVerifier, openCheckpoint, parseNote, signNote } from "../src/core/log/index.ts";
import { listen } from "../src/http/server.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi } from "./support/api.ts";
import { buildLoggedCampaign } from "./support/logged-campaign.ts";
import { runPolyphony } from "./support/polyphony-cli.ts";
import { storeTargets } from "./support/stores.ts";

/** A log served over HTTP that accepts the given witnesses' cosignatures. */
async function serveLog(store: Store, seed: Uint8Array, witnesses: string[]) {
  const t = await createTestApi(store, { logSeed: seed });
  const { server, port } = await listen({ ...t.deps, logWitnesses: witnesses.map(makeVerifier) }, 0, "127.0.0.1");
  return { t, server, url: `http://127.0.0.1:${port}` };
}

const stop = (server: ServerType | undefined) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

describe.each(storeTargets())("a witness of a log on $name", (target) => {
  const seed = new Uint8Array(randomBytes(32));
  let dir: string;
  let store: Store;
  let other: Store;
  let log: Awaited<ReturnType<typeof serveLog>>;
  let fork: Awaited<ReturnType<typeof serveLog>>;
  let witnessKey: string;
  let logKey: string;
  const witness = (url: string, state = join(dir, "state.json")) =>
    runPolyphony(["--json", "witness", "--once", "--log-url", url, "--log-key", logKey, "--name", "w.example", "--key-file", join(dir, "w.key"), "--state", state]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "polyphony-witness-"));
    const keygen = await runPolyphony(["witness", "keygen", "--name", "w.example", "--out", join(dir, "w.key")]);
    expect(keygen.code, keygen.stderr).toBe(0);
    witnessKey = keygen.stdout.trim();
    store = await target.open();
    other = await target.open();
    log = await serveLog(store, seed, [witnessKey]);
    logKey = log.t.deps.log.key.verifierKey;
    await buildLoggedCampaign(log.t, 2);
  });
  afterAll(async () => {
    await stop(log?.server);
    await stop(fork?.server);
    await store?.close();
    await other?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("makes a private key and prints its cosignature/v1 verifier key", async () => {
    expect(witnessKey).toMatch(/^w\.example\+[0-9a-f]{8}\+/);
    expect((await stat(join(dir, "w.key"))).mode & 0o777).toBe(0o600);
    expect(makeVerifier(witnessKey).name).toBe("w.example");
    const again = await runPolyphony(["witness", "keygen", "--name", "w.example", "--out", join(dir, "w.key")]);
    expect(again.code).toBe(2);
  });

  it("cosigns the log's checkpoint, and the log publishes the cosignature with it", async () => {
    const run = await witness(log.url);
    expect(run.code, run.stderr).toBe(0);
    const round = JSON.parse(run.stdout);
    expect(round).toMatchObject({ outcome: "cosigned", published: true });
    const note = await (await fetch(`${log.url}/api/v1/log/checkpoint`)).text();
    const opened = openCheckpoint(note, log.t.deps.log.key.verifier, [makeVerifier(witnessKey)]);
    expect(opened.verified.map((s) => s.name)).toContain("w.example");
    const state = JSON.parse(await readFile(join(dir, "state.json"), "utf8"));
    expect(state.size).toBe(opened.checkpoint.size);
  });

  it("cosigns a grown log after checking it is consistent, and verifiers see the cosignature", async () => {
    await buildLoggedCampaign(log.t, 2);
    const run = await witness(log.url);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).grewBy).toBeGreaterThan(0);
    const verify = await runPolyphony(["--json", "log", "verify", "--url", log.url, "--key", logKey, "--witness", witnessKey]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout).cosignatures.map((c: { name: string }) => c.name)).toEqual(["w.example"]);
  });

  it("refuses a cosignature from a witness the log does not name", async () => {
    const note = await (await fetch(`${log.url}/api/v1/log/checkpoint`)).text();
    const stranger = makeEd25519Cosigner("stranger.example", new Uint8Array(randomBytes(32)), 1_800_000_000);
    const logOnly = { text: parseNote(note).text, signatures: parseNote(note).signatures.slice(0, 1) };
    const res = await fetch(`${log.url}/api/v1/log/cosignatures`, { method: "POST", body: signNote(logOnly, [stranger]) });
    expect(res.status).toBe(403);
    const after = await (await fetch(`${log.url}/api/v1/log/checkpoint`)).text();
    expect(parseNote(after).signatures.map((s) => s.name)).not.toContain("stranger.example");
  });

  it("refuses a forked checkpoint, exits non-zero and prints both checkpoints", async () => {
    fork = await serveLog(other, seed, [witnessKey]);
    await buildLoggedCampaign(fork.t, 8);
    const run = await witness(fork.url);
    expect(run.code, run.stderr).toBe(1);
    const evidence = JSON.parse(run.stdout);
    expect(evidence.outcome).toBe("refused");
    expect(evidence.reason).toMatch(/not consistent/);
    const [previous, offered] = [evidence.previous, evidence.offered].map((n: string) => openCheckpoint(n, fork.t.deps.log.key.verifier).checkpoint);
    expect(previous!.origin).toBe(offered!.origin);
    const state = JSON.parse(await readFile(join(dir, "state.json"), "utf8"));
    expect(state.size).toBe(previous!.size);
  });
});
