import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PolyphonyError } from "../core/errors.ts";
import { decodeBase64, formatSignerKey, parseSignerKey } from "../core/log/index.ts";

/** Where the log key is kept in a data folder when no other place is configured. */
export const LOG_KEY_FILE = "polyphony-log.key";

/** The origin line of checkpoints, and the name of a generated key, when none is configured. */
export const DEFAULT_ORIGIN = "polyphony.local/log";

/** A log key as read: its name and seed, and the origin its checkpoints carry. */
export interface LogKeyMaterial {
  readonly origin: string;
  readonly name: string;
  readonly seed: Uint8Array;
}

export interface LogKeySource {
  /** Checkpoint origin (POLYPHONY_LOG_ORIGIN); defaults to the key's name. */
  readonly origin?: string | undefined;
  /** A C2SP signer key string (POLYPHONY_LOG_KEY). */
  readonly key?: string | undefined;
  /** A file holding one (POLYPHONY_LOG_KEY_FILE). */
  readonly keyFile?: string | undefined;
  /** The data folder, whose `polyphony-log.key` is used otherwise. */
  readonly dataDir: string;
}

const refuse = (message: string) => new PolyphonyError("invalid_input", message, { field: "POLYPHONY_LOG_KEY" });

/** Name and seed of a signer key `PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ seed)>`. */
export function parseSignerSeed(text: string): { name: string; seed: Uint8Array } {
  const signer = parseSignerKey(text);
  const bytes = decodeBase64(text.split("+").slice(4).join("+"));
  return { name: signer.name, seed: bytes!.slice(1) };
}

function readKeyFile(path: string): string {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw refuse(`the log key ${path} can be read by others (mode ${mode.toString(8)}): run chmod 600 ${path}`);
  }
  return readFileSync(path, "utf8").trim();
}

/** Creates the key file with mode 0600, unless another process created it first. */
function createKeyFile(path: string, name: string): void {
  try {
    writeFileSync(path, `${formatSignerKey(name, new Uint8Array(randomBytes(32)))}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/**
 * The log's signing key (its name and seed): given as a string, read from a file, or generated into the data folder at
 * first start (mode 0600). Several servers on one PostgreSQL must share one key: give each the
 * same POLYPHONY_LOG_KEY or key file; the log refuses to sign after checkpoints made by another key.
 */
export function loadLogKey(source: LogKeySource): LogKeyMaterial {
  let text = source.key?.trim();
  if (!text) {
    const path = source.keyFile ?? join(source.dataDir, LOG_KEY_FILE);
    if (!source.keyFile) mkdirSync(source.dataDir, { recursive: true });
    try {
      statSync(path);
    } catch {
      createKeyFile(path, source.origin ?? DEFAULT_ORIGIN);
    }
    text = readKeyFile(path);
  }
  let parsed: { name: string; seed: Uint8Array };
  try {
    parsed = parseSignerSeed(text);
  } catch (error) {
    throw refuse(`the log key is not a C2SP signer key: ${(error as Error).message}`);
  }
  return { origin: source.origin ?? parsed.name, ...parsed };
}
