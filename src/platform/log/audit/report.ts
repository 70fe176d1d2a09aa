import { encodeBase64, equalBytes, type Checkpoint, type HashTree } from "../../../core/log/index.ts";
import type { FailureReason, LeafEvidence, VerificationFailure } from "./failure.ts";
import type { Cosigned, TrustedCheckpoint } from "./trusted-checkpoint.ts";

/** The outcome of a verification, as printed with --json. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly origin: string;
  /** Size and base64 root of the checkpoint verified against. */
  readonly size: number;
  readonly root: string;
  /** Entries read and accepted before the first bad line (all of them when none was bad). */
  readonly entries: number;
  readonly bytes: number;
  /** "not checked" when no log key was given: then nothing proves who made the checkpoint. */
  readonly logSignature: "verified" | "not checked";
  readonly cosignatures: readonly Cosigned[];
  readonly previous: readonly { size: number; root: string; consistent: boolean | null }[];
  /** Proofs fetched from the running log to locate a bad index. */
  readonly proofs: number;
  readonly seconds: number;
  readonly failure: {
    readonly reason: FailureReason;
    readonly message: string;
    /** The first bad index, when known exactly. */
    readonly index: number | null;
    /** Otherwise [start, end): where the first bad index lies. */
    readonly range: readonly [number, number] | null;
    readonly evidence: LeafEvidence | null;
  } | null;
}

/** What verifyExport gathered on its way, complete or not. */
export interface ReportParts {
  readonly head: Checkpoint;
  readonly opened: { target: TrustedCheckpoint; previous: TrustedCheckpoint[] } | null;
  readonly tree: HashTree | null;
  readonly entries: number;
  readonly bytes: number;
  readonly proofs: number;
  readonly failure: VerificationFailure | null;
  readonly seconds: number;
}

/** Assembles the report of a verification. */
export function buildReport(parts: ReportParts): VerifyReport {
  const { head, opened, tree, failure } = parts;
  const previous = (opened?.previous ?? []).map(({ checkpoint: p }) => ({
    size: p.size,
    root: encodeBase64(p.root),
    consistent: tree && p.size <= tree.size ? equalBytes(tree.root(p.size), p.root) : null,
  }));
  return {
    ok: failure === null,
    origin: head.origin,
    size: head.size,
    root: encodeBase64(head.root),
    entries: parts.entries,
    bytes: parts.bytes,
    logSignature: opened?.target.logSigned ? "verified" : "not checked",
    cosignatures: opened?.target.cosigned ?? [],
    previous,
    proofs: parts.proofs,
    seconds: Math.round(parts.seconds * 1000) / 1000,
    failure: failure && {
      reason: failure.reason,
      message: failure.message,
      index: failure.index,
      range: failure.range,
      evidence: failure.evidence,
    },
  };
}

/** The report for people: a summary, then the verdict. */
export function formatReport(report: VerifyReport): string {
  const lines = [
    `log       ${report.origin}`,
    `checkpoint size ${report.size}, root ${report.root}`,
    `entries   ${report.entries} read (${(report.bytes / 2 ** 20).toFixed(1)} MB) in ${report.seconds.toFixed(2)} s`,
    report.logSignature === "verified"
      ? "signature the log's signature verified"
      : "signature NOT CHECKED: no --key was given, so nothing shows that the log signed this checkpoint",
  ];
  for (const c of report.cosignatures) lines.push(`witness   ${c.name} cosigned at ${new Date(c.time * 1000).toISOString()}`);
  for (const p of report.previous) {
    const state = p.consistent === null ? "beyond the data, not checked" : p.consistent ? "matches the data" : "DOES NOT MATCH the data";
    lines.push(`previous  size ${p.size}: ${state}`);
  }
  if (report.proofs > 0) lines.push(`proofs    ${report.proofs} fetched from the log to locate the first bad index`);
  const f = report.failure;
  if (!f) lines.push(`OK: every entry is in the log the checkpoint commits to`);
  else {
    const where = f.index !== null ? `first bad index ${f.index}` : f.range ? `first bad index in [${f.range[0]}, ${f.range[1]})` : f.reason;
    lines.push(`FAILED (${where}): ${f.message}`);
  }
  return lines.join("\n");
}
