import { getTableColumns, sql } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import type { Tx } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { votes } from "./schema.ts";
import { checkActiveCard } from "./cards.ts";
import type { ServiceDeps } from "../../platform/deps.ts";
import { checkOpenCampaign } from "../../platform/campaigns/guards.ts";
import { notAContext } from "./campaign-settings.ts";
import { newId } from "../../platform/ids.ts";
import type { BatchWriter, Written } from "../../platform/log/group-commit.ts";
import { signContribution, signWithKey } from "../../platform/participants/participant-keys.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { CastVote } from "./inputs.ts";

/** A vote as the participant sent it. */
interface VoteInput {
  readonly participant: Participant;
  readonly input: CastVote;
}

interface VoteView {
  id: string;
  from: string;
  to: string;
  context: string;
  relationship: CastVote["relationship"];
  comment: string | null;
  story: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What one query finds about each vote's campaign, context, cards, story and the voter's key. */
interface VoteFacts {
  status: string | null;
  context: boolean;
  from_hidden: Date | string | null;
  from_merged: string | null;
  from_found: boolean;
  to_hidden: Date | string | null;
  to_merged: string | null;
  to_found: boolean;
  story: boolean;
  public_key: string | null;
  private_key: Uint8Array | null;
}

async function readFacts(tx: Tx, votes: readonly VoteInput[]): Promise<VoteFacts[]> {
  const column = (pick: (v: VoteInput) => string | null) => sql`${sql.param(votes.map(pick))}::text[]`;
  const rows = rowsOf<VoteFacts & { i: number }>(
    await tx.execute(sql`
      SELECT k.i::int AS i, c.status, ctx.id IS NOT NULL AS context,
        f.id IS NOT NULL AS from_found, f.hidden_at AS from_hidden, f.merged_into AS from_merged,
        t.id IS NOT NULL AS to_found, t.hidden_at AS to_hidden, t.merged_into AS to_merged,
        s.id IS NOT NULL AS story, pk.public_key, pk.private_key
      FROM unnest(${column((v) => v.participant.campaignId)}, ${column((v) => v.input.context)}, ${column((v) => v.input.from)},
        ${column((v) => v.input.to)}, ${column((v) => v.input.story ?? null)}, ${column((v) => v.participant.id)})
        WITH ORDINALITY AS k(campaign, context, from_id, to_id, story, participant, i)
      LEFT JOIN campaigns c ON c.id = k.campaign
      LEFT JOIN contexts ctx ON ctx.id = k.context AND ctx.campaign_id = k.campaign
      LEFT JOIN canonical_cards f ON f.id = k.from_id AND f.campaign_id = k.campaign
      LEFT JOIN canonical_cards t ON t.id = k.to_id AND t.campaign_id = k.campaign
      LEFT JOIN stories s ON s.id = k.story AND s.campaign_id = k.campaign AND s.from_id = k.from_id AND s.to_id = k.to_id AND s.context_id = k.context
      LEFT JOIN participant_keys pk ON pk.participant_id = k.participant
      ORDER BY k.i`),
  );
  return rows;
}

const asCard = (found: boolean, hidden: Date | string | null, merged: string | null) => (found ? { hiddenAt: hidden === null ? null : new Date(hidden), mergedInto: merged } : undefined);

/** The checks and the signature of one vote, from what `readFacts` found; throws to refuse it. */
async function prepareVote(tx: Tx, { participant, input }: VoteInput, facts: VoteFacts, now: Date) {
  checkOpenCampaign(facts.status, participant.campaignId);
  if (!facts.context) throw notAContext(input.context);
  checkActiveCard(asCard(facts.from_found, facts.from_hidden, facts.from_merged), input.from, "from");
  checkActiveCard(asCard(facts.to_found, facts.to_hidden, facts.to_merged), input.to, "to");
  if (input.story !== undefined && !facts.story) throw invalid("story", "the story does not tell this upgrade in this context");
  const content = {
    from: input.from,
    to: input.to,
    context: input.context,
    relationship: input.relationship,
    ...(input.comment !== undefined && { comment: input.comment }),
    ...(input.story !== undefined && { story: input.story }),
  };
  const key = facts.public_key === null ? null : { publicKey: facts.public_key, privateKey: facts.private_key === null ? null : new Uint8Array(facts.private_key) };
  // A participant from before keys existed gets one now (signContribution makes it).
  const signed = key ? signWithKey(key, participant, "vote", content) : await signContribution(tx, participant, "vote", content, now);
  return { content, signed };
}

/**
 * Writes votes: one query checks them all, one statement per round stores them (a round holds
 * at most one vote per key, since a statement cannot change a row twice), and each is logged
 * under the participant's key, signed over its content.
 */
const voteWriter: BatchWriter<VoteInput, VoteView> = {
  async write(tx, now, inputs) {
    const facts = await readFacts(tx, inputs);
    // One after another: a participant from before keys existed gets one key, made by their first vote.
    const prepared: (Awaited<ReturnType<typeof prepareVote>> | Error)[] = [];
    for (const [i, vote] of inputs.entries()) prepared.push(await prepareVote(tx, vote, facts[i]!, now).catch((error: unknown) => error as Error));
    const results: (Written<VoteView> | Error)[] = prepared.map((p) => (p instanceof Error ? p : new Error("not written")));
    const keyOf = ({ participant, input }: VoteInput) => `${participant.id} ${input.from} ${input.to} ${input.context}`;
    const rounds: number[][] = [];
    const seen = new Map<string, number>();
    inputs.forEach((v, i) => {
      if (prepared[i] instanceof Error) return;
      const round = seen.get(keyOf(v)) ?? 0;
      seen.set(keyOf(v), round + 1);
      (rounds[round] ??= []).push(i);
    });
    for (const round of rounds) {
      const rows = await tx
        .insert(votes)
        .values(
          round.map((i) => {
            const { participant, input } = inputs[i]!;
            return {
              id: newId("vote"),
              campaignId: participant.campaignId,
              participantId: participant.id,
              fromId: input.from,
              toId: input.to,
              contextId: input.context,
              storyId: input.story ?? null,
              relationship: input.relationship,
              comment: input.comment ?? null,
              createdAt: now,
              updatedAt: now,
            };
          }),
        )
        .onConflictDoUpdate({
          target: [votes.participantId, votes.fromId, votes.toId, votes.contextId],
          set: {
            relationship: sql`excluded.relationship`,
            comment: sql`excluded.comment`,
            storyId: sql`excluded.story_id`,
            updatedAt: sql`excluded.updated_at`,
            // A new judgment is new content: moderation of the one it replaces does not carry over.
            hiddenAt: null,
            hiddenReason: null,
          },
        })
        // xmax is 0 on a freshly inserted row and set on one the conflict updated.
        .returning({ ...getTableColumns(votes), inserted: sql<boolean>`(xmax = 0)` });
      const byKey = new Map(rows.map((r) => [`${r.participantId} ${r.fromId} ${r.toId} ${r.contextId}`, r]));
      for (const i of round) {
        const { participant, input } = inputs[i]!;
        const { content, signed } = prepared[i] as Exclude<(typeof prepared)[number], Error>;
        const { inserted, ...vote } = byKey.get(keyOf(inputs[i]!))!;
        const refs = {
          vote: vote.id,
          from: input.from,
          to: input.to,
          context: input.context,
          ...(input.story !== undefined && { story: input.story }),
          replaced: !inserted,
        };
        results[i] = {
          drafts: [{ kind: "vote", campaign: participant.campaignId, author: signed.author, refs, content, signature: signed.signature, participant: participant.id }],
          value: {
            id: vote.id,
            from: vote.fromId,
            to: vote.toId,
            context: vote.contextId,
            relationship: vote.relationship,
            comment: vote.comment,
            story: vote.storyId,
            createdAt: vote.createdAt.toISOString(),
            updatedAt: vote.updatedAt.toISOString(),
          },
        };
      }
    }
    return results;
  },
};

/**
 * Records a participant's judgment of an upgrade from one canonical card to another in a context.
 * The key is (participant, from, to, context): voting again replaces the earlier vote. Each vote is
 * logged under the participant's key, signed over its content; a replacing vote says so. Votes
 * that arrive together are written together (voteWriter).
 */
export async function castVote(deps: ServiceDeps, participant: Participant, input: CastVote) {
  if (input.from === input.to) throw invalid("to", "an upgrade needs two different cards");
  const { value: vote, receipts } = await deps.log.commit({ writer: voteWriter, input: { participant, input } });
  return { vote, receipt: receipts[0]! };
}
