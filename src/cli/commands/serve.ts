import type { Command } from "commander";
import { DEFAULT_PORT, listen } from "../../http/server.ts";
import { closeOnSignal } from "../../store/close-on-signal.ts";
import { globals } from "../session.ts";
import { say } from "../output.ts";
import { ensureFirstResearcherToken } from "../../platform/auth/tokens.ts";
import { scheduleCheckpoints } from "../../platform/log/checkpoint-schedule.ts";

export function registerServeCommand(program: Command) {
  program
    .command("serve")
    .description("serve the web app and the API")
    .option("--port <n>", "port to listen on", (v) => Number.parseInt(v, 10), Number(process.env.PORT) || DEFAULT_PORT)
    .option("--host <host>", "interface to listen on", "0.0.0.0")
    .action(async (options: { port: number; host: string }, command: Command) => {
      const { openServices, readConfig } = await import("../../main.ts");
      const config = readConfig({ data: globals(command).data });
      const deps = await openServices(config);
      const tree = await deps.log.catchUp();
      const stopCheckpoints = scheduleCheckpoints(deps.log, config.checkpoints, deps.clock);
      const { server, port } = await listen(deps, options.port, options.host);
      // Stop taking requests and let those in flight finish before the store closes under them.
      const stopServing = () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ("closeIdleConnections" in server) server.closeIdleConnections();
        });
      closeOnSignal({
        close: async () => {
          stopCheckpoints();
          await stopServing();
          await deps.store.close();
        },
      });
      const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
      say(`Polyphony is serving on http://localhost:${port} (API under /api/v1, OpenAPI at /api/openapi.json); data: ${where}`);
      const first = await ensureFirstResearcherToken(deps);
      if (first) say(`No researcher token existed, so one was made (shown once; keep it):\n  ${first.token}`);
      say(config.llm ? `LLM provider: ${config.llm.model}` : "No LLM provider configured: participants use the card form.");
      say(`Contribution log ${deps.log.key.origin}: ${tree.size} entries; verifier key ${deps.log.key.verifierKey}`);
      await new Promise<never>(() => {});
    });
}
