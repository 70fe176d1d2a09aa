import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extractJsonObject, stripThinking } from "./json-reply.ts";

describe("extractJsonObject", () => {
  it("returns a reply that is one JSON object", () => {
    expect(extractJsonObject('{"a": 1}')).toBe('{"a": 1}');
  });

  it("finds the first object in prose or code fences", () => {
    expect(extractJsonObject('Here you go:\n```json\n{"a": {"b": [1, 2]}}\n```\nAnd {"c": 3}')).toBe('{"a": {"b": [1, 2]}}');
  });

  it("is not fooled by braces inside strings or by braces that are not JSON", () => {
    expect(extractJsonObject('Use {curly} style: {"s": "a } b { c \\" }"}')).toBe('{"s": "a } b { c \\" }"}');
  });

  it("skips thinking blocks", () => {
    expect(extractJsonObject('<think>{"draft": 0}</think>{"final": 1}')).toBe('{"final": 1}');
    expect(stripThinking("<think>\nhm\n</think>\n Answer ")).toBe("Answer");
  });

  it("returns undefined without an object: arrays, truncated or absent JSON", () => {
    expect(extractJsonObject("[1, 2]")).toBeUndefined();
    expect(extractJsonObject('{"story": "Once upon')).toBeUndefined();
    expect(extractJsonObject("no json")).toBeUndefined();
  });

  it("finds any JSON object embedded in surrounding prose (property)", () => {
    const prose = fc.string().filter((s) => !s.includes("{") && !s.includes("<think>"));
    fc.assert(
      fc.property(prose, fc.dictionary(fc.string(), fc.jsonValue()), prose, (before, object, after) => {
        const json = JSON.stringify(object);
        expect(JSON.parse(extractJsonObject(`${before}${json}${after}`)!)).toEqual(JSON.parse(json));
      }),
    );
  });
});
