import type { Command } from "commander";
import { invalid } from "../../core/errors.ts";
import { eraseParticipant } from "./erasure.ts";
import { EraseParticipant } from "../schemas.ts";
import { operator } from "../../cli/operator.ts";
import { emit } from "../../cli/output.ts";
import { parseInput } from "../../cli/parse.ts";
import { withServices } from "../../cli/session.ts";

interface EraseOptions {
  campaign: string;
  participant?: string;
  externalId?: string;
  publicKey?: string;
  reason: string;
}

export function registerEraseCommand(program: Command) {
  program
    .command("erase")
    .description("erase a participant's content on their request; their log entries stay, their content can no longer be checked")
    .requiredOption("--campaign <id>", "campaign id")
    .option("--participant <id>", "the participant's id")
    .option("--external-id <id>", "or the external id they joined with (e.g. a recruitment platform's)")
    .option("--public-key <base64>", "or their public key, as their log entries name them")
    .requiredOption("--reason <text>", "the request, for the record (e.g. \"asked by email on 3 May\")")
    .action((options: EraseOptions, command: Command) =>
      withServices(command, async (deps, g) => {
        // The API's schema checks this too, but its message names API fields, not these flags.
        const named = [options.participant, options.externalId, options.publicKey].filter((x) => x !== undefined);
        if (named.length !== 1) throw invalid("--participant", "name the person with exactly one of --participant, --external-id or --public-key");
        const input = parseInput(EraseParticipant, {
          participant: options.participant,
          externalId: options.externalId,
          publicKey: options.publicKey,
          reason: options.reason,
        });
        const result = await eraseParticipant(deps, operator(), options.campaign, input);
        emit(g, result, () => `erased participant ${result.erasure.participant}: ${result.erasure.openings} entries can no longer be opened; erasure logged as entry ${result.receipt.index}`);
      }),
    );
}
