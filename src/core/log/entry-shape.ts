import { invalid } from "../errors.ts";
import { decodeBase64 } from "./bytes.ts";
import { HASH_SIZE } from "./hash.ts";

/** A plain JSON value: what RFC 8785 can encode and JSON.parse gives back unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The public part of an entry: the content digest plus fields that are not personal content (ids). */
export interface EntryBody {
  readonly digest: string;
  readonly [field: string]: JsonValue;
}

/** One contribution or action, as committed to by a leaf. */
export interface LogEntry {
  readonly v: 1;
  /** What happened: "values_card", "vote", "merge", "campaign_created", "erasure", … */
  readonly kind: string;
  readonly campaign: string | null;
  /** Base64 Ed25519 public key of the author, or an identifier such as "researcher:<id>" or "system". */
  readonly author: string;
  /** ISO-8601 UTC time given by the sequencer: the operator's claim, bounded by witness cosignatures. */
  readonly time: string;
  readonly body: EntryBody;
}

const ENTRY_KEYS = ["author", "body", "campaign", "kind", "time", "v"];
/**
 * An entry kind: a lower_snake_case word, namespaced by its campaign kind (`scenarios/ranking`).
 * Shared entries (`vote`, `erasure`) and those written before kinds were namespaced have no
 * namespace; both forms verify.
 */
const KIND = /^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/)?[a-z][a-z0-9_]{0,63}$/;
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
// eslint-disable-next-line no-control-regex -- the names in an entry hold no control character: this is the check.
const CONTROL = /[\u0000-\u001f\u007f]/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  return isPlainObject(value) && Object.values(value).every(isJsonValue);
}

function isUtcTime(time: string): boolean {
  const m = UTC_TIME.exec(time);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const date = new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d &&
    date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
}

function isName(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 512 && !CONTROL.test(value);
}

/** Checks that a value has exactly the shape of a LogEntry, naming the first field that does not. */
export function checkEntry(value: unknown): LogEntry {
  if (!isPlainObject(value)) throw invalid("entry", "an entry is a JSON object");
  const keys = Object.keys(value).sort();
  if (keys.join() !== ENTRY_KEYS.join()) {
    throw invalid("entry", `an entry has exactly the fields ${ENTRY_KEYS.join(", ")}`);
  }
  const { v, kind, campaign, author, time, body } = value;
  if (v !== 1) throw invalid("v", "entry version must be 1");
  if (typeof kind !== "string" || !KIND.test(kind)) throw invalid("kind", "kind is a lower_snake_case word, optionally after its campaign kind and a slash (scenarios/ranking)");
  if (campaign !== null && !isName(campaign)) throw invalid("campaign", "campaign is an id or null");
  if (!isName(author)) throw invalid("author", "author is a public key or an identifier");
  if (typeof time !== "string" || !isUtcTime(time)) {
    throw invalid("time", "time is ISO-8601 UTC, such as 2026-11-22T08:42:00.000Z");
  }
  if (!isPlainObject(body) || !isJsonValue(body)) throw invalid("body", "body is a JSON object");
  const digest = typeof body.digest === "string" ? decodeBase64(body.digest) : null;
  if (digest === null || digest.length !== HASH_SIZE) {
    throw invalid("body/digest", "digest is the base64 SHA-256 of the salted content");
  }
  return value as unknown as LogEntry;
}
