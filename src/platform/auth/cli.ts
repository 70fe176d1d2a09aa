import type { Command } from "commander";
import { createResearcherToken, listResearcherTokens, revokeResearcherToken } from "./tokens.ts";
import { emit } from "../../cli/output.ts";
import { withServices } from "../../cli/session.ts";

export function registerTokenCommands(program: Command) {
  const token = program.command("token").description("researcher tokens for the API");
  token
    .command("create")
    .description("create a researcher token (shown once)")
    .option("--name <name>", "who or what the token is for", "researcher")
    .action((options: { name: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const created = await createResearcherToken(deps, options.name);
        emit(g, { token: created }, () => `Researcher token for ${created.name} (${created.id}); keep it, it is shown once:\n${created.token}`);
      }),
    );
  token
    .command("list")
    .description("list researcher tokens (not their secrets)")
    .action((_options: unknown, command: Command) =>
      withServices(command, async (deps, g) => {
        const tokens = await listResearcherTokens(deps);
        emit(g, { tokens }, () => tokens.map((t) => `${t.id}  ${t.name}${t.revokedAt ? "  (revoked)" : ""}`).join("\n") || "no tokens");
      }),
    );
  token
    .command("revoke <id>")
    .description("revoke a researcher token")
    .action((id: string, _options: unknown, command: Command) =>
      withServices(command, async (deps, g) => {
        await revokeResearcherToken(deps, id);
        emit(g, { revoked: id }, () => `revoked ${id}`);
      }),
    );
}
