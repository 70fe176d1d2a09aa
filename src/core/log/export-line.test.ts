import { describe, expect, it } from "vitest";
import { PolyphonyError } from "../errors.ts";
import { encodeBase64, encodeUtf8, equalBytes } from "./bytes.ts";
import { commitContent, decodeEntry, encodeEntry, type LogEntry } from "./entry.ts";
import { formatExportLine, parseExportLine } from "./export-line.ts";

const entry: LogEntry = {
  v: 1,
  kind: "vote",
  campaign: null,
  author: "system",
  time: "2026-11-22T08:42:00Z",
  body: { digest: commitContent("upgrade", new Uint8Array(16)), "9": "nine", "10": "ten" },
};
const leaf = encodeEntry(entry);

describe("export lines", () => {
  it("carry the leaf text verbatim, so JSON readers and the tree see the same entry", () => {
    const line = formatExportLine(7, leaf);
    expect(line.endsWith(`"entry":${new TextDecoder().decode(leaf)}}`)).toBe(true);
    const parsed = parseExportLine(line);
    expect(parsed.index).toBe(7);
    expect(equalBytes(parsed.leaf, leaf)).toBe(true);
    expect((JSON.parse(line) as { entry: unknown }).entry).toEqual(decodeEntry(parsed.leaf));
    expect(decodeEntry(parsed.leaf)).toEqual(entry);
  });

  it("keep RFC 8785 key order even where JSON.stringify would not (integer-like keys)", () => {
    expect(formatExportLine(0, leaf)).toContain('"body":{"10":"ten","9":"nine","digest"');
  });

  it("refuse an entry that differs from the leaf", () => {
    const line = formatExportLine(0, leaf).replace('"kind":"vote"', '"kind":"wish"');
    expect(() => parseExportLine(line)).toThrow(/not the text of "leaf"/);
  });

  it.each(['1,"entry":{"kind":"wish"}', '{"kind":"vote"},"entry":{"kind":"wish"}', '{"a":"}"},"entry":{"b":"{"}'])(
    "refuse a leaf that would show a JSON reader another entry: %s",
    (text) => {
      const line = `{"index":0,"leaf":"${encodeBase64(encodeUtf8(text))}","entry":${text}}`;
      expect((JSON.parse(line) as { entry: { kind?: string } }).entry).not.toBe(undefined);
      expect(() => parseExportLine(line)).toThrow(PolyphonyError);
    },
  );

  it("accept braces, brackets and escaped quotes inside strings", () => {
    const text = String.raw`{"a":"}{\\\"]","b":[{"c":"\\"}]}`;
    expect(JSON.parse(text)).toBeTruthy();
    expect(() => parseExportLine(`{"index":0,"leaf":"${encodeBase64(encodeUtf8(text))}","entry":${text}}`)).not.toThrow();
  });

  it.each([
    ["reordered fields", (l: string) => l.replace(/^\{"index":0,("leaf":"[^"]*"),/, '{$1,"index":0,')],
    ["a leading zero", (l: string) => l.replace('"index":0', '"index":00')],
    ["whitespace", (l: string) => l.replace('"index":0,', '"index": 0,')],
    ["trailing text", (l: string) => l + " "],
    ["a truncated line", (l: string) => l.slice(0, -2)],
  ])("refuse %s", (_, mangle) => {
    expect(() => parseExportLine(mangle(formatExportLine(0, leaf)))).toThrow(PolyphonyError);
  });
});
