import { invalid } from "../errors.ts";
import { decodeUtf8, encodeBase64, encodeUtf8, isBase64Of } from "./bytes.ts";

/**
 * One line of a log export (JSONL): {"index":i,"leaf":"<base64 leaf bytes>","entry":<leaf text>}.
 * The entry is the leaf's own canonical JSON text, copied verbatim rather than re-serialised, so
 * the bytes of a line hold the leaf bytes themselves: a reader compares them with the base64
 * "leaf" in place, where decoding and re-encoding every entry would triple the cost of verifying
 * a million-entry export.
 */
export interface ExportLine {
  readonly index: number;
  /** The exact leaf bytes; decodeEntry(leaf) gives the entry and checks its shape and form. */
  readonly leaf: Uint8Array;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const HEAD = ascii('{"index":');
const LEAF = ascii(',"leaf":"');
const ENTRY = ascii('","entry":');
const CLOSE = 0x7d;
const MAX_INDEX_DIGITS = 16;

function startsWithAt(line: Uint8Array, at: number, part: Uint8Array): boolean {
  if (at + part.length > line.length) return false;
  for (let i = 0; i < part.length; i++) if (line[at + i] !== part[i]) return false;
  return true;
}

/**
 * Whether `text` is one JSON object from its first byte to its last: braces and brackets outside
 * strings balance and first close at the end. Then a JSON reader that accepts the line takes
 * exactly the leaf as "entry"; without this, a crafted leaf such as `{…},"entry":{…}` would show
 * it another entry than the one the tree commits to. Scanning is ~5× cheaper than JSON.parse.
 */
function spansOneObject(text: Uint8Array): boolean {
  if (text[0] !== 0x7b) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if ((c === 0x7d || c === 0x5d) && --depth === 0 && i !== text.length - 1) {
      return false;
    }
  }
  return depth === 0 && !inString;
}

/** Writes the export line of leaf `index`. */
export function formatExportLine(index: number, leaf: Uint8Array): string {
  if (!Number.isSafeInteger(index) || index < 0) throw invalid("index", "index is a non-negative integer");
  const text = decodeUtf8(leaf);
  if (text === null || !spansOneObject(leaf)) throw invalid("leaf", "a leaf is a UTF-8 JSON object");
  return `{"index":${index},"leaf":"${encodeBase64(leaf)}","entry":${text}}`;
}

/**
 * Reads one export line given as UTF-8 bytes without its newline; `leaf` is a view into `line`.
 * Checks the field layout, that "leaf" is exactly the base64 of the entry text, and that the
 * entry is one JSON object.
 */
export function readExportLine(line: Uint8Array): ExportLine {
  if (!startsWithAt(line, 0, HEAD)) throw invalid("line", "not an export line");
  let at = HEAD.length;
  let index = 0;
  for (; at < line.length && line[at]! >= 0x30 && line[at]! <= 0x39; at++) index = index * 10 + line[at]! - 0x30;
  const digits = at - HEAD.length;
  const leadingZero = digits > 1 && line[HEAD.length] === 0x30;
  if (digits === 0 || digits > MAX_INDEX_DIGITS || leadingZero || !Number.isSafeInteger(index)) {
    throw invalid("line", "index is a decimal without leading zeroes");
  }
  if (!startsWithAt(line, at, LEAF)) throw invalid("line", "not an export line");
  const base64At = at + LEAF.length;
  const base64End = line.indexOf(ENTRY[0]!, base64At);
  const leafAt = base64End + ENTRY.length;
  if (base64End < 0 || !startsWithAt(line, base64End, ENTRY) || line[line.length - 1] !== CLOSE) {
    throw invalid("line", "not an export line");
  }
  const leaf = line.subarray(leafAt, line.length - 1);
  if (!isBase64Of(line.subarray(base64At, base64End), leaf)) {
    throw invalid("line", `"entry" is not the text of "leaf"`);
  }
  if (!spansOneObject(leaf)) throw invalid("leaf", "the entry is not one JSON object");
  return { index, leaf };
}

/** Reads one export line given as a string; see readExportLine. */
export function parseExportLine(line: string): ExportLine {
  return readExportLine(encodeUtf8(line));
}
