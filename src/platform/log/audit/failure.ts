/**
 * What a verifier found wrong with a log, as opposed to a mistake in how it was called (those are
 * PolyphonyErrors). Every failure says which check failed and, when the evidence allows, the
 * first index at which the data differs from what the log committed to.
 */

/** The check that failed. */
export type FailureReason =
  | "signature"
  | "origin"
  | "line"
  | "sequence"
  | "shape"
  | "size"
  | "root"
  | "changed"
  | "previous"
  | "fork";

/** Evidence about one leaf: what the data holds and what the log proved it holds. */
export interface LeafEvidence {
  readonly index: number;
  /** Base64 leaf hash of the export's (or the served) entry. */
  readonly found: string;
  /** Base64 leaf hash the log proved, by an inclusion proof checked against the trusted root. */
  readonly logged: string;
}

/** A failed verification. `index` is the first bad index, when known exactly. */
export class VerificationFailure extends Error {
  readonly reason: FailureReason;
  readonly index: number | null;
  /** When the index is not known exactly: the first bad index lies in [start, end). */
  readonly range: readonly [number, number] | null;
  readonly evidence: LeafEvidence | null;

  constructor(
    reason: FailureReason,
    message: string,
    where: { index?: number; range?: readonly [number, number]; evidence?: LeafEvidence } = {},
  ) {
    super(message);
    this.name = "VerificationFailure";
    this.reason = reason;
    this.index = where.index ?? null;
    this.range = where.range ?? null;
    this.evidence = where.evidence ?? null;
  }
}
