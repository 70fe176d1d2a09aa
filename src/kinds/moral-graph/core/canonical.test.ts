import { describe, expect, it } from "vitest";
import { resolveCanonical } from "./canonical.ts";

describe("resolveCanonical", () => {
  it("maps unmerged cards to themselves", () => {
    const r = resolveCanonical(new Map([["a", null], ["b", null]]));
    expect(r.get("a")).toBe("a");
    expect(r.get("b")).toBe("b");
  });

  it("follows chains of merges to the surviving card", () => {
    const r = resolveCanonical(new Map<string, string | null>([["a", "b"], ["b", "c"], ["c", null], ["d", "c"]]));
    expect([r.get("a"), r.get("b"), r.get("c"), r.get("d")]).toEqual(["c", "c", "c", "c"]);
  });

  it("stops on a cycle instead of looping", () => {
    const r = resolveCanonical(new Map<string, string | null>([["a", "b"], ["b", "a"]]));
    expect(r.get("a")).toBeDefined();
    expect(r.get("b")).toBeDefined();
  });
});
