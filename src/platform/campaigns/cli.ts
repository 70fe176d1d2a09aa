import type { Command } from "commander";
import { createCampaign, getCampaign, listCampaigns, type CampaignView } from "./campaigns.ts";
import { CreateCampaign } from "../schemas.ts";
import { operator } from "../../cli/operator.ts";
import { emit } from "../../cli/output.ts";
import { collect, parseInput, readJsonFile } from "../../cli/parse.ts";
import { withServices } from "../../cli/session.ts";

/** `key:question[:option|option…][:required]` → a demographic question. */
function parseDemographic(spec: string) {
  const [key, question, options, required] = spec.split(":");
  return {
    key,
    question,
    ...(options ? { options: options.split("|") } : {}),
    ...(required === "required" ? { required: true } : {}),
  };
}

function describe(c: CampaignView) {
  return [
    `${c.id}  ${c.title}  (${c.kind}, ${c.status})`,
    ...c.questions.map((q) => `  question ${q.id}: ${q.text}`),
    ...c.contexts.map((x) => `  context  ${x.id}: ${x.name}`),
  ].join("\n");
}

export function registerCampaignCommands(program: Command) {
  const campaign = program.command("campaign").description("create and inspect campaigns");
  campaign
    .command("create")
    .description("create a moral-graph campaign")
    .option("--file <campaign.json>", "read the campaign from a JSON file (the API's CreateCampaign shape)")
    .option("--title <title>", "the campaign's title")
    .option("--description <text>", "what the campaign is about")
    .option("--consent <text>", "consent text participants read before joining")
    .option("--question <text>", "a question participants answer with values cards (repeatable)", collect)
    .option("--context <name>", "a context such as \"When in distress\" (repeatable)", collect)
    .option("--demographic <spec>", "key:question[:opt|opt…][:required] (repeatable)", collect)
    .action((options: Record<string, string | string[] | undefined>, command: Command) =>
      withServices(command, async (deps, g) => {
        const raw = options.file
          ? readJsonFile(options.file as string)
          : {
              kind: "moral-graph",
              title: options.title,
              description: options.description,
              consent: options.consent,
              questions: options.question ?? [],
              contexts: options.context ?? [],
              demographics: ((options.demographic as string[] | undefined) ?? []).map(parseDemographic),
            };
        const { campaign: created, receipt } = await createCampaign(deps, operator(), parseInput(CreateCampaign, raw));
        emit(g, { campaign: created, receipt }, () => `created campaign\n${describe(created)}\n  log entry ${receipt.index}`);
      }),
    );
  campaign
    .command("list")
    .description("list campaigns")
    .action((_o: unknown, command: Command) =>
      withServices(command, async (deps, g) => {
        const campaigns = await listCampaigns(deps);
        emit(g, { campaigns }, () => campaigns.map((c) => `${c.id}  ${c.title}  (${c.kind}, ${c.status})`).join("\n") || "no campaigns");
      }),
    );
  campaign
    .command("show <id>")
    .description("show a campaign with its questions and contexts")
    .action((id: string, _o: unknown, command: Command) =>
      withServices(command, async (deps, g) => {
        const found = await getCampaign(deps.store.db, id);
        emit(g, { campaign: found }, () => describe(found));
      }),
    );
}
