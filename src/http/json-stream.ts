import type { Context, TypedResponse } from "hono";

/**
 * JSON documents too large to build as one string: a `LazyList` stands for an array whose items
 * are made when written, and `streamJson` writes the document as a response in chunks of about
 * 64 KB, made only as fast as the client reads them.
 */
export class LazyList<T> {
  /** Tells a lazy list from other things with a length and an `at` (strings, arrays) in types. */
  readonly lazy = true;
  readonly length: number;
  readonly at: (index: number) => T;

  constructor(length: number, at: (index: number) => T) {
    this.length = length;
    this.at = at;
  }
}

/** The document with every `LazyList` made into an array (`JSON.parse(text)` of what streams). */
export type Materialized<T> = T extends LazyList<infer I> ? I[] : T extends readonly (infer I)[] ? Materialized<I>[] : T extends object ? { [K in keyof T]: Materialized<T[K]> } : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The pieces of `value`'s JSON text, as JSON.stringify writes it. Plain objects and arrays are
 * walked to find lazy lists; a lazy list's items are written whole, each with JSON.stringify.
 */
export function* writeJson(value: unknown): Generator<string> {
  if (value instanceof LazyList) {
    yield "[";
    for (let i = 0; i < value.length; i++) yield (i > 0 ? "," : "") + (JSON.stringify(value.at(i)) ?? "null");
    yield "]";
  } else if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      const item: unknown = value[i];
      yield* item === undefined || typeof item === "function" ? ["null"] : writeJson(item);
    }
    yield "]";
  } else if (isPlainObject(value)) {
    yield "{";
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === "function") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* writeJson(item);
    }
    yield "}";
  } else {
    yield JSON.stringify(value) ?? "null";
  }
}

/** The document as a value, lazy lists made into arrays. */
export function materialize<T>(value: T): Materialized<T> {
  if (value instanceof LazyList) return Array.from({ length: value.length }, (_, i) => value.at(i) as unknown) as Materialized<T>;
  if (Array.isArray(value)) return value.map((item: unknown) => materialize(item)) as Materialized<T>;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v)])) as Materialized<T>;
  return value as Materialized<T>;
}

const CHUNK = 64 * 1024;

/** `value` as JSON text in UTF-8, made as the stream is read (a response body). */
export function streamJson(value: unknown): ReadableStream<Uint8Array> {
  const pieces = writeJson(value);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = "";
      for (let next = pieces.next(); ; next = pieces.next()) {
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
        if (text.length >= CHUNK) break;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      pieces.return(undefined);
    },
  });
}

/**
 * A 200 response streaming `value` as JSON. Typed as the document it reads as, so a route's
 * schema checks the lazy document as it would the whole one.
 */
export function respondWithJsonStream<T>(c: Context, value: T) {
  return c.body(streamJson(value), 200, { "content-type": "application/json" }) as unknown as Response & TypedResponse<Materialized<T>, 200, "json">;
}
