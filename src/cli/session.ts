import type { Command } from "commander";
import type { ServiceDeps } from "../platform/deps.ts";
import type { GlobalOptions } from "./output.ts";

/**
 * Opens the services one command works with. The composition root (src/cli/index.ts) provides it,
 * so that the command modules of the platform and of each kind never reach the kind registry.
 */
export type OpenServices = (options: GlobalOptions) => Promise<ServiceDeps>;

const openers = new WeakMap<Command, OpenServices>();

/** Tells every command under `program` how to open its services. */
export function provideServices(program: Command, open: OpenServices): void {
  openers.set(program, open);
}

function openerOf(command: Command): OpenServices {
  for (let at: Command | null = command; at !== null; at = at.parent) {
    const open = openers.get(at);
    if (open) return open;
  }
  throw new Error(`"${command.name()}" runs outside a program that provides services (src/cli/index.ts createProgram)`);
}

/** The global options of whichever command is running. */
export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** Opens the store for one command, runs it, and always closes the store. */
export async function withServices<T>(command: Command, work: (deps: ServiceDeps, options: GlobalOptions) => Promise<T>): Promise<T> {
  const options = globals(command);
  const deps = await openerOf(command)(options);
  try {
    return await work(deps, options);
  } finally {
    await deps.store.close();
  }
}
