import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { PolyphonyError } from "../core/errors.ts";
import { decimalNumber } from "../cli/numbers.ts";
import { CommandFailed, emit, note } from "../cli/output.ts";
import { parseInput } from "../cli/parse.ts";
import { readFileChunks, readTextFile } from "../cli/read-file.ts";
import { globals, withServices } from "../cli/session.ts";
import { readTrust, type KeyOptions } from "../platform/log/cli/log-trust.ts";
import { LogClient } from "../providers/log-client.ts";
import { exportDataset } from "./export.ts";
import { FormatName } from "./formats.ts";
import { MANIFEST_FILE, type Manifest } from "./manifest.ts";
import { verifyDataset, type DatasetReport } from "./verify.ts";
import { registerSynthesizeCommand } from "./synthetic/cli.ts";

interface ExportOptions {
  campaign: string;
  format: string;
  out: string;
  testShare?: number;
  license?: string;
  language?: string;
}

interface VerifyOptions extends KeyOptions {
  checkpoint?: string;
  entries?: string;
  url?: string;
}

const describeVerdict = (report: DatasetReport) => {
  const f = report.failure!;
  return f.file === null ? f.reason : `${f.file}${f.row === null ? "" : ` row ${f.row}`}: ${f.reason}`;
};

function formatReport(report: DatasetReport): string {
  if (!report.ok) return `dataset verification FAILED: ${describeVerdict(report)}`;
  return [
    `dataset verified: ${report.rows} rows of ${report.campaign} (${report.format})`,
    `  every row cites entries of the log in the checkpoint of ${report.checkpointSize} entries: ${report.entries} entries, ${report.opened} of them opened and their content checked`,
  ].join("\n");
}

async function runVerify(dir: string, options: VerifyOptions, command: Command) {
  if (!options.entries && !options.url) throw new PolyphonyError("invalid_input", "give the log's entries with --entries (from `polyphony log export`) or --url of a running server", { field: "entries" });
  const trust = readTrust(options);
  if (!trust.log) note("WARNING: no --key or --key-file: the checkpoint's signature will NOT be checked.");
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8").catch(() => {
    throw new PolyphonyError("not_found", `${dir} holds no ${MANIFEST_FILE}: is it a dataset folder?`, { field: "dir" });
  })) as Manifest;
  const client = options.url ? new LogClient(options.url) : null;
  const checkpoint = options.checkpoint ? readTextFile(options.checkpoint, "--checkpoint") : manifest.checkpoint;
  const size = Number(checkpoint.split("\n")[1]);
  const report = await verifyDataset({
    dir,
    checkpoint,
    trust,
    entries: () => (options.entries ? readFileChunks(options.entries, "--entries") : client!.streamEntries(0, size)),
    prover: client,
  });
  emit(globals(command), report, () => formatReport(report));
  if (!report.ok) throw new CommandFailed(`dataset verification failed: ${describeVerdict(report)}`);
}

/** `polyphony dataset …`: exports in the formats trainers read, and their verification against the log. */
export function registerDatasetCommands(program: Command) {
  const dataset = program.command("dataset").description("export a campaign for trainers (TRL, OpenAI, CSV, Parquet) and verify exports against the log");
  dataset
    .command("export")
    .description("write a campaign's data in a trainer's format into a new folder, with a dataset card and provenance")
    .requiredOption("--campaign <id>", "campaign id")
    .requiredOption("--format <format>", "trl-sft, trl-preference, trl-kto, openai-sft, openai-preference, csv or parquet")
    .requiredOption("--out <dir>", "a new (or empty) folder to write into")
    .option("--test-share <share>", "share of rows the test split may hold (trainer formats; default 0.2)", decimalNumber("--test-share", { min: 0, max: 0.9 }))
    .option("--license <id>", "the data's license as the Hugging Face Hub names it (default other)")
    .option("--language <code>", "the language of the text, ISO 639-1 (default en)")
    .action((options: ExportOptions, command: Command) =>
      withServices(command, async (deps, g) => {
        const format = parseInput(FormatName, options.format, "format");
        const manifest = await exportDataset(deps, options.campaign, { format, testShare: options.testShare, license: options.license, language: options.language }, options.out);
        const rows = manifest.files.reduce((sum, f) => sum + f.rows, 0);
        emit(g, { out: options.out, ...manifest }, () =>
          [
            `wrote ${rows} rows of ${manifest.campaign.title} as ${format} to ${options.out}, at log size ${manifest.logSize}`,
            ...manifest.files.map((f) => `  ${f.path}  ${f.rows} ${f.rows === 1 ? "row" : "rows"}`),
            `  README.md (dataset card), manifest.json, ${manifest.provenance.rows.path}, ${manifest.provenance.openings.path}`,
          ].join("\n"),
        );
      }),
    );
  dataset
    .command("verify")
    .description("check every row of an exported dataset against the log: names the first row that does not match")
    .argument("<dir>", "the dataset folder (with manifest.json)")
    .option("--checkpoint <file>", "the signed checkpoint to check against (default: the one in manifest.json)")
    .option("--entries <file>", "the log's entries (JSONL from `polyphony log export`), to verify offline")
    .option("--url <url>", "a running Polyphony server to read the log's entries from")
    .option("--key <vkey>", "the log's verifier key, as `polyphony log key` prints it")
    .option("--key-file <file>", "a file holding the log's verifier key")
    .option("--origin <origin>", "the origin checkpoints must name (default: the key's name)")
    .action((dir: string, options: VerifyOptions, command: Command) => runVerify(dir, options, command));
  registerSynthesizeCommand(dataset);
}
