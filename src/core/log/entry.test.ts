import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../errors.ts";
import { decodeUtf8, encodeUtf8 } from "./bytes.ts";
import { commitContent, decodeEntry, encodeEntry, verifyContent, type LogEntry } from "./entry.ts";
import { hashLeaf } from "./hash.ts";
import { HashTree } from "./hash-tree.ts";
import { verifyInclusion } from "./verify.ts";

const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
const card = { title: "Honest uncertainty", policies: ["SAYING when I do not know"] };

const entry: LogEntry = {
  v: 1,
  kind: "values_card",
  campaign: "c-1",
  author: "MCowBQYDK2VwAyEA",
  time: "2026-11-22T08:42:00.000Z",
  body: { digest: commitContent(card, salt), card: "card-7" },
};

describe("commitContent", () => {
  it("is SHA-256(salt ‖ canonical JSON), checked against node:crypto", () => {
    const canonical = '{"policies":["SAYING when I do not know"],"title":"Honest uncertainty"}';
    const want = createHash("sha256").update(salt).update(canonical).digest("base64");
    expect(commitContent(card, salt)).toBe(want);
  });

  it("refuses short salts", () => {
    expect(() => commitContent(card, new Uint8Array(8))).toThrow(PolyphonyError);
  });
});

describe("verifyContent", () => {
  it("accepts the content and salt the digest was made from, and nothing else", () => {
    expect(verifyContent(entry, card, salt)).toBe(true);
    expect(verifyContent(entry, { ...card, title: "Honest" }, salt)).toBe(false);
    expect(verifyContent(entry, card, salt.map((b) => b ^ 1))).toBe(false);
    expect(verifyContent(entry, card, new Uint8Array(0))).toBe(false);
  });
});

describe("encodeEntry", () => {
  it("writes RFC 8785 canonical JSON: sorted keys, no whitespace", () => {
    const text = decodeUtf8(encodeEntry(entry));
    expect(text).toBe(
      `{"author":"MCowBQYDK2VwAyEA","body":{"card":"card-7","digest":"${entry.body.digest}"},` +
        '"campaign":"c-1","kind":"values_card","time":"2026-11-22T08:42:00.000Z","v":1}',
    );
  });

  it("round-trips through decodeEntry for any public body fields", () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), field, { maxKeys: 4 }), (extra) => {
        const e = { ...entry, body: { ...extra, digest: entry.body.digest } };
        expect(decodeEntry(encodeEntry(e))).toEqual(e);
      }),
    );
  });
});

describe("entry kinds", () => {
  it.each(["values_card", "scenarios/ranking", "moral-graph/values_card"])("accepts %s, flat or namespaced by its campaign kind", (kind) => {
    const text = encodeEntry({ ...entry, kind });
    expect(decodeEntry(text).kind).toBe(kind);
  });
});

describe("decodeEntry rejects", () => {
  const canonical = decodeUtf8(encodeEntry(entry))!;
  const cases: [string, string][] = [
    ["whitespace", canonical.replace(",", ", ")],
    ["reordered keys", canonical.replace('{"author":"MCowBQYDK2VwAyEA",', "{").replace('"v":1}', '"v":1,"author":"MCowBQYDK2VwAyEA"}')],
    ["a second encoding of a number", canonical.replace('"v":1', '"v":1.0')],
    ["an unknown version", canonical.replace('"v":1', '"v":2')],
    ["an extra field", canonical.replace('"v":1', '"v":1,"w":0')],
    ["an impossible date", canonical.replace("2026-11-22", "2026-02-30")],
    ["a local time", canonical.replace(".000Z", ".000+01:00")],
    ["a kind that is not a word", canonical.replace("values_card", "Values Card")],
    ["a kind under two namespaces", canonical.replace("values_card", "moral-graph/cards/values_card")],
    ["a namespace that is not a kind id", canonical.replace("values_card", "Moral_Graph/values_card")],
    ["a missing digest", canonical.replace(`"digest":"${entry.body.digest}"`, '"digest":"abc="')],
    ["an empty author", canonical.replace("MCowBQYDK2VwAyEA", "")],
    ["not JSON", "{"],
  ];

  it.each(cases)("%s", (_, text) => {
    expect(() => decodeEntry(encodeUtf8(text))).toThrow(PolyphonyError);
  });

  it("invalid UTF-8 and a byte-order mark", () => {
    expect(() => decodeEntry(Uint8Array.of(0x7b, 0xff, 0x7d))).toThrow(PolyphonyError);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encodeEntry(entry)]);
    expect(() => decodeEntry(withBom)).toThrow(PolyphonyError);
  });
});

describe("erasure", () => {
  it("keeps the leaf and its proofs valid once content and salt are gone", () => {
    const other = { ...entry, kind: "vote", body: { digest: commitContent("upgrade", salt) } };
    const leaves = [encodeEntry(entry), encodeEntry(other)];
    const tree = HashTree.fromLeafHashes(leaves.map(hashLeaf));
    const root = tree.root();
    // The row now holds neither the card nor the salt; the leaf bytes are all that remains.
    const leaf = leaves[0]!;
    expect(verifyInclusion(hashLeaf(leaf), 0, 2, tree.proveInclusion(0), root)).toBe(true);
    expect(decodeEntry(leaf).body.digest).toBe(entry.body.digest);
  });
});
