import { Command, CommanderError } from "commander";
import { registerCampaignCommands } from "../platform/campaigns/cli.ts";
import { registerCardCommands } from "../kinds/moral-graph/cli/cards.ts";
import { registerEraseCommand } from "../platform/erasure/cli.ts";
import { registerGraphCommands } from "../kinds/moral-graph/cli/graph.ts";
import { registerImportCommands } from "../kinds/moral-graph/cli/import.ts";
import { registerLogCommands } from "../platform/log/cli/log.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTokenCommands } from "../platform/auth/cli.ts";
import { registerWitnessCommands } from "../platform/log/cli/witness.ts";
import { reportError } from "./output.ts";

/** Builds the `polyphony` command tree. */
export function createProgram(): Command {
  const program = new Command("polyphony")
    .description("Participatory alignment data: moral graphs, contributions in a tamper-evident log, exports for trainers.")
    .option("--data <dir>", "PGlite data folder (default ./polyphony-data; DATABASE_URL selects PostgreSQL instead)")
    .option("--json", "machine-readable output on stdout")
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerTokenCommands(program);
  registerCampaignCommands(program);
  registerCardCommands(program);
  registerImportCommands(program);
  registerGraphCommands(program);
  registerLogCommands(program);
  registerWitnessCommands(program);
  registerEraseCommand(program);
  return program;
}

/** Runs the CLI and returns the exit status. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error);
  }
}
