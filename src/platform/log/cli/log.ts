import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { encodeBase64 } from "../../../core/log/index.ts";
import { exportLog } from "../audit/export-log.ts";
import { readCheckpoint } from "../read.ts";
import { wholeNumber } from "../../../cli/numbers.ts";
import { emit, note, printJson, printText } from "../../../cli/output.ts";
import { withServices } from "../../../cli/session.ts";
import { registerLogVerifyCommand } from "./log-verify.ts";

/** A write that waits when the stream's buffer is full, so an export streams at the disk's pace. */
function writerOf(stream: Writable): (text: string) => Promise<void> {
  return (text) =>
    new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      stream.once("error", fail);
      const done = () => {
        stream.off("error", fail);
        resolve();
      };
      if (stream.write(text)) done();
      else stream.once("drain", done);
    });
}

const close = (stream: Writable) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));

/** `polyphony log …`: the contribution log's checkpoint, export, key and verification. */
export function registerLogCommands(program: Command) {
  const log = program.command("log").description("the tamper-evident log of every contribution and action");
  log
    .command("checkpoint")
    .description("print the latest signed checkpoint (a C2SP signed note)")
    .action((_options: unknown, command: Command) =>
      withServices(command, async (deps, g) => {
        const latest = await readCheckpoint(deps);
        if (g.json) printJson({ size: latest.size, root: encodeBase64(latest.root), checkpoint: latest.note, signedAt: latest.signedAt.toISOString() });
        else printText(latest.note);
      }),
    );
  log
    .command("key")
    .description("print the log's verifier key, for `log verify --key` and witnesses")
    .action((_options: unknown, command: Command) =>
      withServices(command, async (deps, g) => {
        if (g.json) printJson({ key: deps.log.key.verifierKey, origin: deps.log.key.origin });
        else printText(deps.log.key.verifierKey);
      }),
    );
  log
    .command("export")
    .description("write entries as JSONL, one {index, leaf, entry} per line (default: up to the latest signed checkpoint)")
    .option("--from <i>", "first index", wholeNumber("--from", { what: "an entry index" }))
    .option("--to <j>", "end index, exclusive (default: the latest checkpoint's size)", wholeNumber("--to", { what: "an entry index" }))
    .option("--out <file>", "write to this file instead of stdout")
    .action((options: { from?: number; to?: number; out?: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const stream = options.out ? createWriteStream(options.out) : process.stdout;
        const summary = await exportLog(deps, options, writerOf(stream), (message) => note(`warning: ${message}`));
        if (options.out) await close(stream);
        const human = () => `exported entries [${summary.from}, ${summary.to}): ${summary.entries} lines${options.out ? ` to ${options.out}` : ""}`;
        // Without --out the entries are the result on stdout, and the summary is a diagnostic.
        if (options.out) emit(g, { ...summary, out: options.out }, human);
        else note(human());
      }),
    );
  registerLogVerifyCommand(log);
}
