/**
 * The one error type of Polyphony. Codes form a closed union; the HTTP layer maps each code to a
 * status through one table, so a new code without a status does not compile.
 */
export type ErrorCode =
  | "malformed"
  | "invalid_input"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "upstream_failed"
  | "internal";

export class PolyphonyError extends Error {
  readonly code: ErrorCode;
  /** The offending field as a JSON pointer-ish path (e.g. `policies` or `votes/3/context`). */
  readonly field: string | undefined;
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "PolyphonyError";
    this.code = code;
    this.field = options.field;
    this.detail = options.detail;
  }
}

export const invalid = (field: string, message: string) =>
  new PolyphonyError("invalid_input", message, { field });
export const notFound = (what: string, id: string, field?: string) =>
  new PolyphonyError("not_found", `${what} ${JSON.stringify(id)} does not exist`, { field });
export const conflict = (message: string, field?: string) =>
  new PolyphonyError("conflict", message, { field });
