import { describe, expect, it } from "vitest";
import { decodeBase64, encodeUtf8 } from "./bytes.ts";
import { formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER } from "./tlog-proof.ts";

const checkpoint = "example.com/log\n3\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n\n— example.com/log hI2DJw==\n";
const hash = (n: number) => new Uint8Array(32).fill(n);

describe("C2SP tlog-proof", () => {
  it("writes the header, extra, index, one hash per line, a blank line and the checkpoint verbatim", () => {
    const text = formatTlogProof({ index: 2, proof: [hash(1), hash(2)], checkpoint, extra: encodeUtf8("leaf") });
    const lines = text.split("\n");
    expect(lines.slice(0, 5)).toEqual([TLOG_PROOF_HEADER, "extra bGVhZg==", "index 2", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI="]);
    expect(lines[5]).toBe("");
    expect(text.endsWith(checkpoint)).toBe(true);
  });

  it("reads back what it writes, with or without extra and proof lines", () => {
    for (const proof of [{ index: 0, proof: [], checkpoint, extra: null }, { index: 73894, proof: [hash(7), hash(9), hash(11)], checkpoint, extra: decodeBase64("AAEC")! }]) {
      const parsed = parseTlogProof(formatTlogProof(proof));
      expect(parsed.index).toBe(proof.index);
      expect(parsed.proof).toEqual(proof.proof);
      expect(parsed.checkpoint).toBe(checkpoint);
      expect(parsed.extra).toEqual(proof.extra);
    }
  });

  it("refuses a wrong header, a leading zero, a short hash and a missing checkpoint", () => {
    const good = formatTlogProof({ index: 5, proof: [hash(1)], checkpoint, extra: null });
    for (const bad of [good.replace(TLOG_PROOF_HEADER, "c2sp.org/tlog-proof@v2"), good.replace("index 5", "index 05"), good.replace(/\nAQ[^\n]+/, "\nAQID"), good.slice(0, good.indexOf("\n\n"))]) {
      expect(() => parseTlogProof(bad)).toThrow(expect.objectContaining({ field: "proof" }));
    }
  });
});
