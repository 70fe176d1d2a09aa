import { ed25519 } from "@noble/curves/ed25519.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase64, makeCosignatureVerifier, makeEd25519Cosigner, makeVerifier, openNote, parseCheckpoint, parseNote, type NoteVerifier } from "../src/core/log/index.ts";
import { formatAddCheckpoint, TLOG_SIZE_TYPE } from "../src/core/log/tlog-witness.ts";
import { createWitnessApp } from "../src/platform/log/witness/witness-server.ts";
import { pushToWitness } from "../src/platform/log/witness/push.ts";
import type { WitnessState } from "../src/platform/log/witness/witness-state.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const [pglite] = storeTargets();
const WITNESS = "witness.example/w1";

/**
 * Polyphony's log offers its checkpoints to a witness that speaks c2sp.org/tlog-witness
 * (add-checkpoint), as the transparency community's witnesses do; the witness checks signature,
 * old size and consistency before it cosigns.
 */
describe("the C2SP tlog-witness add-checkpoint protocol", () => {
  let store: Store;
  let t: TestApi;
  let logKey: NoteVerifier;
  const seed = ed25519.utils.randomSecretKey();
  const states = new Map<string, WitnessState>();
  let witness: ReturnType<typeof createWitnessApp>;

  beforeAll(async () => {
    store = await pglite!.open();
    t = await createTestApi(store);
    logKey = makeVerifier(String((await t.call("GET", "/api/v1/log/key")).body).trim());
    witness = createWitnessApp({
      logs: new Map([[logKey.name, [logKey]]]),
      cosigner: (timestamp) => makeEd25519Cosigner(WITNESS, seed, timestamp),
      state: { get: (origin) => states.get(origin) ?? null, save: async (state) => void states.set(state.origin, state) },
    });
  });
  afterAll(async () => store?.close());

  const grow = async () => {
    await t.call("POST", "/api/v1/campaigns", { token: t.researcher, body: { title: `Grown ${states.size}`, questions: ["Q?"], contexts: ["C"] } });
    return (await t.call("GET", "/api/v1/log/checkpoint")).body as string;
  };
  const offer = (body: string) => witness.request("/add-checkpoint", { method: "POST", body });
  const proof = async (from: number, to: number) =>
    ((await t.call("GET", `/api/v1/log/proof/consistency?from=${from}&to=${to}`)).body.consistencyProof as string[]).map((h) => decodeBase64(h)!);
  const sizeOf = (note: string) => parseCheckpoint(parseNote(note).text).size;

  it("cosigns a first checkpoint, then only consistent growth from the size it cosigned", async () => {
    const first = await grow();
    const answer = await offer(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: first }));
    expect(answer.status).toBe(200);
    const lines = await answer.text();
    expect(lines).toMatch(new RegExp(`^— ${WITNESS} \\S+\\n$`));
    // The cosignature, appended to the checkpoint, verifies with the witness's cosignature key.
    const cosigned = openNote(first + lines, [makeCosignatureVerifier(WITNESS, ed25519.getPublicKey(seed))]);
    expect(cosigned.verified).toHaveLength(1);

    const second = await grow();
    const stale = await offer(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: second }));
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe(TLOG_SIZE_TYPE);
    expect(await stale.text()).toBe(`${sizeOf(first)}\n`);
    const wrongProof = await offer(formatAddCheckpoint({ oldSize: sizeOf(first), proof: [new Uint8Array(32)], checkpoint: second }));
    expect(wrongProof.status).toBe(422);
    const good = await offer(formatAddCheckpoint({ oldSize: sizeOf(first), proof: await proof(sizeOf(first), sizeOf(second)), checkpoint: second }));
    expect(good.status).toBe(200);
    expect(states.get(logKey.name)?.size).toBe(sizeOf(second));
  });

  it("refuses an unknown log (404), a checkpoint no trusted key signed (403), an old size past the checkpoint and a malformed body (400)", async () => {
    const current = (await t.call("GET", "/api/v1/log/checkpoint")).body as string;
    const other = current.replaceAll(logKey.name, "other.example/log");
    expect((await offer(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: other }))).status).toBe(404);
    const forged = current.replace(/\n— (\S+) \S+\n$/, "\n— $1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n");
    expect((await offer(formatAddCheckpoint({ oldSize: sizeOf(current), proof: [], checkpoint: forged }))).status).toBe(403);
    expect((await offer(formatAddCheckpoint({ oldSize: sizeOf(current) + 1, proof: [], checkpoint: current }))).status).toBe(400);
    expect((await offer("old 01\n\n" + current)).status).toBe(400);
  });

  it("lets the log push its checkpoints to such a witness and publish the cosignatures it gets back", async () => {
    const witnessKey = makeCosignatureVerifier(WITNESS, ed25519.getPublicKey(seed));
    const own = await pglite!.open();
    const log = await createTestApi(own, { logWitnesses: [witnessKey] });
    const logVerifier = makeVerifier(String((await log.call("GET", "/api/v1/log/key")).body).trim());
    const pushed = new Map<string, WitnessState>();
    const remote = createWitnessApp({
      logs: new Map([[logVerifier.name, [logVerifier]]]),
      cosigner: (timestamp) => makeEd25519Cosigner(WITNESS, seed, timestamp),
      state: { get: (origin) => pushed.get(origin) ?? null, save: async (state) => void pushed.set(state.origin, state) },
    });
    const fetcher = (async (url: string | URL | Request, init?: RequestInit) => remote.request(new URL(url instanceof Request ? url.url : url).pathname, init)) as typeof fetch;
    for (let round = 0; round < 2; round++) {
      await log.call("POST", "/api/v1/campaigns", { token: log.researcher, body: { title: `Pushed ${round}`, questions: ["Q?"], contexts: ["C"] } });
      await log.deps.log.checkpointCovering((await log.deps.log.catchUp()).size);
      // The log offers from size 0 each time; from the second round on the witness names its size and the log proves consistency from it.
      const result = await pushToWitness(log.deps, "http://witness.example/", 0, fetcher);
      expect(result.cosignatures.map((c) => c.name)).toEqual([WITNESS]);
      const published = String((await log.call("GET", "/api/v1/log/checkpoint")).body);
      expect(openNote(published, [witnessKey]).verified.map((s) => s.name)).toEqual([WITNESS]);
      expect(pushed.get(logVerifier.name)?.size).toBe(sizeOf(published));
    }
    await own.close();
  });
});
