import { Command, CommanderError } from "commander";
import { registerCampaignCommands } from "./commands/campaign.ts";
import { registerCardCommands } from "./commands/cards.ts";
import { registerEraseCommand } from "./commands/erase.ts";
import { registerGraphCommands } from "./commands/graph.ts";
import { registerImportCommands } from "./commands/import.ts";
import { registerLogCommands } from "./commands/log.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTokenCommands } from "./commands/token.ts";
import { registerWitnessCommands } from "./commands/witness.ts";
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
