import { describe, expect, it } from "vitest";
import {
  HashTree,
  encodeBase64,
  encodeUtf8,
  formatVerifierKey,
  hashLeaf,
  makeEd25519Signer,
  proveInclusion,
  signCheckpoint,
} from "../../src/core/log/index.ts";
import { ed25519 } from "@noble/curves/ed25519.js";
import { checkInclusion, readLogKey } from "../../web/src/log/check-inclusion.ts";

// The browser's verifier, built on the log core, against proofs and checkpoints the core makes: proofs the core makes verify,
// and every tampered input fails.
describe("the web app's log verification", () => {
  const seed = new Uint8Array(32).fill(7);
  const signer = makeEd25519Signer("polyphony.test/log", seed);
  const vkey = formatVerifierKey("polyphony.test/log", ed25519.getPublicKey(seed));
  const leaves = Array.from({ length: 13 }, (_, i) => encodeUtf8(JSON.stringify({ v: 1, kind: "vote", n: i })));
  const tree = HashTree.fromLeafHashes(leaves.map(hashLeaf));
  const checkpoint = signCheckpoint({ origin: "polyphony.test/log", size: tree.size, root: tree.root(), extensions: [] }, [signer]);
  const receipt = (index: number) => ({
    index,
    leafHash: encodeBase64(hashLeaf(leaves[index]!)),
    proof: proveInclusion(tree, index, tree.size).map(encodeBase64),
    checkpoint,
    leaf: leaves[index]!,
  });

  it("accepts every entry's inclusion proof under the signed checkpoint", () => {
    const key = readLogKey(vkey)!;
    expect(key).not.toBeNull();
    for (let i = 0; i < leaves.length; i++) {
      const check = checkInclusion({ key, ...receipt(i) });
      expect(check, `entry ${i}`).toMatchObject({ signed: true, included: true, leafMatches: true });
    }
  });

  describe("rejects", () => {
    it("a proof with one hash changed", () => {
      const key = readLogKey(vkey)!;
      const r = receipt(5);
      r.proof[1] = encodeBase64(new Uint8Array(32));
      expect(checkInclusion({ key, ...r }).included).toBe(false);
    });
    it("a proof for another index", () => {
      const key = readLogKey(vkey)!;
      expect(checkInclusion({ key, ...receipt(5), index: 6 }).included).toBe(false);
    });
    it("an entry whose bytes differ from its leaf hash", () => {
      const key = readLogKey(vkey)!;
      expect(checkInclusion({ key, ...receipt(2), leaf: encodeUtf8("{}") }).leafMatches).toBe(false);
    });
    it("a checkpoint signed by another key", () => {
      const other = readLogKey(formatVerifierKey("polyphony.test/log", ed25519.getPublicKey(new Uint8Array(32).fill(9))))!;
      expect(checkInclusion({ key: other, ...receipt(0) }).signed).toBe(false);
    });
    it("a checkpoint whose tree size was edited", () => {
      const key = readLogKey(vkey)!;
      const r = receipt(3);
      expect(checkInclusion({ key, ...r, checkpoint: r.checkpoint.replace("\n13\n", "\n14\n") }).signed).toBe(false);
    });
    it("a verifier key whose id does not match", () => {
      expect(readLogKey(vkey.replace(/\+[0-9a-f]{8}\+/, "+00000000+"))).toBeNull();
    });
  });
});
