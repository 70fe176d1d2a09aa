import { PolyphonyError } from "../../../core/errors.ts";
import { decodeBase64, encodeBase64, HASH_SIZE } from "../../../core/log/index.ts";

/**
 * What a witness remembers between runs: the largest checkpoint it cosigned for one log. It never
 * cosigns a checkpoint that is not a consistent extension of this one (c2sp.org/tlog-witness).
 */
export interface WitnessState {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** The signed note it cosigned, kept as evidence should the log later fork. */
  readonly checkpoint: string;
  /** POSIX seconds of its latest cosignature. */
  readonly cosignedAt: number;
}

/** The state as JSON text. */
export function formatWitnessState(state: WitnessState): string {
  const json = { ...state, root: encodeBase64(state.root) };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Parses the state's JSON text, refusing anything that is not a complete state. */
export function parseWitnessState(text: string, where: string): WitnessState {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new PolyphonyError("malformed", `${where} is not JSON: ${(error as Error).message}`, { field: "state" });
  }
  const root = typeof value.root === "string" ? decodeBase64(value.root) : null;
  const { origin, size, checkpoint, cosignedAt } = value;
  if (
    typeof origin !== "string" ||
    typeof checkpoint !== "string" ||
    !Number.isSafeInteger(size) ||
    (size as number) < 0 ||
    !Number.isSafeInteger(cosignedAt) ||
    root === null ||
    root.length !== HASH_SIZE
  ) {
    throw new PolyphonyError("malformed", `${where} is not a witness state (origin, size, root, checkpoint, cosignedAt)`, { field: "state" });
  }
  return { origin, size: size as number, root, checkpoint, cosignedAt: cosignedAt as number };
}
