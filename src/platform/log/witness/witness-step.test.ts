import { describe, expect, it } from "vitest";
import { makeCosignatureVerifier, makeEd25519Cosigner, openNote, type NoteSigner } from "../../../core/log/index.ts";
import { ed25519 } from "@noble/curves/ed25519.js";
import { TEST_ORIGIN, TestLog, makeTestLeaf, makeTestLogKey } from "../../../../test/support/log-fixtures.ts";
import { witnessOnce, type Witness, type WitnessedLog } from "./witness-step.ts";
import type { WitnessState } from "./witness-state.ts";

const key = makeTestLogKey();
const seed = new Uint8Array(32).fill(5);
const witness: Witness = { trust: { log: key.verifier, origin: null, witnesses: [] }, cosigner: (t) => makeEd25519Cosigner("w.example", seed, t) };
const cosignatures = makeCosignatureVerifier("w.example", ed25519.getPublicKey(seed));
const now = new Date("2026-11-22T10:00:00Z");

/** A log that serves `served` as its checkpoint and proves from `log`'s tree. */
function serving(log: TestLog, size = log.tree.size, signer: NoteSigner = key.signer, origin = TEST_ORIGIN): WitnessedLog {
  return {
    fetchCheckpoint: async () => log.checkpoint(signer, size, origin),
    proveConsistency: async (m, n) => log.tree.proveConsistency(m, n),
  };
}

async function cosignedState(log: TestLog, size: number): Promise<WitnessState> {
  const outcome = await witnessOnce(serving(log, size), witness, null, now);
  if (outcome.kind !== "cosigned") throw new Error(outcome.kind);
  return outcome.state;
}

describe("a witness round", () => {
  const log = new TestLog(20);

  it("cosigns a first checkpoint with a timestamped cosignature/v1 that verifies", async () => {
    const outcome = await witnessOnce(serving(log, 12), witness, null, now);
    expect(outcome.kind).toBe("cosigned");
    if (outcome.kind !== "cosigned") return;
    const opened = openNote(outcome.note, [key.verifier, cosignatures]);
    expect(opened.verified.map((s) => s.name)).toEqual([TEST_ORIGIN, "w.example"]);
    expect(outcome.state).toMatchObject({ size: 12, cosignedAt: now.getTime() / 1000 });
  });

  it("cosigns a larger checkpoint once the log proves it consistent, and the same one again", async () => {
    const state = await cosignedState(log, 12);
    expect(await witnessOnce(serving(log, 20), witness, state, now)).toMatchObject({ kind: "cosigned", grewBy: 8 });
    expect(await witnessOnce(serving(log, 12), witness, state, now)).toMatchObject({ kind: "cosigned", grewBy: 0 });
  });

  it("signs nothing for an older checkpoint that is a prefix of the one it cosigned", async () => {
    const state = await cosignedState(log, 20);
    expect(await witnessOnce(serving(log, 7), witness, state, now)).toEqual({ kind: "stale", size: 7 });
  });

  it("refuses a fork, of the same size or larger, and keeps both checkpoints", async () => {
    const state = await cosignedState(log, 12);
    const forked = new TestLog(log.leaves.map((leaf, i) => (i === 3 ? makeTestLeaf(3, "fork") : leaf)));
    for (const size of [12, 20]) {
      const outcome = await witnessOnce(serving(forked, size), witness, state, now);
      expect(outcome).toMatchObject({ kind: "refused", previous: state.checkpoint, reason: expect.stringMatching(/not consistent/) });
    }
  });

  it("refuses a checkpoint the log's key did not sign, or for another origin", async () => {
    const state = await cosignedState(log, 12);
    expect(await witnessOnce(serving(log, 20, makeTestLogKey(9).signer), witness, state, now)).toMatchObject({ kind: "refused" });
    const other = makeTestLogKey(7, "other.example/log").signer;
    expect(await witnessOnce(serving(log, 20, other, "other.example/log"), witness, state, now)).toMatchObject({ kind: "refused" });
  });
});
