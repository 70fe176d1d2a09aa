import { Command, CommanderError } from "commander";
import { reportError } from "./report-error.ts";
import { createRootCommand } from "./root.ts";

/**
 * The top-level commands as `polyphony --help` lists them. Loading the command modules pulls in
 * the store, the HTTP server and every kind (about a second), so `--help`, `--version` and a
 * mistyped command are answered from this table alone; a test checks that it matches the tree
 * src/cli/index.ts builds.
 */
const TOP_LEVEL: readonly { term: string; description: string }[] = [
  { term: "serve [options]", description: "serve the web app and the API" },
  { term: "token", description: "researcher tokens for the API" },
  { term: "campaign", description: "create and inspect campaigns" },
  { term: "cards", description: "canonical values cards: list, find similar, merge, undo" },
  { term: "import", description: "import a deliberation from another tool" },
  { term: "graph", description: "compute and export moral graphs" },
  { term: "scenarios", description: "scenario rankings: results and BIG-bench tasks" },
  { term: "log", description: "the tamper-evident log of every contribution and action" },
  { term: "witness [options]", description: "watch a log and cosign its checkpoints (C2SP tlog-cosignature) once they are proven consistent" },
  { term: "erase [options]", description: "erase a participant's content on their request; their log entries stay, their content can no longer be checked" },
  { term: "participants", description: "the participants of a campaign" },
  { term: "dataset", description: "export a campaign for trainers (TRL, OpenAI, CSV, Parquet) and verify exports against the log" },
  { term: "finetune", description: "fine-tune a model on an exported dataset: an OpenAI-compatible job, or a TRL script for a local GPU" },
];

/**
 * The root command with a stand-in for each top-level command: a stand-in takes any arguments
 * and calls `onCommand`, after which the whole tree parses the same arguments again.
 */
export function createLazyProgram(onCommand: () => void = () => {}): Command {
  const program = createRootCommand().helpCommand(false);
  const terms = new Map<string, string>();
  const standIn = (term: string, description: string) => {
    const name = term.split(" ")[0]!;
    terms.set(name, term);
    return program.command(name).description(description).helpOption(false).allowUnknownOption().allowExcessArguments();
  };
  for (const { term, description } of TOP_LEVEL) standIn(term, description).action(onCommand);
  // commander's own help command, which would print a stand-in's help rather than the command's.
  standIn("help [command]", "display help for command").action((_options: unknown, command: Command) => {
    if (command.args.length === 0) program.help();
    onCommand();
  });
  return program.configureHelp({ subcommandTerm: (command) => terms.get(command.name())! });
}

/** Runs the CLI and returns the exit status. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let named = false;
  let running: Command | undefined;
  try {
    await createLazyProgram(() => (named = true)).parseAsync([...argv]);
    if (!named) return 0;
    const { createProgram } = await import("./index.ts");
    // The command whose action runs, so that an error names that command's flags.
    const program = createProgram().hook("preAction", (_program, action) => {
      running = action;
    });
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, running);
  }
}
