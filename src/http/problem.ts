import type { ErrorCode } from "../core/errors.ts";
import { PolyphonyError } from "../core/errors.ts";

/** One table from error code to HTTP status: a new code without a status does not compile. */
export const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503> = {
  malformed: 400,
  invalid_input: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  upstream_failed: 502,
  internal: 500,
};

const TITLE: Record<ErrorCode, string> = {
  malformed: "Malformed request",
  invalid_input: "Invalid input",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  upstream_failed: "Upstream provider failed",
  internal: "Internal error",
};

/** An RFC 9457 problem document. `field` names the offending input field. */
export function toProblem(error: PolyphonyError, instance?: string) {
  return {
    type: `urn:polyphony:problem:${error.code}`,
    title: TITLE[error.code],
    status: STATUS[error.code],
    detail: error.message,
    code: error.code,
    ...(error.field !== undefined && { field: error.field }),
    ...(instance !== undefined && { instance }),
    ...error.detail,
  };
}

/**
 * The problem response for `error`. A 401 names the scheme to authenticate with (RFC 9110 §11.6.1,
 * RFC 6750 §3); a 405 carries `allow`, the methods the path answers (RFC 9110 §15.5.6); a 429
 * says in `Retry-After` how many seconds to wait (RFC 6585 §4).
 */
export function problemResponse(error: PolyphonyError, instance?: string, headers: Record<string, string> = {}): Response {
  const status = STATUS[error.code];
  return new Response(JSON.stringify(toProblem(error, instance)), {
    status,
    headers: {
      "content-type": "application/problem+json",
      ...(status === 401 && { "www-authenticate": 'Bearer realm="polyphony"' }),
      ...(status === 429 && typeof error.detail?.retryAfter === "number" && { "retry-after": String(error.detail.retryAfter) }),
      ...headers,
    },
  });
}
