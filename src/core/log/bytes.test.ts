import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeUtf8, encodeBase64, encodeUtf8, equalBytes } from "./bytes.ts";

describe("base64", () => {
  // RFC 4648 §10 test vectors.
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "Zg=="],
    ["fo", "Zm8="],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg=="],
    ["fooba", "Zm9vYmE="],
    ["foobar", "Zm9vYmFy"],
  ];

  it.each(vectors)("encodes and decodes %j as %j (RFC 4648 §10)", (plain, encoded) => {
    expect(encodeBase64(encodeUtf8(plain))).toBe(encoded);
    expect(decodeUtf8(decodeBase64(encoded)!)).toBe(plain);
  });

  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(equalBytes(decodeBase64(encodeBase64(bytes))!, bytes)).toBe(true);
      }),
    );
  });

  it.each(["Zg", "Zg=", "Zh==", "Zm9=", "Zm 9v", "Zm9v\n", "-_-_", "Zg==Zg==", "=Zg=", "Z===", "Zm9vé==="])(
    "rejects the non-canonical or malformed %j",
    (text) => {
      expect(decodeBase64(text)).toBeNull();
    },
  );
});

describe("utf-8", () => {
  it("rejects invalid sequences instead of replacing them", () => {
    expect(decodeUtf8(Uint8Array.of(0xc3, 0x28))).toBeNull();
    expect(decodeUtf8(Uint8Array.of(0xe2, 0x80, 0x94))).toBe("—");
  });

  it("keeps a leading byte-order mark, so decoding never changes the text's bytes", () => {
    expect(decodeUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toBe("\ufeffa");
  });
});
