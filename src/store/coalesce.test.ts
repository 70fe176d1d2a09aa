import { describe, expect, it } from "vitest";
import { coalesce } from "./coalesce.ts";

describe("coalesce", () => {
  it("answers the calls of one turn with one load, each with its own value or error", async () => {
    const loads: number[][] = [];
    const double = coalesce(async (keys: readonly number[]) => {
      loads.push([...keys]);
      return keys.map((k) => (k < 0 ? new Error(`negative ${k}`) : k * 2));
    });
    const answers = await Promise.allSettled([double(1), double(-2), double(3)]);
    expect(loads).toEqual([[1, -2, 3]]);
    expect(answers).toEqual([
      { status: "fulfilled", value: 2 },
      { status: "rejected", reason: new Error("negative -2") },
      { status: "fulfilled", value: 6 },
    ]);
    expect(await double(4)).toBe(8);
    expect(loads).toEqual([[1, -2, 3], [4]]);
  });

  it("refuses every call of a load that fails", async () => {
    const broken = coalesce(async (_keys: readonly string[]): Promise<string[]> => {
      throw new Error("the database is gone");
    });
    const answers = await Promise.allSettled([broken("a"), broken("b")]);
    expect(answers.map((a) => a.status)).toEqual(["rejected", "rejected"]);
  });
});
