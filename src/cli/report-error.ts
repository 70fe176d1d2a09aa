import type { Command } from "commander";
import { PolyphonyError, type ErrorCode } from "../core/errors.ts";
import { describeField } from "./flags.ts";
import { CommandFailed, note } from "./output.ts";

/** Codes that mean the command was called wrongly: exit status 2, as for a usage error. */
const BAD_INPUT: ReadonlySet<ErrorCode> = new Set(["invalid_input", "malformed", "not_found", "conflict"]);

/** The one line that says what went wrong, naming the flag (or file field) at fault. */
export function describeError(error: PolyphonyError, command?: Command): string {
  if (!error.field) return error.message;
  const where = describeField(command, error.field);
  return where === null || error.message.includes(where) ? error.message : `${where}: ${error.message}`;
}

/**
 * Prints an error on stderr and returns the exit status: 2 for bad input, 1 for everything else.
 * `command` is the command that was running, whose flags the message names.
 */
export function reportError(error: unknown, command?: Command): number {
  if (error instanceof CommandFailed) {
    note(`polyphony: ${error.message}`);
    return error.status;
  }
  if (error instanceof PolyphonyError) {
    note(`polyphony: ${describeError(error, command)}`);
    return BAD_INPUT.has(error.code) ? 2 : 1;
  }
  if ((error as { code?: string }).code?.startsWith("commander.")) return 2;
  note(`polyphony: ${(error as Error).stack ?? String(error)}`);
  return 1;
}
