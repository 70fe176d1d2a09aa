import { PolyphonyError } from "../../../core/errors.ts";
import { COSIGNATURE_V1_TYPE, ED25519_TYPE, makeVerifier, parseVerifierKey, type NoteVerifier } from "../../../core/log/index.ts";
import type { Trust } from "../audit/trusted-checkpoint.ts";
import { readTextFile } from "../../../cli/read-file.ts";

/** The key options `log verify` and `witness` share. */
export interface KeyOptions {
  key?: string;
  keyFile?: string;
  origin?: string;
  witness?: string[];
}

/** A verifier for a C2SP verifier key of the given type, or an input error naming the option. */
export function readVerifierKey(text: string, type: number, option: string): NoteVerifier {
  try {
    const key = parseVerifierKey(text.trim());
    if (key.type !== type) {
      const want = type === ED25519_TYPE ? "a log's Ed25519 key (type 1)" : "a witness's cosignature/v1 key (type 4)";
      throw new Error(`it is a key of type ${key.type}, not ${want}`);
    }
    return makeVerifier(text.trim());
  } catch (error) {
    throw new PolyphonyError("invalid_input", `${option} is not a usable verifier key: ${(error as Error).message}`, { field: option });
  }
}

/** The log key from --key or --key-file, or null when neither was given. */
export function readLogKey(options: KeyOptions): NoteVerifier | null {
  if (options.key && options.keyFile) {
    throw new PolyphonyError("invalid_input", "give the log's key with --key or --key-file, not both", { field: "key" });
  }
  if (options.key) return readVerifierKey(options.key, ED25519_TYPE, "--key");
  if (options.keyFile) return readVerifierKey(readTextFile(options.keyFile, "--key-file"), ED25519_TYPE, "--key-file");
  return null;
}

/** What the options say to trust: the log key, the origin, and witnesses' keys. */
export function readTrust(options: KeyOptions): Trust {
  return {
    log: readLogKey(options),
    origin: options.origin ?? null,
    witnesses: (options.witness ?? []).map((w) => readVerifierKey(w, COSIGNATURE_V1_TYPE, "--witness")),
  };
}
