import type { Command } from "commander";
import { listCanonicalCards } from "../cards.ts";
import { listMerges, mergeCards, undoMerge } from "../merges.ts";
import { MergeCards } from "../inputs.ts";
import { proposeMerges } from "../similar-cards.ts";
import { operator } from "../../../cli/operator.ts";
import { emit } from "../../../cli/output.ts";
import { decimalNumber, wholeNumber } from "../../../cli/numbers.ts";
import { collect, parseInput } from "../../../cli/parse.ts";
import { withServices } from "../../../cli/session.ts";

export function registerCardCommands(program: Command) {
  const cards = program.command("cards").description("canonical values cards: list, find similar, merge, undo");
  cards
    .command("list")
    .requiredOption("--campaign <id>", "campaign id")
    .option("--include-merged", "also list cards merged into others")
    .action((options: { campaign: string; includeMerged?: boolean }, command: Command) =>
      withServices(command, async (deps, g) => {
        const list = await listCanonicalCards(deps.store.db, options.campaign, { includeMerged: options.includeMerged ?? false });
        emit(g, { cards: list }, () => list.map((c) => `${c.id}  ${c.title}${c.mergedInto ? `  → ${c.mergedInto}` : ""}`).join("\n") || "no cards");
      }),
    );
  cards
    .command("similar")
    .description("propose merges: pairs of cards whose texts are alike")
    .requiredOption("--campaign <id>", "campaign id")
    .option("--threshold <x>", "minimum cosine similarity, -1 to 1", decimalNumber("--threshold", { min: -1, max: 1, what: "a cosine similarity" }), 0.8)
    .option("--limit <n>", "at most this many pairs, 1 to 1000", wholeNumber("--limit", { min: 1, max: 1000 }), 50)
    .action((options: { campaign: string; threshold: number; limit: number }, command: Command) =>
      withServices(command, async (deps, g) => {
        const result = await proposeMerges(deps, options.campaign, options);
        emit(g, result, () =>
          result.proposals.map((p) => `${p.similarity.toFixed(3)}  ${p.cards[0].id} "${p.cards[0].title}"  ~  ${p.cards[1].id} "${p.cards[1].title}"`).join("\n") ||
          "no similar pairs above the threshold",
        );
      }),
    );
  cards
    .command("merge")
    .description("merge canonical cards into one")
    .requiredOption("--campaign <id>", "campaign id")
    .requiredOption("--into <id>", "the card that stays")
    .requiredOption("--from <id>", "a card merged into it (repeatable)", collect)
    .requiredOption("--reason <text>", "why they are the same value")
    .action((options: { campaign: string; into: string; from: string[]; reason: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const input = parseInput(MergeCards, { into: options.into, from: options.from, reason: options.reason });
        const { merge, receipt } = await mergeCards(deps, operator(), options.campaign, input);
        emit(g, { merge, receipt }, () => `merged ${merge.from.join(", ")} into ${merge.into} (${merge.id})`);
      }),
    );
  cards
    .command("undo-merge")
    .requiredOption("--campaign <id>", "campaign id")
    .requiredOption("--merge <id>", "the merge to undo")
    .requiredOption("--reason <text>", "why")
    .action((options: { campaign: string; merge: string; reason: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const { merge, receipt } = await undoMerge(deps, operator(), options.campaign, options.merge, options.reason);
        emit(g, { merge, receipt }, () => `undid merge ${merge.id}`);
      }),
    );
  cards
    .command("merges")
    .description("every merge, undone ones included")
    .requiredOption("--campaign <id>", "campaign id")
    .action((options: { campaign: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const list = await listMerges(deps, options.campaign);
        emit(g, { merges: list }, () => list.map((m) => `${m.id}  ${m.from.join(",")} → ${m.into}  ${m.reason}${m.undoneAt ? "  (undone)" : ""}`).join("\n") || "no merges");
      }),
    );
}
