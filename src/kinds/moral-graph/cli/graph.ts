import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { exportGraph } from "../graph-export.ts";
import { showGraph } from "../graph.ts";
import { ExportFormat, GraphQuery } from "../inputs.ts";
import { wholeNumber } from "../../../cli/numbers.ts";
import { emit, printJson } from "../../../cli/output.ts";
import { parseInput } from "../../../cli/parse.ts";
import { withServices } from "../../../cli/session.ts";

interface ShowOptions {
  campaign: string;
  method: string;
  context?: string;
  groupBy?: string;
  top: number;
}

export function registerGraphCommands(program: Command) {
  const graph = program.command("graph").description("compute and export moral graphs");
  graph
    .command("show")
    .description("the wisest values (per context with --context) and the edges between them")
    .requiredOption("--campaign <id>", "campaign id")
    .option("--method <method>", "polyphony (default, hierarchical Bradley–Terry), pagerank or mai-2023", "polyphony")
    .option("--context <id-or-name>", "only this context")
    .option("--group-by <key>", "a demographic question: report how many of its groups endorse each edge")
    .option("--top <n>", "values listed in the human summary", wholeNumber("--top", { min: 1 }), 10)
    .action((options: ShowOptions, command: Command) =>
      withServices(command, async (deps, g) => {
        const query = parseInput(GraphQuery, { method: options.method, context: options.context, groupBy: options.groupBy });
        const result = await showGraph(deps, options.campaign, query);
        emit(g, result, () =>
          [
            `${result.campaign.title} — ${result.method}: ${result.values.length} values, ${result.edges.length} edges from ${result.votes} votes`,
            ...result.values.slice(0, options.top).map((v, i) => `${String(i + 1).padStart(3)}. ${v.score.toFixed(4)}  ${v.title}  (${v.id})`),
          ].join("\n"),
        );
      }),
    );
  graph
    .command("export")
    .description("write the full graph (cards, edges, stories, per-context scores) as one JSON document")
    .requiredOption("--campaign <id>", "campaign id")
    .option("--format <format>", "polyphony (default) or mai (the shape MAI's viewer reads)", "polyphony")
    .option("--out <file>", "write to this file instead of stdout")
    .action((options: { campaign: string; format: string; out?: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const format = parseInput(ExportFormat, options.format, "format");
        const document = await exportGraph(deps, options.campaign, format);
        if (options.out) {
          writeFileSync(options.out, `${JSON.stringify(document, null, 2)}\n`);
          emit(g, { out: options.out }, () => `wrote ${options.out}`);
        } else printJson(document);
      }),
    );
}
