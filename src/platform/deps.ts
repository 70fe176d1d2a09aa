import type { Clock, Embedder, Llm } from "../ports.ts";
import type { NoteVerifier } from "../core/log/index.ts";
import type { Store } from "../store/open.ts";
import { PolyphonyError } from "../core/errors.ts";
import type { TransparencyLog } from "./log/transparency-log.ts";
import type { KindRegistry } from "./kind.ts";
import type { LimitSettings } from "./limits/limits.ts";

/** What every service needs; `main.ts` and the CLI build one. */
export interface ServiceDeps {
  readonly store: Store;
  /** The campaign kinds this server runs (`src/kinds/index.ts`). */
  readonly kinds: KindRegistry;
  readonly clock: Clock;
  /** The contribution log: services append in their transactions and issue receipts from it. */
  readonly log: TransparencyLog;
  /** Witnesses whose cosignatures the log accepts and publishes (POLYPHONY_LOG_WITNESSES). */
  readonly logWitnesses?: readonly NoteVerifier[] | undefined;
  /** Absent when no LLM provider is configured; LLM features then answer `unavailable`. */
  readonly llm?: Llm | undefined;
  /** Loaded on first use: the local word vectors take a moment. */
  readonly embedder: () => Promise<Embedder>;
  /** Rate limits and LLM budgets (POLYPHONY_LIMIT_*); the defaults of limits.ts when absent. */
  readonly limits?: LimitSettings | undefined;
}

export function requireLlm(deps: ServiceDeps) {
  if (!deps.llm) {
    throw new PolyphonyError(
      "unavailable",
      "no LLM provider is configured (set POLYPHONY_LLM_BASE_URL and POLYPHONY_LLM_MODEL); use the form instead",
    );
  }
  return deps.llm;
}
