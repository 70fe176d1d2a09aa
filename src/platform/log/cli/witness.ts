import type { Command } from "commander";
import { PolyphonyError } from "../../../core/errors.ts";
import { ED25519_TYPE } from "../../../core/log/index.ts";
import { LogClient } from "../../../providers/log-client.ts";
import { witnessOnce, type WitnessOutcome } from "../witness/witness-step.ts";
import { readVerifierKey } from "./log-trust.ts";
import { decimalNumber } from "../../../cli/numbers.ts";
import { CommandFailed, note, printJson, printText } from "../../../cli/output.ts";
import { globals } from "../../../cli/session.ts";
import { createWitnessKeyFile, readWitnessKeyFile, readWitnessStateFile, writeWitnessStateFile } from "./witness-files.ts";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { collect } from "../../../cli/parse.ts";
import { portNumber } from "../../../cli/numbers.ts";
import { createWitnessApp } from "../witness/witness-server.ts";
import type { NoteVerifier } from "../../../core/log/index.ts";

interface ServeOptions {
  name?: string;
  keyFile?: string;
  log: string[];
  stateDir?: string;
  port: number;
  host: string;
}

/** `witness serve`: logs push their checkpoints (c2sp.org/tlog-witness), one state file per log origin. */
async function serveWitness(options: ServeOptions): Promise<void> {
  const name = need(options.name, "--name");
  const key = readWitnessKeyFile(need(options.keyFile, "--key-file"), name);
  if (options.log.length === 0) throw new PolyphonyError("invalid_input", "name at least one log to witness with --log <verifier key>", { field: "--log" });
  const logs = new Map<string, NoteVerifier[]>();
  for (const vkey of options.log) {
    const verifier = readVerifierKey(vkey, ED25519_TYPE, "--log");
    logs.set(verifier.name, [...(logs.get(verifier.name) ?? []), verifier]);
  }
  const stateDir = options.stateDir ?? `${options.keyFile}.states`;
  mkdirSync(stateDir, { recursive: true });
  const fileOf = (origin: string) => join(stateDir, `${encodeURIComponent(origin)}.json`);
  const app = createWitnessApp({
    logs,
    cosigner: key.cosigner,
    state: { get: (origin) => readWitnessStateFile(fileOf(origin)), save: async (state) => writeWitnessStateFile(fileOf(state.origin), state) },
  });
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve());
    server.once("error", reject);
  });
  note(`witness ${name} (${key.verifierKey}) takes add-checkpoint on http://${options.host}:${options.port}/add-checkpoint for ${[...logs.keys()].join(", ")}; states in ${stateDir}`);
  await new Promise<never>(() => {});
}

interface WitnessOptions {
  logUrl?: string;
  logKey?: string;
  origin?: string;
  name?: string;
  keyFile?: string;
  state?: string;
  interval: number;
  once?: boolean;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new PolyphonyError("invalid_input", `the witness needs ${flag}`, { field: flag });
  return value;
}

/** Prints what a round did: the cosigned note on stdout, or both checkpoints as evidence of a fork. */
async function publish(outcome: WitnessOutcome, client: LogClient, json: boolean): Promise<void> {
  if (outcome.kind === "stale") {
    note(`the log's checkpoint (size ${outcome.size}) is older than the one already cosigned: nothing to sign`);
    if (json) printJson({ outcome: "stale", size: outcome.size });
    return;
  }
  if (outcome.kind === "refused") {
    if (json) printJson({ outcome: "refused", reason: outcome.reason, previous: outcome.previous, offered: outcome.offered });
    else printText(`previously cosigned checkpoint:\n${outcome.previous ?? "(none)\n"}\noffered checkpoint:\n${outcome.offered}`);
    throw new CommandFailed(`the witness refuses to cosign: ${outcome.reason}`);
  }
  const published = await client.submitCosignature(outcome.note);
  const where = published ? `published to ${client.baseUrl}` : `not published: ${client.baseUrl} takes no cosignatures`;
  if (json) printJson({ outcome: "cosigned", size: outcome.state.size, grewBy: outcome.grewBy, note: outcome.note, published });
  else printText(outcome.note);
  note(`cosigned size ${outcome.state.size} (+${outcome.grewBy}); ${where}`);
}

async function runWitness(options: WitnessOptions, command: Command): Promise<void> {
  const name = need(options.name, "--name");
  const client = new LogClient(need(options.logUrl, "--log-url"));
  const key = readWitnessKeyFile(need(options.keyFile, "--key-file"), name);
  const logKey = readVerifierKey(need(options.logKey, "--log-key"), ED25519_TYPE, "--log-key");
  const statePath = options.state ?? `${options.keyFile}.state.json`;
  const witness = { trust: { log: logKey, origin: options.origin ?? null, witnesses: [] }, cosigner: key.cosigner };
  const json = globals(command).json ?? false;
  note(`witness ${name} (${key.verifierKey}) watching ${client.baseUrl}; state in ${statePath}`);
  for (;;) {
    try {
      const outcome = await witnessOnce(client, witness, readWitnessStateFile(statePath), new Date());
      // The state is kept before the cosignature leaves: a witness must never forget what it signed.
      if (outcome.kind === "cosigned") writeWitnessStateFile(statePath, outcome.state);
      await publish(outcome, client, json);
    } catch (error) {
      if (options.once || error instanceof CommandFailed || !(error instanceof PolyphonyError) || error.code !== "upstream_failed") throw error;
      note(`witness: ${error.message}; trying again in ${options.interval} s`);
    }
    if (options.once) return;
    await new Promise((resolve) => setTimeout(resolve, options.interval * 1000));
  }
}

/** `polyphony witness`: cosigns a log's checkpoints after checking they extend what it cosigned before. */
export function registerWitnessCommands(program: Command) {
  const witness = program
    .command("witness")
    .description("watch a log and cosign its checkpoints (C2SP tlog-cosignature) once they are proven consistent")
    .option("--log-url <url>", "the log's server")
    .option("--log-key <vkey>", "the log's verifier key (`polyphony log key`)")
    .option("--origin <origin>", "the origin its checkpoints must name (default: the log key's name)")
    .option("--name <name>", "this witness's name, as in its key")
    .option("--key-file <file>", "this witness's key (`polyphony witness keygen`)")
    .option("--state <file>", "where it keeps the last checkpoint it cosigned (default: <key file>.state.json)")
    .option("--interval <seconds>", "seconds between rounds", decimalNumber("--interval", { min: 0, above: true, what: "a number of seconds" }), 60)
    .option("--once", "run one round and exit")
    .action((options: WitnessOptions, command: Command) => runWitness(options, command));
  witness
    .command("serve")
    .description("take checkpoints that logs push (C2SP tlog-witness add-checkpoint) and cosign those proven consistent")
    .option("--log <vkey>", "a log's verifier key to witness (repeatable)", collect, [])
    .option("--state-dir <dir>", "where it keeps the last checkpoint it cosigned per log (default: <key file>.states)")
    .option("--port <n>", "port to listen on", portNumber("--port"), 8788)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .action((_options: unknown, command: Command) => serveWitness(command.optsWithGlobals<ServeOptions>()));
  witness
    .command("keygen")
    .description("make a witness key (mode 0600) and print its cosignature verifier key")
    .option("--name <name>", "the witness's name, e.g. witness.example.org")
    .requiredOption("--out <file>", "where to write the private key")
    .action((_options: unknown, command: Command) => {
      // `witness` itself takes --name too, and commander gives it to the parent: read both.
      const options = command.optsWithGlobals<{ name?: string; out: string; json?: boolean }>();
      const name = need(options.name, "--name");
      const verifierKey = createWitnessKeyFile(name, options.out);
      if (options.json) printJson({ name, verifierKey, keyFile: options.out });
      else printText(verifierKey);
      note(`wrote ${options.out} (keep it private); give logs and verifiers the verifier key above`);
    });
}
