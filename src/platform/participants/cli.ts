import type { Command } from "commander";
import { listParticipants, type ParticipantSummary } from "./list.ts";
import { emit } from "../../cli/output.ts";
import { withServices } from "../../cli/session.ts";

function describe(p: ParticipantSummary): string {
  return [
    p.id,
    `joined ${p.joinedAt.toISOString()}`,
    `external-id ${p.externalId ?? "-"}`,
    `public-key ${p.publicKey ?? "-"}`,
    ...(p.erased ? ["(erased)"] : []),
  ].join("  ");
}

/** `polyphony participants …`: who took part, to find the id `polyphony erase` takes. */
export function registerParticipantCommands(program: Command) {
  const participants = program.command("participants").description("the participants of a campaign");
  participants
    .command("list")
    .description("list a campaign's participants: id, when they joined, external id, public key, whether erased")
    .requiredOption("--campaign <id>", "campaign id")
    .action((options: { campaign: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const list = await listParticipants(deps.store.db, options.campaign);
        emit(g, { participants: list.map((p) => ({ ...p, joinedAt: p.joinedAt.toISOString() })) }, () => list.map(describe).join("\n") || "no participants");
      }),
    );
}
