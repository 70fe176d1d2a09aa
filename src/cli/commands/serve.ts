import type { AddressInfo } from "node:net";
import type { Command } from "commander";
import { PolyphonyError } from "../../core/errors.ts";
import { DEFAULT_PORT, listen } from "../../http/server.ts";
import { closeOnSignal } from "../../store/close-on-signal.ts";
import type { Store } from "../../store/open.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { globals } from "../session.ts";
import { note } from "../output.ts";
import { portNumber } from "../numbers.ts";
import { ensureFirstResearcherToken } from "../../platform/auth/tokens.ts";
import { scheduleCheckpoints } from "../../platform/log/checkpoint-schedule.ts";
import { scheduleWitnessPushes } from "../../platform/log/witness/push.ts";

/** Only this machine reaches the server unless the operator says otherwise with --host. */
const DEFAULT_HOST = "127.0.0.1";

/** Why the server could not listen, in one line naming the flag to change. */
function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): PolyphonyError {
  const cause = { cause: error };
  switch (error.code) {
    case "EADDRINUSE":
      return new PolyphonyError("unavailable", `port ${port} on ${host} is in use already; choose another with --port`, { field: "--port", ...cause });
    case "EACCES":
      return new PolyphonyError("unavailable", `no permission to listen on port ${port}; choose one above 1023`, { field: "--port", ...cause });
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new PolyphonyError("invalid_input", `cannot listen on ${JSON.stringify(host)}: no interface of this machine has that address`, { field: "--host", ...cause });
    case undefined:
    default:
      return new PolyphonyError("unavailable", `cannot listen on ${host}:${port}: ${error.message}`, cause);
  }
}

/** The URL of the address the server really listens on (IPv6 addresses in brackets). */
function urlOf(address: AddressInfo): string {
  const host = address.family === "IPv6" || address.address.includes(":") ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Catches the log up and listens. If it cannot, the store is closed, so that nothing keeps the
 * process alive and it exits with the one line that says why.
 */
async function startListening(deps: ServiceDeps & { store: Store }, port: number, host: string) {
  try {
    const tree = await deps.log.catchUp();
    const { server } = await listen(deps, port, host);
    return { server, tree };
  } catch (error) {
    await deps.store.close();
    const syscall = (error as NodeJS.ErrnoException).syscall;
    throw syscall === "listen" || syscall === "getaddrinfo" ? listenFailure(error as NodeJS.ErrnoException, host, port) : error;
  }
}

export function registerServeCommand(program: Command) {
  program
    .command("serve")
    .description("serve the web app and the API")
    .option("--port <n>", `port to listen on (default: PORT, else ${DEFAULT_PORT})`, portNumber("--port"))
    .option("--host <host>", "interface to listen on; 0.0.0.0 for every interface", DEFAULT_HOST)
    .action(async (options: { port?: number; host: string }, command: Command) => {
      const port = options.port ?? (process.env.PORT ? portNumber("PORT")(process.env.PORT) : DEFAULT_PORT);
      const { openServices, readConfig } = await import("../../main.ts");
      const config = readConfig({ data: globals(command).data });
      const deps = await openServices(config);
      const { server, tree } = await startListening(deps, port, options.host);
      const stopCheckpoints = scheduleCheckpoints(deps.log, config.checkpoints, deps.clock);
      const stopPushes = scheduleWitnessPushes(deps, config.logWitnessUrls, config.checkpoints.seconds);
      // Stop taking requests and let those in flight finish before the store closes under them.
      const stopServing = () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ("closeIdleConnections" in server) server.closeIdleConnections();
        });
      closeOnSignal({
        close: async () => {
          stopCheckpoints();
          stopPushes();
          await stopServing();
          await deps.store.close();
        },
      });
      const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
      note(`Polyphony is serving on ${urlOf(server.address() as AddressInfo)} (API under /api/v1, reference at /api/docs); data: ${where}`);
      const first = await ensureFirstResearcherToken(deps);
      if (first) note(`No researcher token existed, so one was made (shown once; keep it):\n  ${first.token}`);
      note(config.llm ? `LLM provider: ${config.llm.model}` : "No LLM provider configured: participants use the card form.");
      note(`Contribution log ${deps.log.key.origin}: ${tree.size} entries; verifier key ${deps.log.key.verifierKey}`);
      // Built now, in a child process, rather than by the first similar-cards request, which waits
      // for this same build if it comes sooner.
      config.prepareEmbedder().then(
        (built) => built && note("Word vectors for similar cards are cached now."),
        (error: unknown) => note(`Similar cards are unavailable: ${(error as Error).message}`),
      );
      await new Promise<never>(() => {});
    });
}
