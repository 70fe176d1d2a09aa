import { Command } from "commander";
import { readPackageVersion } from "./version.ts";

/** The `polyphony` command itself, with its global options and no subcommands yet. */
export function createRootCommand(): Command {
  return new Command("polyphony")
    .description("Participatory alignment data: moral graphs, contributions in a tamper-evident log, exports for trainers.")
    .option("--data <dir>", "PGlite data folder (default ./polyphony-data; DATABASE_URL selects PostgreSQL instead)")
    .option("--json", "machine-readable output on stdout")
    .version(readPackageVersion(), "-V, --version", "print the version")
    .showHelpAfterError()
    .exitOverride();
}
