import type { Command } from "commander";
import { PolyphonyError } from "../../../core/errors.ts";
import { formatReport, type VerifyReport } from "../audit/report.ts";
import { peekCheckpoint } from "../audit/trusted-checkpoint.ts";
import { verifyExport } from "../audit/verify-export.ts";
import { LogClient } from "../../../providers/log-client.ts";
import { readTrust, type KeyOptions } from "./log-trust.ts";
import { CommandFailed, emit, note } from "../../../cli/output.ts";
import { startProgress } from "../../../cli/progress.ts";
import { collect } from "../../../cli/parse.ts";
import { readFileChunks, readTextFile } from "../../../cli/read-file.ts";
import { globals } from "../../../cli/session.ts";

interface VerifyOptions extends KeyOptions {
  entries?: string;
  checkpoint?: string;
  previous: string[];
  proofs?: string;
  url?: string;
  strict?: boolean;
}

function verdict(report: VerifyReport): string {
  const f = report.failure!;
  if (f.index !== null) return `verification failed: first bad index ${f.index}`;
  if (f.range) return `verification failed: the first bad index lies in [${f.range[0]}, ${f.range[1]})`;
  return `verification failed: ${f.reason}`;
}

async function runVerify(options: VerifyOptions, command: Command): Promise<void> {
  if (!options.url && !(options.entries && options.checkpoint)) {
    throw new PolyphonyError("invalid_input", "give --entries and --checkpoint files, or --url of a running log (or both)", { field: "url" });
  }
  const trust = readTrust(options);
  if (!trust.log) note("WARNING: no --key or --key-file: the checkpoint's signature will NOT be checked.");
  const client = options.url ? new LogClient(options.url) : null;
  const checkpoint = options.checkpoint ? readTextFile(options.checkpoint, "--checkpoint") : await client!.fetchCheckpoint();
  const size = peekCheckpoint(checkpoint, "the checkpoint").size;
  const g = globals(command);
  const progress = startProgress("verifying", g);
  const report = await verifyExport({
    chunks: options.entries ? readFileChunks(options.entries, "--entries") : client!.streamEntries(0, size),
    checkpoint,
    previous: options.previous.map((p) => readTextFile(p, "--previous")),
    proofs: options.proofs ? readTextFile(options.proofs, "--proofs") : undefined,
    trust,
    shapes: options.strict ? "canonical" : "fields",
    prover: client,
    onProgress: (read) => progress.update(read, size),
  }).finally(() => progress.finish());
  emit(g, report, () => formatReport(report));
  if (!report.ok) throw new CommandFailed(verdict(report));
}

/** `polyphony log verify`: checks an export, or a running log, against signed checkpoints. */
export function registerLogVerifyCommand(log: Command) {
  log
    .command("verify")
    .description("verify a log export against a signed checkpoint, offline or against a running log; names the first bad index")
    .option("--entries <file>", "the export to verify (JSONL from `polyphony log export`); without it, entries are read from --url")
    .option("--checkpoint <file>", "the signed checkpoint it must match; without it, the latest one from --url")
    .option("--previous <file>", "an earlier signed checkpoint it must be consistent with (repeatable)", collect, [])
    .option("--proofs <file>", "receipts or inclusion proofs (JSON lines), to name a changed entry offline")
    .option("--key <vkey>", "the log's verifier key, as `polyphony log key` prints it")
    .option("--key-file <file>", "a file holding the log's verifier key")
    .option("--origin <origin>", "the origin checkpoints must name (default: the key's name)")
    .option("--witness <vkey>", "a witness's cosignature key whose cosignatures to check (repeatable)", collect, [])
    .option("--url <url>", "a running Polyphony server: read what no file gives from it, and bisect with its proofs")
    .option("--strict", "also check that every entry is in RFC 8785 canonical form (about 4x slower)")
    .action((options: VerifyOptions, command: Command) => runVerify(options, command));
}
