import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { PolyphonyError } from "../../../core/errors.ts";
import { COSIGNATURE_V1_TYPE, formatSignerKey, formatVerifierKey, makeEd25519Cosigner, type NoteSigner } from "../../../core/log/index.ts";
import { exportPublicKey, importSeed } from "../ed25519.ts";
import { formatWitnessState, parseWitnessState, type WitnessState } from "../witness/witness-state.ts";
import { parseSignerSeed } from "../../../store/log-key-file.ts";

/** A witness's key as read from its file: its name, and cosigners stamped with any time. */
export interface WitnessKey {
  readonly name: string;
  /** The cosignature/v1 verifier key (type 0x04) that logs and verifiers configure. */
  readonly verifierKey: string;
  readonly cosigner: (timestamp: number) => NoteSigner;
}

const refuse = (message: string, field: string) => new PolyphonyError("invalid_input", message, { field });

/**
 * Writes a new witness key (a C2SP signer key, as Go's note package and transparency-dev's
 * witnesses keep theirs) with mode 0600, refusing to overwrite a file. Returns its verifier key.
 */
export function createWitnessKeyFile(name: string, path: string): string {
  const seed = new Uint8Array(randomBytes(32));
  const text = `${formatSignerKey(name, seed)}\n`;
  try {
    writeFileSync(path, text, { mode: 0o600, flag: "wx" });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === "EEXIST";
    throw refuse(exists ? `${path} exists already; a witness key is never overwritten` : `cannot write ${path}: ${(error as Error).message}`, "--out");
  }
  return formatVerifierKey(name, exportPublicKey(importSeed(seed)), COSIGNATURE_V1_TYPE);
}

/** Reads a witness key file, which must be private (no access for group or others). */
export function readWitnessKeyFile(path: string, name: string): WitnessKey {
  let text: string;
  try {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) throw refuse(`the witness key ${path} can be read by others (mode ${mode.toString(8)}): run chmod 600 ${path}`, "--key-file");
    text = readFileSync(path, "utf8").trim();
  } catch (error) {
    if (error instanceof PolyphonyError) throw error;
    throw new PolyphonyError("not_found", `cannot read ${path}: ${(error as Error).message}`, { field: "--key-file" });
  }
  let key: { name: string; seed: Uint8Array };
  try {
    key = parseSignerSeed(text);
  } catch (error) {
    throw refuse(`${path} is not a witness key: ${(error as Error).message}`, "--key-file");
  }
  if (key.name !== name) throw refuse(`${path} is the key of witness ${key.name}, not ${name}`, "--name");
  const publicKey = exportPublicKey(importSeed(key.seed));
  return {
    name,
    verifierKey: formatVerifierKey(name, publicKey, COSIGNATURE_V1_TYPE),
    cosigner: (timestamp) => makeEd25519Cosigner(name, key.seed, timestamp),
  };
}

/** The witness's state, or null when the file does not exist yet (its first run). */
export function readWitnessStateFile(path: string): WitnessState | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new PolyphonyError("not_found", `cannot read ${path}: ${(error as Error).message}`, { field: "--state" });
  }
  return parseWitnessState(text, path);
}

/** Replaces the state file in one step (write, then rename), so a crash leaves the old or the new one. */
export function writeWitnessStateFile(path: string, state: WitnessState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, formatWitnessState(state));
  renameSync(temporary, path);
}
