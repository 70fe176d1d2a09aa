import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../errors.ts";
import { decodeBase64 } from "./bytes.ts";
import { formatNote, openNote, parseNote, signNote } from "./note.ts";
import {
  formatSignerKey,
  formatVerifierKey,
  makeEd25519Verifier,
  parseSignerKey,
  parseVerifierKey,
} from "./note-keys.ts";
import { makeVerifier } from "./cosignature.ts";

// Known answers from Go's golang.org/x/mod/sumdb/note (note_test.go), the reference implementation
// of c2sp.org/signed-note: the PeterNeumann key pair, its signature over this text, and EnochRoot.
const peterSkey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const peterVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const enochVkey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const peterSig =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const enochSig =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

describe("keys", () => {
  it("derive Go's key id and verifier key from the signer key", () => {
    const signer = parseSignerKey(peterSkey);
    expect(signer.keyId).toBe(0xc74f20a3);
    const publicKey = parseVerifierKey(peterVkey).publicKey;
    expect(formatVerifierKey("PeterNeumann", publicKey)).toBe(peterVkey);
    const seed = decodeBase64("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")!.slice(1);
    expect(formatSignerKey("PeterNeumann", seed)).toBe(peterSkey);
  });

  it("refuse every mangled verifier key, as Go's TestNewVerifier does", () => {
    const bad = [
      peterVkey.slice(1),
      peterVkey.slice(0, -1),
      peterVkey.replace("c74f20a3", "c74f20a4"),
      "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
      "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
      ...Array.from(peterVkey, (_, i) =>
        peterVkey.slice(0, i) + String.fromCharCode(peterVkey.charCodeAt(i) + 1) + peterVkey.slice(i + 1),
      ),
    ];
    for (const k of bad) expect(() => parseVerifierKey(k), k).toThrow(PolyphonyError);
  });
});

describe("signNote", () => {
  it("produces Go's exact signed note (Ed25519 is deterministic)", () => {
    expect(signNote({ text, signatures: [] }, [parseSignerKey(peterSkey)])).toBe(text + "\n" + peterSig);
  });

  it("replaces an earlier signature by the same key", () => {
    const stale = { name: "PeterNeumann", keyId: 0xc74f20a3, signature: new Uint8Array(64) };
    expect(signNote({ text, signatures: [stale] }, [parseSignerKey(peterSkey)])).toBe(text + "\n" + peterSig);
  });

  it("refuses text without a final newline", () => {
    expect(() => signNote({ text: "abc", signatures: [] }, [parseSignerKey(peterSkey)])).toThrow(PolyphonyError);
  });
});

describe("openNote", () => {
  const peter = makeVerifier(peterVkey);
  const enoch = makeVerifier(enochVkey);

  it("verifies known keys and lists the others as unverified", () => {
    const opened = openNote(text + "\n" + peterSig + enochSig, [peter]);
    expect(opened.text).toBe(text);
    expect(opened.verified.map((s) => s.name)).toEqual(["PeterNeumann"]);
    expect(opened.unverified.map((s) => s.name)).toEqual(["EnochRoot"]);
    const both = openNote(text + "\n" + peterSig + peterSig + enochSig, [peter, enoch]);
    expect(both.verified.map((s) => s.name)).toEqual(["PeterNeumann", "EnochRoot"]);
  });

  it("refuses a note no known key signed", () => {
    expect(() => openNote(text + "\n" + peterSig + enochSig, [])).toThrow(/no verifiable signatures/);
  });

  it("refuses the whole note when a known key's signature is bad", () => {
    const bad = peterSig.slice(0, 60) + "ABCD" + peterSig.slice(60);
    expect(() => openNote(text + "\n" + bad, [peter])).toThrow(/invalid signature/);
    const otherText = text.replace("problem,", "problems,");
    expect(() => openNote(otherText + "\n" + peterSig, [peter])).toThrow(/invalid signature/);
  });

  it("refuses an ambiguous key", () => {
    expect(() => openNote(text + "\n" + enochSig, [enoch, peter, enoch])).toThrow(/ambiguous/);
  });

  it("ignores a key that shares only the name or only the id", () => {
    const impostor = makeEd25519Verifier("PeterNeumann", parseVerifierKey(enochVkey).publicKey);
    expect(() => openNote(text + "\n" + peterSig, [impostor])).toThrow(/no verifiable signatures/);
  });

  it.each([
    ["no signatures", text],
    ["no blank line", text + "\n"],
    ["a missing final newline", text + "\n" + peterSig.slice(0, -1)],
    ["a control character", "\x01" + text + "\n" + peterSig],
    ["a key name with a space", text + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"],
    ["an unexpected line", text + "\n" + peterSig + "Unexpected line.\n"],
    ["101 signatures", text + "\n" + peterSig.repeat(101)],
  ])("refuses a malformed note: %s", (_, message) => {
    expect(() => parseNote(message)).toThrow(PolyphonyError);
  });
});

describe("formatNote", () => {
  it("round-trips through parseNote", () => {
    const note = parseNote(text + "\n" + peterSig + enochSig);
    expect(formatNote(note)).toBe(text + "\n" + peterSig + enochSig);
  });
});
