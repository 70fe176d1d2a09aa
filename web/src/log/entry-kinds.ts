import { t } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/en.ts";

/** Log entry kinds in plain words; a kind the app does not know is shown as it is written. */
const KNOWN: Record<string, MessageKey> = {
  campaign_created: "log.kind.campaign_created",
  campaign_changed: "log.kind.campaign_changed",
  participant_joined: "log.kind.participant_joined",
  values_card: "log.kind.values_card",
  canonical_card: "log.kind.canonical_card",
  card_endorsement: "log.kind.card_endorsement",
  story: "log.kind.story",
  vote: "log.kind.vote",
  merge: "log.kind.merge",
  merge_undone: "log.kind.merge_undone",
  survey_answer: "log.kind.survey_answer",
  invites_created: "log.kind.invites_created",
  allowlist_changed: "log.kind.allowlist_changed",
  content_hidden: "log.kind.content_hidden",
  content_unhidden: "log.kind.content_unhidden",
  erasure: "log.kind.erasure",
};

export function describeKind(kind: string): string {
  const bare = kind.includes("/") ? kind.slice(kind.lastIndexOf("/") + 1) : kind;
  const key = KNOWN[bare];
  return key ? t(key) : kind;
}
