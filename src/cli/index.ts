import type { Command } from "commander";
import { registerCampaignCommands } from "../platform/campaigns/cli.ts";
import { registerEraseCommand } from "../platform/erasure/cli.ts";
import { KINDS } from "../kinds/index.ts";
import { registerLogCommands } from "../platform/log/cli/log.ts";
import { registerParticipantCommands } from "../platform/participants/cli.ts";
import { registerDatasetCommands } from "../datasets/cli.ts";
import { registerFinetuneCommands } from "../datasets/finetune/cli.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTokenCommands } from "../platform/auth/cli.ts";
import { registerWitnessCommands } from "../platform/log/cli/witness.ts";
import { createRootCommand } from "./root.ts";
import { provideServices } from "./session.ts";

/**
 * Builds the whole `polyphony` command tree. It loads every command module, so src/cli/run.ts
 * imports it only once a command is named.
 */
export function createProgram(): Command {
  const program = createRootCommand();
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
  registerDatasetCommands(program);
  registerFinetuneCommands(program);
  return program;
}
