import { describe, expect, it } from "vitest";
import { findTextViolation, MAX_DEPTH, textProblem } from "./text-rule.ts";

describe("the text rule", () => {
  it("accepts what people write, in any script, with emoji and line breaks", () => {
    for (const text of ["Informed choice", "Ça va\n\tbien", "معرفة الحقائق", "नमस्ते", "می‌خواهم", "👩‍👩‍👧 family", "日本語", ""]) {
      expect(textProblem(text), text).toBeNull();
    }
  });

  it("refuses NUL and other controls, lone surrogates, direction overrides and invisible characters, naming the character", () => {
    expect(textProblem("a\u0000b")).toMatch(/U\+0000/);
    expect(textProblem("a\u001bb")).toMatch(/U\+001B/);
    expect(textProblem("a\u0085b")).toMatch(/U\+0085/);
    expect(textProblem("card \ud800")).toMatch(/surrogate/);
    expect(textProblem("\udc00 card")).toMatch(/surrogate/);
    expect(textProblem("evil\u202etxt.exe")).toMatch(/U\+202E/);
    expect(textProblem("a\u2066b")).toMatch(/U\+2066/);
    expect(textProblem("zero\u200bwidth")).toMatch(/U\+200B/);
    expect(textProblem("\ufeffbom")).toMatch(/U\+FEFF/);
  });

  it("finds the first bad string or key in a body, by its path", () => {
    expect(findTextViolation({ title: "ok", policies: ["fine", "bad\u0000"] })).toEqual({ path: "policies/1", problem: expect.stringMatching(/U\+0000/) });
    expect(findTextViolation({ answers: { "k\u202e": "v" } })).toMatchObject({ path: "answers/k\u202e", problem: expect.stringMatching(/key/) });
    expect(findTextViolation({ a: [1, true, null, { b: "fine" }] })).toBeNull();
  });

  it("refuses nesting beyond the limit without recursing", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextViolation(deep)?.problem).toMatch(new RegExp(`${MAX_DEPTH} levels`));
    let fine: unknown = "leaf";
    for (let i = 0; i < MAX_DEPTH; i++) fine = { x: fine };
    expect(findTextViolation(fine)).toBeNull();
  });
});
