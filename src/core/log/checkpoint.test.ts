import { ed25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../errors.ts";
import { encodeBase64 } from "./bytes.ts";
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from "./checkpoint.ts";
import { makeCosignatureVerifier, makeEd25519Cosigner } from "./cosignature.ts";
import { parseNote, signNote } from "./note.ts";
import { makeEd25519Signer, makeEd25519Verifier } from "./note-keys.ts";

// The example checkpoint of c2sp.org/tlog-checkpoint.
const specText = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
const specNote =
  specText +
  "\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

const seed = (n: number) => new Uint8Array(32).fill(n);
const origin = "polyphony.example/log";
const logSigner = makeEd25519Signer(origin, seed(1));
const logVerifier = makeEd25519Verifier(origin, ed25519.getPublicKey(seed(1)));

describe("parseCheckpoint / formatCheckpoint", () => {
  it("reads the spec's example and writes it back byte for byte", () => {
    const c = parseCheckpoint(specText);
    expect(c.origin).toBe("example.com/behind-the-sofa");
    expect(c.size).toBe(20852163);
    expect(encodeBase64(c.root)).toBe("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
    expect(c.extensions).toEqual([]);
    expect(formatCheckpoint(c)).toBe(specText);
  });

  it("parses the text of the spec's signed example", () => {
    const note = parseNote(specNote);
    expect(note.text).toBe(specText);
    expect(note.signatures[0]?.name).toBe("example.com/behind-the-sofa");
    expect(note.signatures[0]?.signature).toHaveLength(64);
  });

  it("keeps extension lines", () => {
    const text = specText + "ext one\next two\n";
    expect(parseCheckpoint(text).extensions).toEqual(["ext one", "ext two"]);
    expect(formatCheckpoint(parseCheckpoint(text))).toBe(text);
  });

  it.each([
    ["no final newline", specText.slice(0, -1)],
    ["an empty origin", specText.replace("example.com/behind-the-sofa", "")],
    ["a leading zero", specText.replace("20852163", "020852163")],
    ["a negative size", specText.replace("20852163", "-1")],
    ["a size beyond 2^53", specText.replace("20852163", "18446744073709551615")],
    ["a short root", specText.replace("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", "CsUY")],
    ["an empty extension line", specText + "\n"],
    ["a missing root", "example.com/x\n1\n"],
  ])("refuses %s", (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(PolyphonyError);
  });
});

describe("signCheckpoint / openCheckpoint", () => {
  const checkpoint = { origin, size: 3, root: new Uint8Array(32).fill(7), extensions: [] };

  it("signs with the log key and opens only with it", () => {
    const signed = signCheckpoint(checkpoint, [logSigner]);
    const opened = openCheckpoint(signed, logVerifier);
    expect(opened.checkpoint.size).toBe(3);
    expect(opened.text).toBe(formatCheckpoint(checkpoint));
    const stranger = makeEd25519Verifier(origin, ed25519.getPublicKey(seed(2)));
    expect(() => openCheckpoint(signed, stranger)).toThrow(PolyphonyError);
  });

  it("does not accept a witness cosignature in place of the log's signature", () => {
    const witness = makeEd25519Cosigner("witness.example/w1", seed(3), 1_700_000_000);
    const witnessVerifier = makeCosignatureVerifier("witness.example/w1", ed25519.getPublicKey(seed(3)));
    const cosignedOnly = signNote({ text: formatCheckpoint(checkpoint), signatures: [] }, [witness]);
    expect(() => openCheckpoint(cosignedOnly, logVerifier, [witnessVerifier])).toThrow(/not signed by the log/);
    const both = signNote(parseNote(signCheckpoint(checkpoint, [logSigner])), [witness]);
    expect(openCheckpoint(both, logVerifier, [witnessVerifier]).verified).toHaveLength(2);
  });
});
