import type { Command } from "commander";
import type { ServiceDeps } from "../platform/deps.ts";
import type { GlobalOptions } from "./output.ts";

/** The global options of whichever command is running. */
export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/** Opens the store for one command, runs it, and always closes the store. */
export async function withServices<T>(command: Command, work: (deps: ServiceDeps, options: GlobalOptions) => Promise<T>): Promise<T> {
  const options = globals(command);
  // Loaded on use: commands that need no store (log verify, witness) start without the database driver.
  const { openServices, readConfig } = await import("../main.ts");
  const deps = await openServices(readConfig({ data: options.data }));
  try {
    return await work(deps, options);
  } finally {
    await deps.store.close();
  }
}
