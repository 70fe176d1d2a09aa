/** Global options every command takes. */
export interface GlobalOptions {
  data?: string;
  json?: boolean;
}

// Results go to stdout, so that `polyphony … | grep` and `> file` get them and nothing else;
// diagnostics, warnings and progress go to stderr, for the person at the terminal.

/** Writes a result as indented JSON on stdout. */
export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a result for people on stdout. */
export function printText(text: string) {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Writes a diagnostic (what is happening, a warning) on stderr. */
export function note(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Prints a command's result on stdout: JSON with --json, otherwise the human summary. */
export function emit(options: GlobalOptions, value: unknown, human: () => string) {
  if (options.json) printJson(value);
  else printText(human());
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
