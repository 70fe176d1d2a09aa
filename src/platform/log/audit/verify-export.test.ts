import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../../../core/errors.ts";
import { formatVerifierKey, makeVerifier } from "../../../core/log/index.ts";
import {
  TEST_ORIGIN,
  TestLog,
  chunksOf,
  formatExport,
  makeTestLeaf,
  makeTestLogKey,
} from "../../../../test/support/log-fixtures.ts";
import type { LogProver } from "./evidence.ts";
import type { Trust } from "./trusted-checkpoint.ts";
import { verifyExport } from "./verify-export.ts";

const key = makeTestLogKey();
const trust: Trust = { log: key.verifier, origin: null, witnesses: [] };
const log = new TestLog(40);
const genuine = log.leaves.map((leaf, index) => ({ index, leaf }));

function verify(lines: typeof genuine, options: { previous?: string[]; proofs?: string; prover?: LogProver | null; trust?: Trust; checkpoint?: string } = {}) {
  return verifyExport({
    proofs: options.proofs,
    chunks: chunksOf(formatExport(lines)),
    checkpoint: options.checkpoint ?? log.checkpoint(key.signer),
    previous: options.previous ?? [],
    trust: options.trust ?? trust,
    shapes: "fields",
    prover: options.prover ?? null,
  });
}

const changed = (at: number) => genuine.map((l) => (l.index === at ? { index: at, leaf: makeTestLeaf(at, "forged") } : l));
const everyCheckpoint = () => Array.from({ length: 39 }, (_, i) => log.checkpoint(key.signer, i + 1));

describe("an untouched export", () => {
  it("verifies with the log's key", async () => {
    const report = await verify(genuine);
    expect(report).toMatchObject({ ok: true, entries: 40, size: 40, logSignature: "verified", failure: null });
  });

  it("verifies without a key but says the signature was not checked", async () => {
    const report = await verify(genuine, { trust: { log: null, origin: null, witnesses: [] } });
    expect(report).toMatchObject({ ok: true, logSignature: "not checked" });
  });

  it("is consistent with earlier checkpoints", async () => {
    const report = await verify(genuine, { previous: [log.checkpoint(key.signer, 13)] });
    expect(report.previous).toEqual([expect.objectContaining({ size: 13, consistent: true })]);
  });

  it("accepts a key given as C2SP verifier key text", async () => {
    const verifier = makeVerifier(formatVerifierKey(TEST_ORIGIN, key.publicKey));
    expect((await verify(genuine, { trust: { ...trust, log: verifier } })).ok).toBe(true);
  });
});

describe("entry checks on a worker thread", () => {
  const onWorker = (lines: typeof genuine) =>
    verifyExport({ chunks: chunksOf(formatExport(lines), 4096), checkpoint: log.checkpoint(key.signer), previous: [], trust, shapes: "fields", parallel: true, prover: null });

  it("accept an untouched export", async () => {
    expect(await onWorker(genuine)).toMatchObject({ ok: true, entries: 40 });
  });

  it("name the first malformed entry, or the earlier bad line the main thread found", async () => {
    const leaf = new TextEncoder().encode('{"v":1,"kind":"vote"}');
    const malformed = genuine.map((l) => (l.index === 12 ? { index: 12, leaf } : l));
    expect((await onWorker(malformed)).failure).toMatchObject({ reason: "shape", index: 12 });
    const report = await onWorker(malformed.filter((l) => l.index !== 7));
    expect(report.failure).toMatchObject({ reason: "sequence", index: 7 });
    expect(report.entries).toBe(7);
  });
});

describe("a checkpoint that cannot be trusted", () => {
  it("fails when another key signed it", async () => {
    const forged = log.checkpoint(makeTestLogKey(9).signer);
    const report = await verify(genuine, { checkpoint: forged });
    expect(report.failure).toMatchObject({ reason: "signature" });
  });

  it("fails when it names another log", async () => {
    const report = await verify(genuine, { checkpoint: log.checkpoint(key.signer, 40, "elsewhere.example/log") });
    expect(report.failure).toMatchObject({ reason: "origin" });
  });
});

describe("lines that name their own bad index", () => {
  it("a dropped entry", async () => {
    const report = await verify(genuine.filter((l) => l.index !== 17));
    expect(report.failure).toMatchObject({ reason: "sequence", index: 17 });
  });

  it("a repeated entry", async () => {
    const report = await verify([...genuine.slice(0, 9), genuine[8]!, ...genuine.slice(9)]);
    expect(report.failure).toMatchObject({ reason: "sequence", index: 9 });
  });

  it("an entry whose text is not its leaf", async () => {
    const text = formatExport(genuine).replace('"id":"e21"', '"id":"e99"');
    const report = await verifyExport({ chunks: chunksOf(text), checkpoint: log.checkpoint(key.signer), previous: [], trust, shapes: "fields", prover: null });
    expect(report.failure).toMatchObject({ reason: "line", index: 21 });
  });

  it("an entry without the fields of an entry", async () => {
    const leaf = new TextEncoder().encode('{"v":1,"kind":"vote"}');
    const report = await verify(genuine.map((l) => (l.index === 5 ? { index: 5, leaf } : l)));
    expect(report.failure).toMatchObject({ reason: "shape", index: 5 });
  });

  it("a truncated export", async () => {
    const report = await verify(genuine.slice(0, 33));
    expect(report.failure).toMatchObject({ reason: "size", index: 33 });
  });
});

describe("an entry changed consistently (leaf and entry both rewritten)", () => {
  it("offline with one checkpoint: fails, and says where the bad index may lie", async () => {
    const report = await verify(changed(23));
    expect(report.failure).toMatchObject({ reason: "root", index: null, range: [0, 40] });
  });

  it("offline with earlier checkpoints: narrows to the index between them", async () => {
    const report = await verify(changed(23), { previous: everyCheckpoint() });
    expect(report.failure).toMatchObject({ reason: "changed", index: 23 });
    expect(report.previous.filter((p) => !p.consistent).map((p) => p.size)[0]).toBe(24);
  });

  it("offline with contributors' receipts: names the index and shows the log's leaf", async () => {
    const receipts = log.leaves.map((_, i) => log.receipt(key.signer, i)).join("\n");
    const report = await verify(changed(23), { proofs: receipts });
    expect(report.failure).toMatchObject({ reason: "changed", index: 23, evidence: { index: 23 } });
  });

  it("offline with receipts in the latest checkpoint alone: good leaves extend the good prefix", async () => {
    const receipts = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => log.receipt(key.signer, i, 40)).join("\n");
    const report = await verify(changed(8), { proofs: receipts });
    expect(report.failure).toMatchObject({ reason: "changed", index: 8 });
    const partial = await verify(changed(8), { proofs: log.receipt(key.signer, 8, 40) });
    expect(partial.failure).toMatchObject({ reason: "root", range: [0, 9] });
  });

  it("refuses a receipt whose proof does not verify", async () => {
    const receipt = JSON.parse(log.receipt(key.signer, 3));
    const forged = JSON.stringify({ ...receipt, index: 2 });
    await expect(verify(changed(8), { proofs: forged })).rejects.toThrow(/line 1 of --proofs.*does not verify/);
  });

  it("with the log's proofs: bisects to the index and shows the log's leaf", async () => {
    const report = await verify(changed(23), { prover: log.prover() });
    expect(report.failure).toMatchObject({ reason: "changed", index: 23, evidence: { index: 23 } });
    expect(report.proofs).toBeLessThanOrEqual(Math.ceil(Math.log2(40)) + 1);
  });

  it("two swapped entries: names the first", async () => {
    const swapped = genuine.map((l) => (l.index === 11 ? { index: 11, leaf: log.leaves[30]! } : l.index === 30 ? { index: 30, leaf: log.leaves[11]! } : l));
    const report = await verify(swapped, { prover: log.prover() });
    expect(report.failure).toMatchObject({ reason: "changed", index: 11 });
  });

  it("a change before a dropped entry is found first", async () => {
    const report = await verify(changed(4).filter((l) => l.index !== 20), { prover: log.prover() });
    expect(report.failure).toMatchObject({ reason: "changed", index: 4 });
  });
});

describe("a log that lies", () => {
  it("signed a checkpoint inconsistent with an earlier one", async () => {
    const forked = new TestLog(log.leaves.map((leaf, i) => (i === 6 ? makeTestLeaf(6, "rewritten") : leaf)));
    const report = await verifyExport({
      chunks: chunksOf(formatExport(forked.leaves.map((leaf, index) => ({ index, leaf })))),
      checkpoint: forked.checkpoint(key.signer),
      previous: [log.checkpoint(key.signer, 10)],
      trust,
      shapes: "fields",
      prover: null,
    });
    expect(report.failure).toMatchObject({ reason: "previous", range: [0, 10] });
  });

  it("gives no proofs: the verifier says so and keeps what it knows", async () => {
    const down = () => Promise.reject(new PolyphonyError("upstream_failed", "the log at http://log.example could not be reached"));
    const report = await verify(changed(23), { prover: { proveConsistency: down, proveLeaf: down } });
    expect(report.failure).toMatchObject({ reason: "root", range: [0, 40] });
    expect(report.failure?.message).toContain("gave no proofs");
  });

  it("serves proofs of another tree: the verifier does not believe them", async () => {
    const liar = new TestLog(40);
    const lying: LogProver = { proveConsistency: async () => [], proveLeaf: async (i, n) => ({ leafHash: liar.tree.readNode(0, i), proof: liar.tree.proveInclusion(i, n).reverse() }) };
    const report = await verify(changed(23), { prover: lying });
    expect(report.failure).toMatchObject({ reason: "root", range: [0, 40] });
    expect(report.failure?.message).toContain("another tree");
  });
});
