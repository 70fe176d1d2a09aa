import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { PolyphonyError } from "../core/errors.ts";

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** An `upstream_failed` error naming the provider, its URL and, when there is one, the HTTP status. */
export function upstreamFailed(what: string, baseUrl: string, message: string, detail: Record<string, unknown> = {}, cause?: unknown): PolyphonyError {
  return new PolyphonyError("upstream_failed", `${what} at ${baseUrl} ${clip(message)}`, {
    detail: { provider: baseUrl, ...detail },
    cause,
  });
}

/** Translates an error thrown by the openai client into an `upstream_failed` PolyphonyError. */
export function translateClientError(what: string, baseUrl: string, timeoutMs: number, error: unknown): PolyphonyError {
  if (error instanceof PolyphonyError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return upstreamFailed(what, baseUrl, `did not answer within ${timeoutMs} ms`, { timeoutMs }, error);
  }
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return upstreamFailed(what, baseUrl, `could not be reached: ${reason}`, {}, error);
  }
  if (error instanceof APIError && error.status !== undefined) {
    return upstreamFailed(what, baseUrl, `answered HTTP ${error.status}: ${error.message}`, { status: error.status }, error);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return upstreamFailed(what, baseUrl, `failed: ${reason}`, {}, error);
}
