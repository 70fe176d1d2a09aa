import { describe, expect, it } from "vitest";
import { CELL, rankedPositions } from "../web/src/kinds/moral-graph/results/drawing.ts";
import { EDGE_COLOURS } from "../web/src/kinds/moral-graph/results/graph-style.ts";
import { rankValues } from "../web/src/kinds/moral-graph/results/graph-model.ts";

/** WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("the results graph's drawing", () => {
  it("draws every edge colour at 3:1 or more against the frame (WCAG 1.4.11)", () => {
    for (const [name, colour] of Object.entries(EDGE_COLOURS)) {
      expect(contrast(colour, "#ffffff"), name).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, "#fbfbfc"), name).toBeGreaterThanOrEqual(3);
    }
    // The grey it replaces fails: the test can tell the difference.
    expect(contrast("#97a0af", "#ffffff")).toBeLessThan(3);
  });

  it("gives each value its own cell, the same on every call", () => {
    const values = Array.from({ length: 30 }, (_, i) => ({ id: `v${i}` }));
    const first = rankedPositions(values, 4);
    expect(rankedPositions(values, 4)).toEqual(first);
    const points = Object.values(first);
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const [a, b] = [points[i]!, points[j]!];
        const apart = Math.abs(a.x - b.x) >= CELL.width / 3 || Math.abs(a.y - b.y) >= CELL.height;
        expect(apart, `v${i} and v${j}`).toBe(true);
      }
    }
    // Wiser values sit higher: rank order is top to bottom.
    expect(first.v0!.y).toBeLessThan(first.v29!.y);
  });
});

describe("ranking values for the list", () => {
  const value = (id: string, score: number) => ({ id, title: id, score, low: null, high: null, votes: 1 });

  it("orders best first and marks equal scores as ties sharing a rank", () => {
    const ranked = rankValues([value("c", 0.2), value("a", 1.5), value("b", 0.2), value("d", -1)]);
    expect(ranked.map((v) => [v.id, v.rank, v.tied])).toEqual([
      ["a", 1, false],
      ["b", 2, true],
      ["c", 2, true],
      ["d", 4, false],
    ]);
  });
});
