import { ed25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import { decodeUtf8, encodeUtf8 } from "./bytes.ts";
import {
  formatCosignedMessage,
  makeCosignatureVerifier,
  makeCosigner,
  makeEd25519Cosigner,
  makeVerifier,
  readCosignatureTime,
} from "./cosignature.ts";
import { openNote, parseNote, signNote } from "./note.ts";
import { COSIGNATURE_V1_TYPE, computeKeyId, formatVerifierKey, makeEd25519Signer } from "./note-keys.ts";

// The cosigned example of c2sp.org/tlog-cosignature: a checkpoint with a witness line whose
// timestamp is the 1679315147 of the spec's example signed message.
const text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
const specNote =
  text +
  "\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n" +
  "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

const seed = new Uint8Array(32).fill(9);
const publicKey = ed25519.getPublicKey(seed);
const name = "witness.example/w1";

describe("the spec's example", () => {
  it("carries a timestamped_signature with the example's time", () => {
    const witness = parseNote(specNote).signatures[1]!;
    expect(witness.signature).toHaveLength(72);
    expect(readCosignatureTime(witness)).toBe(1679315147);
  });

  it("signs the message laid out in the spec", () => {
    const message = decodeUtf8(formatCosignedMessage(encodeUtf8(text), 1679315147));
    expect(message).toBe(
      "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
    );
  });
});

describe("cosigning", () => {
  const signed = signNote({ text, signatures: [] }, [makeEd25519Cosigner(name, seed, 1_700_000_000)]);
  const verifier = makeCosignatureVerifier(name, publicKey);

  it("uses key type 0x04 in the key id", () => {
    expect(verifier.keyId).toBe(computeKeyId(name, COSIGNATURE_V1_TYPE, publicKey));
    expect(verifier.keyId).not.toBe(makeEd25519Signer(name, seed).keyId);
  });

  it("verifies, and reports the witness's time", () => {
    const opened = openNote(signed, [verifier]);
    expect(readCosignatureTime(opened.verified[0]!)).toBe(1_700_000_000);
  });

  it("matches an external signer over the same message", () => {
    const external = makeCosigner(name, publicKey, 1_700_000_000, (m) => ed25519.sign(m, seed));
    expect(signNote({ text, signatures: [] }, [external])).toBe(signed);
  });

  it("fails when the timestamp or the checkpoint is changed", () => {
    const sig = parseNote(signed).signatures[0]!;
    const moved = sig.signature.slice();
    moved[7]! ^= 1;
    expect(verifier.verify(encodeUtf8(text), moved)).toBe(false);
    expect(verifier.verify(encodeUtf8(text.replace("20852163", "20852164")), sig.signature)).toBe(false);
    expect(verifier.verify(encodeUtf8(text), sig.signature.subarray(8))).toBe(false);
  });

  it("is not accepted as a plain Ed25519 note signature, nor the reverse", () => {
    const plain = makeVerifier(formatVerifierKey(name, publicKey));
    expect(() => openNote(signed, [plain])).toThrow(/no verifiable signatures/);
    const viaKey = makeVerifier(formatVerifierKey(name, publicKey, COSIGNATURE_V1_TYPE));
    expect(openNote(signed, [viaKey]).verified).toHaveLength(1);
  });
});
