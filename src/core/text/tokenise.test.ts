import { describe, expect, it } from "vitest";
import { tokenise, tokeniseContent } from "./tokenise.ts";
import { isStopWord } from "./stop-words.ts";

describe("tokenise", () => {
  it("lowercases and splits on punctuation and spaces", () => {
    expect(tokenise("MOMENTS when a person feels understood.")).toEqual([
      "moments", "when", "a", "person", "feels", "understood",
    ]);
  });

  it("keeps inner apostrophes and hyphens, drops outer ones", () => {
    expect(tokenise("'Don't' sell second-hand -- cars' parts")).toEqual([
      "don't", "sell", "second-hand", "cars", "parts",
    ]);
  });

  it("reads curly apostrophes as straight ones", () => {
    expect(tokenise("someone\u2019s story")).toEqual(["someone's", "story"]);
  });

  it("keeps letters of any script and digits", () => {
    expect(tokenise("Élan, naïveté and 3 über-cafés")).toEqual(["élan", "naïveté", "and", "3", "über-cafés"]);
  });

  it("returns nothing for text without words", () => {
    expect(tokenise(" ... !? ")).toEqual([]);
  });
});

describe("tokeniseContent", () => {
  it("drops stop words but keeps negations", () => {
    expect(tokeniseContent("When they are not heard")).toEqual(["not", "heard"]);
    expect(isStopWord("not")).toBe(false);
    expect(isStopWord("the")).toBe(true);
  });
});
