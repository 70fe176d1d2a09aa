import { stringify } from "yaml";
import type { DataFile, Manifest } from "./manifest.ts";
import { FAMILY, isTableFormat } from "./formats.ts";
import type { describeParticipants } from "./platform-tables.ts";
import type { KindCardText } from "./types.ts";

/** What the card says beyond the manifest. */
export interface CardFacts {
  readonly description: string;
  readonly license: string;
  readonly language: string;
  readonly minGroupSize: number;
  readonly participants: Awaited<ReturnType<typeof describeParticipants>>;
  /** Contributions moderation hid, by what they are (`vote: 3`). */
  readonly hidden: Readonly<Record<string, number>>;
  readonly erased: number;
  /** Rows that cite an entry whose opening is not published (erased, or holding left-out answers). */
  readonly tables: readonly { readonly name: string; readonly description: string; readonly columns: readonly { name: string; description: string }[] }[];
  readonly kind: KindCardText;
}

/** Hugging Face's size categories (huggingface.co/docs/hub/datasets-cards). */
export function sizeCategory(rows: number): string {
  const bands: [number, string][] = [[1e3, "n<1K"], [1e4, "1K<n<10K"], [1e5, "10K<n<100K"], [1e6, "100K<n<1M"], [1e7, "1M<n<10M"], [1e8, "10M<n<100M"]];
  return bands.find(([limit]) => rows < limit)?.[1] ?? "100M<n<1B";
}

function configs(manifest: Manifest) {
  if (isTableFormat(manifest.format)) {
    return manifest.files.map((file, i) => ({ config_name: file.table!, ...(i === 0 && { default: true }), data_files: [{ split: "train", path: file.path }] }));
  }
  return [{ config_name: "default", data_files: manifest.files.map((file) => ({ split: file.split!, path: file.path })) }];
}

/** The YAML front matter `datasets.load_dataset(DIR)` and the Hub read: license, tasks, languages, size, configs. */
export function frontMatter(manifest: Manifest, facts: CardFacts): string {
  const rows = manifest.files.reduce((sum, f) => sum + f.rows, 0);
  const family = isTableFormat(manifest.format) ? "tables" : FAMILY[manifest.format];
  const tags = ["polyphony", manifest.campaign.kind, manifest.format, ...(family === "preference" ? ["dpo", "preference"] : []), ...(manifest.synthetic ? ["synthetic"] : [])];
  return stringify({
    license: facts.license,
    language: [facts.language],
    pretty_name: manifest.campaign.title,
    task_categories: family === "tables" ? ["other"] : ["text-generation"],
    tags,
    size_categories: [sizeCategory(rows)],
    configs: configs(manifest),
  });
}

const fileLine = (f: DataFile) => `| \`${f.path}\` | ${f.split ?? f.table} | ${f.rows} | \`${f.sha256.slice(0, 16)}…\` |`;

function whoTookPart(facts: CardFacts): string[] {
  const lines = [`${facts.participants.participants} people took part.`];
  for (const q of facts.participants.questions) {
    const groups = q.groups.map((g) => `${g.answer}: ${g.count}`).join("; ");
    lines.push(`- ${q.question} — ${groups || "no group large enough to show"}${q.hidden > 0 ? `; ${q.hidden} not shown (no answer, or a group of fewer than ${facts.minGroupSize})` : ""}.`);
  }
  return lines;
}

function leftOut(facts: CardFacts, manifest: Manifest): string[] {
  const hidden = Object.entries(facts.hidden).filter(([, n]) => n > 0);
  return [
    `- Contributions hidden by moderation: ${hidden.length === 0 ? "none" : hidden.map(([what, n]) => `${n} ${what}`).join(", ")}.`,
    `- People whose content was erased on their request: ${facts.erased}. Their text is gone; their judgments without text stay, and the log entries of what was erased can no longer be opened.`,
    `- Demographic answers to free-text questions${facts.participants.freeText.length > 0 ? ` (${facts.participants.freeText.join(", ")})` : ""}, and any answer shared by fewer than ${facts.minGroupSize} people, are never included.`,
    "- No external identity (recruitment ids, emails) and no session data: participants are pseudonymous ids.",
    `- ${manifest.provenance.openings.lines} log entries are opened in \`${manifest.provenance.openings.path}\`; a row citing an entry not opened there (erased content, or a join whose answers are left out) is checked by its digest only.`,
  ];
}

/** The dataset card: YAML front matter, then what the data is, where it came from and how to check it. */
export function renderCard(manifest: Manifest, facts: CardFacts): string {
  const family = isTableFormat(manifest.format) ? "tables" : FAMILY[manifest.format];
  const rowMeaning = family === "tables"
    ? facts.tables.flatMap((t) => [`### \`${t.name}\``, "", `${facts.kind.rows[t.name] ?? t.description}`, "", "| column | meaning |", "|---|---|", ...t.columns.map((c) => `| \`${c.name}\` | ${c.description} |`), ""])
    : [facts.kind.rows[manifest.format === "trl-kto" ? "unpaired" : family] ?? "", ""];
  const size = /^(\d+)$/m.exec(manifest.checkpoint.split("\n")[1] ?? "")?.[1] ?? String(manifest.logSize);
  return [
    "---",
    frontMatter(manifest, facts).trimEnd(),
    "---",
    "",
    `# ${manifest.campaign.title}`,
    "",
    facts.description || `A ${manifest.campaign.kind} campaign run with Polyphony.`,
    "",
    `Format: \`${manifest.format}\`. Campaign \`${manifest.campaign.id}\` (${manifest.campaign.kind}), read at log size ${manifest.logSize}.`,
    ...(manifest.synthetic ? ["", `**Synthetic.** The responses were written by the language model \`${manifest.synthetic.model}\` (prompt templates SHA-256 \`${manifest.synthetic.template}\`), grounded in the values this campaign's participants found wisest; every row is marked in \`provenance/rows.jsonl\`.`] : []),
    "",
    "| file | split or table | rows | SHA-256 |",
    "|---|---|---|---|",
    ...manifest.files.map(fileLine),
    "",
    ...(family === "tables" ? [] : ["Splits are made by question (or scenario): every prompt of a group is in one split, so no test prompt is seen in training.", ""]),
    "## How the data was collected",
    "",
    facts.kind.collection,
    "",
    "## Who took part",
    "",
    ...whoTookPart(facts),
    "",
    "## What each row means",
    "",
    ...rowMeaning,
    "## What was left out",
    "",
    ...leftOut(facts, manifest),
    "",
    "## Known biases and limits",
    "",
    ...facts.kind.biases.map((b) => `- ${b}`),
    ...(manifest.synthetic ? ["- Synthetic responses carry the writing model's habits; a filter dropped lecturing and clichéd ones, not all of them."] : []),
    "",
    "## Provenance",
    "",
    `Every row cites the entries of the campaign's Merkle log it came from (\`${manifest.provenance.rows.path}\`), and \`manifest.json\` holds the signed checkpoint of ${size} entries the export was cut at. To check every row against the log:`,
    "",
    "```sh",
    "polyphony log export --out log.jsonl          # on the server, or read the log over HTTP with --url",
    "polyphony dataset verify . --entries log.jsonl --checkpoint checkpoint.txt --key-file log.vkey",
    "```",
    "",
  ].join("\n");
}
