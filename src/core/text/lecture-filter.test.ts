import { describe, expect, it } from "vitest";
import { findLecturing } from "./lecture-filter.ts";

describe("findLecturing", () => {
  it("finds moralising asides and stock phrases", () => {
    expect(findLecturing("As an AI, I can't feel. It's important to remember that you matter.")).toEqual(["as an AI", "it's important to"]);
    expect(findLecturing("That sounds hard. Remember, it is crucial to seek professional help.")).toEqual(["it is important to", "remember that", "seek professional help"]);
    expect(findLecturing("Let's delve into this. In conclusion, ultimately the choice is yours.")).toEqual(["ultimately, the choice", "in conclusion", "delve"]);
  });

  it("passes a direct answer, and words that only look alike", () => {
    expect(findLecturing("That sounds exhausting. What has been the hardest part of this week for you?")).toEqual([]);
    expect(findLecturing("I remember my first exam too; the important part was sleeping the night before.")).toEqual([]);
  });
});
