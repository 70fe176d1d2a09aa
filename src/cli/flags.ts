import type { Command, Option } from "commander";

/**
 * Where an input field comes from on the command line. Commands validate their input with the
 * API's schemas, so errors name API fields (`title`, `externalId`, `questions/2`); people typed
 * flags (`--title`, `--external-id`, the third `--question`). The rule lives here, once: a field is
 * set by the option commander stores under the field's name, or under its singular (a repeatable
 * `--question` fills `questions`). A command whose whole input can come from a file declares that
 * file's option, and its fields are then named inside the file.
 */
const inputFiles = new WeakMap<Command, Option>();

/** Declares that the option `flag` (such as `--file`), when given, supplies the command's input as JSON. */
export function takesInputFile(command: Command, flag: string): void {
  const option = command.options.find((o) => o.long === flag);
  if (!option) throw new TypeError(`${command.name()} has no option ${flag}`);
  inputFiles.set(command, option);
}

function optionFor(command: Command, name: string): Option | undefined {
  const named = (n: string) => command.options.find((o) => o.long && o.attributeName() === n);
  return named(name) ?? (name.endsWith("s") ? named(name.slice(0, -1)) : undefined);
}

/**
 * What to call `field` of `command`'s input in an error: the flag that sets it, `FILE: field` when
 * the input came from a file, or the field itself when no flag sets it. Fields that already are
 * flags (`--key`) pass through. Null for a positional argument: the message quotes its value.
 */
export function describeField(command: Command | undefined, field: string): string | null {
  if (field.startsWith("--") || !command) return field;
  if (command.registeredArguments.some((a) => a.name() === field)) return null;
  const fileOption = inputFiles.get(command);
  const file: unknown = fileOption && command.getOptionValue(fileOption.attributeName());
  if (typeof file === "string") return `${file}: ${field}`;
  const [head = field, ...path] = field.split("/");
  const flag = optionFor(command, head)?.long;
  if (!flag) return field;
  const nth = path[0] !== undefined && /^\d+$/.test(path[0]) ? ` #${Number(path.shift()) + 1}` : "";
  return `${flag}${nth}${path.length > 0 ? ` (${path.join("/")})` : ""}`;
}
