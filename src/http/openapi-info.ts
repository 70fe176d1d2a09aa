/** The OpenAPI document's `info` and tag descriptions; the paths come from the routes. */
export const OPENAPI_INFO = {
  title: "Polyphony API",
  version: "1",
  description:
    "Participatory alignment data: campaigns, values cards, upgrade votes and moral graphs. Every contribution is an entry " +
    "in a tamper-evident log; its receipt proves it is there. Errors are RFC 9457 problem documents.",
  license: { name: "Apache-2.0", identifier: "Apache-2.0" },
};

export const OPENAPI_TAGS = [
  { name: "Server", description: "What this server can do." },
  { name: "Campaigns", description: "Campaigns: what is asked, of whom, and how it is going." },
  { name: "Admission", description: "Who may join a campaign: invite codes and allowlists." },
  { name: "Participation", description: "What a participant does: join, write values cards, judge upgrades, answer the survey." },
  { name: "Curation", description: "What a researcher does with the cards: merge them and write upgrade stories." },
  { name: "Moderation", description: "Hiding contributions, and erasing a participant's content on their request." },
  { name: "Results", description: "The moral graph, its export and the legitimacy figures." },
  { name: "Datasets", description: "A campaign's data for trainers and analysts: raw tables as CSV and Parquet, and TRL and OpenAI fine-tuning sets with a dataset card and provenance." },
  { name: "Log", description: "The public, append-only contribution log: checkpoints, entries and proofs (docs/log-format.md)." },
];
