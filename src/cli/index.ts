import { Command, CommanderError } from "commander";
import { registerCampaignCommands } from "../platform/campaigns/cli.ts";
import { registerEraseCommand } from "../platform/erasure/cli.ts";
import { KINDS } from "../kinds/index.ts";
import { registerLogCommands } from "../platform/log/cli/log.ts";
import { registerParticipantCommands } from "../platform/participants/cli.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTokenCommands } from "../platform/auth/cli.ts";
import { registerWitnessCommands } from "../platform/log/cli/witness.ts";
import { reportError } from "./report-error.ts";
import { provideServices } from "./session.ts";
import { readPackageVersion } from "./version.ts";

/** Builds the `polyphony` command tree. */
export function createProgram(): Command {
  const program = new Command("polyphony")
    .description("Participatory alignment data: moral graphs, contributions in a tamper-evident log, exports for trainers.")
    .option("--data <dir>", "PGlite data folder (default ./polyphony-data; DATABASE_URL selects PostgreSQL instead)")
    .option("--json", "machine-readable output on stdout")
    .version(readPackageVersion(), "-V, --version", "print the version")
    .showHelpAfterError()
    .exitOverride();
  provideServices(program, async (options) => {
    // Loaded on use: commands that need no store (log verify, witness) start without the database driver.
    const { openServices, readConfig } = await import("../main.ts");
    return openServices(readConfig({ data: options.data }));
  });
  registerServeCommand(program);
  registerTokenCommands(program);
  registerCampaignCommands(program, KINDS);
  for (const kind of KINDS.all) kind.commands(program);
  registerLogCommands(program);
  registerWitnessCommands(program);
  registerEraseCommand(program);
  registerParticipantCommands(program);
  return program;
}

/** Runs the CLI and returns the exit status. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let running: Command | undefined;
  // The command whose action runs, so that an error names that command's flags.
  const program = createProgram().hook("preAction", (_program, action) => {
    running = action;
  });
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, running);
  }
}
