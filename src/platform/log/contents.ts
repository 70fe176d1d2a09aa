import type { JsonValue } from "../../core/log/index.ts";

/**
 * A value as plain JSON, the shape an entry's content is committed in: fields that are undefined
 * are dropped and dates become ISO strings, exactly as JSON.stringify writes them.
 */
export function toContent(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
