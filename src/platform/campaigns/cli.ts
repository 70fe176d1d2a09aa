import { Option, type Command } from "commander";
import { createCampaign, describeCampaign, listCampaigns, type CampaignView, type CreateCampaign } from "./campaigns.ts";
import { campaignSchemas } from "./inputs.ts";
import type { CampaignKind, KindRegistry } from "../kind.ts";
import { operator } from "../../cli/operator.ts";
import { emit } from "../../cli/output.ts";
import { takesInputFile } from "../../cli/flags.ts";
import { wholeNumber } from "../../cli/numbers.ts";
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

/** The settings a kind's flags set; a repeatable flag not given is an empty list. */
function kindSettings(kind: CampaignKind, options: Record<string, unknown>) {
  return Object.fromEntries(
    kind.campaign.flags.map((f) => {
      const value = options[new Option(f.flag).attributeName()];
      return [f.field, value ?? (f.repeatable ? [] : undefined)];
    }),
  );
}

function describe(kinds: KindRegistry, c: CampaignView) {
  return [`${c.id}  ${c.title}  (${c.kind}, ${c.status})`, ...kinds.get(c.kind).campaign.describe(c)].join("\n");
}

/** The campaign commands; `campaign create` takes the flags of every registered kind's settings. */
export function registerCampaignCommands(program: Command, kinds: KindRegistry) {
  const flags = new Map(kinds.all.flatMap((kind) => kind.campaign.flags.map((f) => [f.flag, f] as const)));
  const campaign = program.command("campaign").description("create and inspect campaigns");
  const create = campaign
    .command("create")
    .description(`create a campaign (kinds: ${kinds.all.map((k) => k.id).join(", ")})`)
    .addOption(new Option("--kind <kind>", "the campaign's kind").choices(kinds.all.map((k) => k.id)).default(kinds.default.id))
    .option("--file <campaign.json>", "read the campaign from a JSON file (the API's CreateCampaign shape)")
    .option("--title <title>", "the campaign's title")
    .option("--description <text>", "what the campaign is about")
    .option("--consent <text>", "consent text participants read before joining")
    .option("--demographic <spec>", "key:question[:opt|opt…][:required] (repeatable)", collect)
    .addOption(new Option("--results <who>", "who may read the results: anyone, or researchers with a token").choices(["public", "token"]))
    .option("--min-group-size <n>", "public views show no group of fewer people (default 5)", wholeNumber("--min-group-size", { min: 2, max: 1000 }));
  for (const f of flags.values()) {
    if (f.repeatable) create.option(f.flag, f.description, collect);
    else create.option(f.flag, f.description);
  }
  create.action((options: Record<string, string | string[] | number | undefined>, command: Command) =>
      withServices(command, async (deps, g) => {
        const raw = options.file
          ? readJsonFile(options.file as string)
          : {
              kind: options.kind,
              title: options.title,
              description: options.description,
              consent: options.consent,
              resultsVisibility: options.results,
              minGroupSize: options.minGroupSize,
              ...kindSettings(kinds.get(options.kind as string), options),
              demographics: ((options.demographic as string[] | undefined) ?? []).map(parseDemographic),
            };
        const { campaign: created, receipt } = await createCampaign(deps, operator(), parseInput(campaignSchemas(kinds).create, raw) as CreateCampaign);
        emit(g, { campaign: created, receipt }, () => `created campaign\n${describe(kinds, created)}\n  log entry ${receipt.index}`);
      }),
  );
  takesInputFile(create, "--file");
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
        const found = await describeCampaign(deps.store.db, kinds, id);
        emit(g, { campaign: found }, () => describe(kinds, found));
      }),
    );
}
