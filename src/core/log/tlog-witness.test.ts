import { describe, expect, it } from "vitest";
import { formatAddCheckpoint, MAX_PROOF_LINES, parseAddCheckpoint } from "./tlog-witness.ts";

const checkpoint = "example.com/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— example.com/log Az3grlgt==\n";
const hash = (n: number) => new Uint8Array(32).fill(n);

describe("C2SP tlog-witness add-checkpoint bodies", () => {
  it("write `old N`, one hash per line, a blank line and the checkpoint, and read back the same", () => {
    const body = { oldSize: 20852014, proof: [hash(1), hash(2)], checkpoint };
    const text = formatAddCheckpoint(body);
    expect(text.split("\n").slice(0, 4)).toEqual(["old 20852014", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=", ""]);
    expect(parseAddCheckpoint(text)).toEqual(body);
    expect(parseAddCheckpoint(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint }))).toEqual({ oldSize: 0, proof: [], checkpoint });
  });

  it("refuses a malformed old line, a bad hash, a proof for size 0, too many lines and a missing checkpoint", () => {
    const bad = [
      `old 01\n\n${checkpoint}`,
      `old -1\n\n${checkpoint}`,
      `old 5\nAQID\n\n${checkpoint}`,
      formatAddCheckpoint({ oldSize: 0, proof: [hash(1)], checkpoint }),
      formatAddCheckpoint({ oldSize: 9, proof: Array.from({ length: MAX_PROOF_LINES + 1 }, () => hash(3)), checkpoint }),
      "old 5\n",
    ];
    for (const text of bad) expect(() => parseAddCheckpoint(text), text).toThrow(expect.objectContaining({ field: "body" }));
  });
});
