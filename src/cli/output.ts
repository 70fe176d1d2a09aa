import { PolyphonyError } from "../core/errors.ts";

/** Global options every command takes. */
export interface GlobalOptions {
  data?: string;
  json?: boolean;
}

/** Machine-readable output goes to stdout; everything for people goes to stderr. */
export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function say(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Prints a command's result: JSON with --json, otherwise the human summary. */
export function emit(options: GlobalOptions, value: unknown, human: () => string) {
  if (options.json) printJson(value);
  else say(human());
}

/** Thrown by a command that has printed its verdict (a failed verification) and exits with `status`. */
export class CommandFailed extends Error {
  readonly status: number;

  constructor(message: string, status = 1) {
    super(message);
    this.name = "CommandFailed";
    this.status = status;
  }
}

/** Exit status for an error: 2 for bad input, 1 for everything else. */
export function reportError(error: unknown): number {
  if (error instanceof CommandFailed) {
    say(`polyphony: ${error.message}`);
    return error.status;
  }
  if (error instanceof PolyphonyError) {
    const where = error.field ? ` (${error.field})` : "";
    say(`polyphony: ${error.message}${where}`);
    return error.code === "invalid_input" || error.code === "malformed" || error.code === "not_found" || error.code === "conflict" ? 2 : 1;
  }
  if ((error as { code?: string }).code?.startsWith("commander.")) return 2;
  say(`polyphony: ${(error as Error).stack ?? String(error)}`);
  return 1;
}
