import { describe, expect, it } from "vitest";
import { startProgress, type ProgressStream } from "./progress.ts";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  const stream: ProgressStream = { isTTY, write: (text: string) => written.push(text) };
  return { stream, written };
}

describe("progress on stderr", () => {
  it("redraws one bar in place on a terminal, only when the percentage moves, and clears it at the end", () => {
    const { stream, written } = recorder(true);
    const progress = startProgress("importing", {}, stream);
    progress.update(0, 200);
    progress.update(1, 200);
    progress.update(100, 200);
    progress.update(200, 200);
    progress.finish();
    expect(written).toHaveLength(4);
    expect(written.slice(0, 3).every((line) => line.startsWith("\rimporting ["))).toBe(true);
    expect(written[1]).toContain(" 50% 100/200");
    expect(written[2]).toContain("100% 200/200");
    expect(written[2]).toContain(`[${"#".repeat(30)}]`);
    expect(written[3]).toBe("\r\x1b[K");
  });

  it("writes a line at each quarter when stderr is a pipe or a file", () => {
    const { stream, written } = recorder(false);
    const progress = startProgress("verifying", {}, stream);
    for (let done = 0; done <= 1000; done += 10) progress.update(done, 1000);
    progress.finish();
    expect(written).toEqual([
      "verifying: 25% (250/1000)\n",
      "verifying: 50% (500/1000)\n",
      "verifying: 75% (750/1000)\n",
      "verifying: 100% (1000/1000)\n",
    ]);
  });

  it("stays silent with --json", () => {
    const { stream, written } = recorder(true);
    const progress = startProgress("importing", { json: true }, stream);
    progress.update(5, 10);
    progress.finish();
    expect(written).toEqual([]);
  });
});
