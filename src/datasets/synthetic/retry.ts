import { PolyphonyError } from "../../core/errors.ts";

/** How a batch job retries a failed call: `retries` more attempts, waiting base·2^k ms (k = 0, 1, …), at most `maxMs`. */
export interface RetryPolicy {
  readonly retries: number;
  readonly baseMs: number;
  readonly maxMs: number;
  /** Waits; tests pass one that does not. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Errors worth another attempt: the provider was unreachable, slow, overloaded or failed on its side. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof PolyphonyError) || error.code !== "upstream_failed") return false;
  const status = error.detail?.status;
  return status === undefined || status === 408 || status === 409 || status === 429 || (typeof status === "number" && status >= 500);
}

/** Runs `call`, retrying retryable failures with exponential backoff; the last failure is thrown. */
export async function withRetries<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.retries || !isRetryable(error)) throw error;
      await sleep(Math.min(policy.maxMs, policy.baseMs * 2 ** attempt));
    }
  }
}
