import { encodeBase64, type JsonValue } from "../../../core/log/index.ts";
import type { canonicalCards, cardEndorsements, stories, valuesCards, votes } from "../schema.ts";
import { campaignDraft, type CampaignView } from "../../../platform/campaigns/campaigns.ts";
import { toContent } from "../../../platform/log/contents.ts";
import { SYSTEM_AUTHOR, type EntryDraft } from "../../../platform/log/drafts.ts";
import { importSeed, signMessage, type Ed25519KeyPair } from "../../../platform/log/ed25519.ts";
import { formatSigningMessage } from "../../../platform/participants/participant-keys.ts";
import { storyDraft } from "../stories.ts";

/** Everything one import inserted, as inserted, with the keys the server made for its participants. */
export interface ImportedRows {
  readonly campaign: CampaignView;
  readonly canonicalCards: readonly (typeof canonicalCards.$inferInsert)[];
  readonly valuesCards: readonly (typeof valuesCards.$inferInsert)[];
  readonly participants: readonly { id: string; answers: Record<string, string>; key: Ed25519KeyPair }[];
  readonly stories: readonly (typeof stories.$inferInsert)[];
  readonly votes: readonly (typeof votes.$inferInsert)[];
  readonly endorsements: readonly (typeof cardEndorsements.$inferInsert)[];
}

/**
 * One entry for every record an import brings in, in the order the tables depend on each other.
 * Records keep their kinds from live contributions; `imported` in the body names the source, and
 * the content keeps the source's own times. A participant's records are signed with the key the
 * server made for them, as it signs for any participant without their own key.
 */
export function draftImportEntries(rows: ImportedRows, imported: string): EntryDraft[] {
  const campaign = rows.campaign.id;
  const participantKeys = new Map(rows.participants.map((p) => [p.id, { author: encodeBase64(p.key.publicKey), key: importSeed(p.key.seed) }]));
  const byParticipant = (participantId: string, kind: string, refs: Record<string, JsonValue>, content: JsonValue): EntryDraft => {
    const { author, key } = participantKeys.get(participantId)!;
    const signature = encodeBase64(signMessage(key, formatSigningMessage(campaign, kind, content)));
    return { kind, campaign, author, refs: { ...refs, imported }, content, signature, participant: participantId };
  };
  const bySystem = (kind: string, refs: Record<string, JsonValue>, content: JsonValue): EntryDraft => ({
    kind,
    campaign,
    author: SYSTEM_AUTHOR,
    refs: { ...refs, imported },
    content,
  });
  const cardContent = (c: (typeof canonicalCards.$inferInsert) | (typeof valuesCards.$inferInsert)) =>
    toContent({ question: c.questionId, title: c.title, description: c.description, policies: c.policies, externalRef: c.externalRef, createdAt: c.createdAt });
  return [
    campaignDraft("campaign_created", rows.campaign, SYSTEM_AUTHOR, { imported }),
    ...rows.canonicalCards.map((c) => bySystem("canonical_card", { card: c.id }, cardContent(c))),
    ...rows.valuesCards.map((c) => bySystem("values_card", { card: c.id, canonical: c.canonicalId ?? null }, toContent({ ...(cardContent(c) as object), canonical: c.canonicalId }))),
    ...rows.participants.map((p) => byParticipant(p.id, "participant_joined", { custody: "server" }, { answers: p.answers })),
    ...rows.stories.map((s) => {
      const draft = storyDraft(campaign, { id: s.id, from: s.fromId, to: s.toId, context: s.contextId, text: s.text, source: "import" }, SYSTEM_AUTHOR);
      return { ...draft, refs: { ...draft.refs, imported } };
    }),
    ...rows.votes.map((v) =>
      byParticipant(
        v.participantId,
        "vote",
        { vote: v.id, from: v.fromId, to: v.toId, context: v.contextId, replaced: false },
        toContent({ from: v.fromId, to: v.toId, context: v.contextId, relationship: v.relationship, comment: v.comment ?? undefined, createdAt: v.createdAt, updatedAt: v.updatedAt }),
      ),
    ),
    ...rows.endorsements.map((e) =>
      byParticipant(e.participantId, "card_endorsement", { endorsement: e.id, card: e.canonicalId, question: e.questionId ?? null }, toContent({ card: e.canonicalId, question: e.questionId, createdAt: e.createdAt })),
    ),
  ];
}
