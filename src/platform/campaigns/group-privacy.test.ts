import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESEARCHER_VIEW, visibleGroups, groupingQuestion } from "./group-privacy.ts";

const question = { key: "politics", question: "Political affiliation", options: ["left", "centre", "right", "other"] };
const publicView = (minGroupSize: number) => ({ audience: "public" as const, minGroupSize });

describe("which groups a view shows", () => {
  it("shows researchers every group, free-text answers included", () => {
    const sizes = new Map<string | null, number>([["left", 1], ["ann@example.org", 1], [null, 2]]);
    expect(visibleGroups(sizes, question, RESEARCHER_VIEW)).toEqual(new Set(["left", "ann@example.org", null]));
  });

  it("hides a small group in public, and the next smallest too when the hidden ones alone would be small", () => {
    const sizes = new Map<string | null, number>([["left", 9], ["centre", 6], ["right", 2]]);
    expect(visibleGroups(sizes, question, publicView(5))).toEqual(new Set(["left"]));
    expect(visibleGroups(new Map([...sizes, [null, 4]]), question, publicView(5))).toEqual(new Set(["left", "centre"]));
  });

  it("never shows in public an answer that is not one of the options", () => {
    const sizes = new Map<string | null, number>([["left", 10], ["Left!", 10]]);
    expect(visibleGroups(sizes, question, publicView(5))).toEqual(new Set(["left"]));
  });

  it("keeps every shown group at the minimum and the hidden ones together at none or the minimum", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 4, maxLength: 4 }), fc.nat(12), fc.integer({ min: 2, max: 8 }), (counts, unanswered, min) => {
        const sizes = new Map<string | null, number>(question.options.map((o, i) => [o, counts[i]!]));
        sizes.set(null, unanswered);
        const shown = visibleGroups(sizes, question, publicView(min));
        for (const label of shown) expect(sizes.get(label)!).toBeGreaterThanOrEqual(min);
        const hidden = [...sizes].filter(([label]) => !shown.has(label)).reduce((sum, [, n]) => sum + n, 0);
        if (shown.size > 0) expect(hidden === 0 || hidden >= min).toBe(true);
      }),
    );
  });

  it("refuses to group a public view by a free-text question, naming groupBy", () => {
    const demographics = [question, { key: "email", question: "Your email" }];
    expect(() => groupingQuestion(demographics, "email", publicView(5))).toThrow(expect.objectContaining({ field: "groupBy" }));
    expect(groupingQuestion(demographics, "email", RESEARCHER_VIEW).key).toBe("email");
    expect(() => groupingQuestion(demographics, "age", RESEARCHER_VIEW)).toThrow(expect.objectContaining({ field: "groupBy" }));
  });
});
