import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { RESEARCHER_VIEW } from "../../../platform/campaigns/group-privacy.ts";
import { createCampaign, getCampaign } from "../../../platform/campaigns/campaigns.ts";
import { campaignSchemas } from "../../../platform/campaigns/inputs.ts";
import { operator } from "../../../cli/operator.ts";
import { emit, printJson } from "../../../cli/output.ts";
import { parseInput, readJsonFile } from "../../../cli/parse.ts";
import { withServices } from "../../../cli/session.ts";
import { BigBenchInput, exportBigBench, scenariosFromBigBench } from "../bigbench.ts";
import { computeResults } from "../results.ts";

const fixed = (x: number | null, digits = 3) => (x === null ? "—" : x.toFixed(digits));

/** `polyphony scenarios …`: results, and BIG-bench tasks in and out. */
export function registerScenarioCommands(program: Command) {
  const scenarios = program.command("scenarios").description("scenario rankings: results and BIG-bench tasks");
  scenarios
    .command("results")
    .description("per scenario: consensus order (ranked pairs, Schulze), Plackett–Luce scores with 80% intervals, agreement; rater reliability")
    .requiredOption("--campaign <id>", "campaign id")
    .action((options: { campaign: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const results = await computeResults(deps.store.db, options.campaign, RESEARCHER_VIEW);
        emit(g, results, () =>
          results.scenarios
            .flatMap((s) => {
              if (s.suppressed) return [`${s.id}  ${s.rankings} rankings (suppressed)`];
              const label = new Map(s.scores.map((b) => [b.behaviour, b]));
              return [
                `${s.id}  ${s.rankings} rankings, ${s.skips} skips; W ${fixed(s.agreement.kendallW)}, α ${fixed(s.agreement.krippendorffAlpha)}`,
                ...s.rankedPairs.map((p) => {
                  if (p.behaviour === null) return `  ${String(p.rank + 1).padStart(3)}. ── acceptable above this line ──`;
                  const b = label.get(p.behaviour)!;
                  return `  ${String(p.rank + 1).padStart(3)}. ${fixed(b.score)} [${fixed(b.low)}, ${fixed(b.high)}]  ${b.description.slice(0, 70)}  (${b.behaviour})`;
                }),
              ];
            })
            .concat((results.raters ?? []).filter((r) => r.flagged).map((r) => `flagged rater ${r.participant}: agreement ${fixed(r.agreement)}, gold ${fixed(r.goldAccuracy)}`))
            .join("\n"),
        );
      }),
    );
  scenarios
    .command("export-big-bench")
    .description("write the campaign as a BIG-bench JSON task (imported scores kept, others from the consensus)")
    .requiredOption("--campaign <id>", "campaign id")
    .option("--out <file>", "write to this file instead of stdout")
    .action((options: { campaign: string; out?: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const { title } = await getCampaign(deps.store.db, options.campaign);
        const task = await exportBigBench(deps.store.db, options.campaign, title, RESEARCHER_VIEW);
        if (!options.out) return printJson(task);
        writeFileSync(options.out, `${JSON.stringify(task, null, 2)}\n`);
        emit(g, { out: options.out, examples: task.examples.length }, () => `wrote ${task.examples.length} examples to ${options.out}`);
      }),
    );
  scenarios
    .command("import-big-bench")
    .description("create a scenarios campaign from a BIG-bench JSON task: each example a gold scenario, each target a behaviour keeping its score")
    .requiredOption("--file <task.json>", "the BIG-bench task")
    .option("--title <title>", "the campaign's title (default: the task's name)")
    .action((options: { file: string; title?: string }, command: Command) =>
      withServices(command, async (deps, g) => {
        const task = parseInput(BigBenchInput, readJsonFile(options.file), "file");
        const input = { kind: "scenarios", title: options.title ?? task.name ?? "BIG-bench task", description: task.description ?? "", scenarios: scenariosFromBigBench(task) };
        const create = parseInput(campaignSchemas(deps.kinds).create, input, "file") as Parameters<typeof createCampaign>[2];
        const { campaign } = await createCampaign(deps, operator(), create);
        emit(g, { campaign: campaign.id, scenarios: input.scenarios.length }, () => `created campaign ${campaign.id} with ${input.scenarios.length} scenarios`);
      }),
    );
}
