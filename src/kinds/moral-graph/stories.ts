import { sql } from "drizzle-orm";
import { invalid } from "../../core/errors.ts";
import { writeUpgradeStory } from "./llm/story-writer.ts";
import type { Queryable } from "../../store/open.ts";
import { rowsOf } from "../../store/rows.ts";
import { stories } from "./schema.ts";
import { pickContent, requireActiveCard } from "./cards.ts";
import { requireLlm, type ServiceDeps } from "../../platform/deps.ts";
import { requireContext } from "./campaign-settings.ts";
import { newId } from "../../platform/ids.ts";
import { researcherAuthor, type EntryDraft } from "../../platform/log/drafts.ts";
import type { Participant } from "../../platform/participants/participants.ts";
import type { GenerateStories, WriteStory } from "./inputs.ts";
import type { Researcher } from "../../platform/auth/tokens.ts";

type StorySource = "researcher" | "llm" | "import";

/** The entry of a story: who had it written (its source says who wrote it) and its text as content. */
export function storyDraft(
  campaignId: string,
  story: { id: string; from: string; to: string; context: string; text: string; source: StorySource },
  author: string,
): EntryDraft {
  const { id, ...content } = story;
  return {
    kind: "story",
    campaign: campaignId,
    author,
    refs: { story: id, from: story.from, to: story.to, context: story.context, source: story.source },
    content,
  };
}

export async function insertStory(
  tx: Queryable,
  campaignId: string,
  story: { from: string; to: string; context: string; text: string; source: StorySource },
  now: Date,
) {
  const id = newId("sty");
  await tx.insert(stories).values({
    id,
    campaignId,
    fromId: story.from,
    toId: story.to,
    contextId: story.context,
    text: story.text,
    source: story.source,
    createdAt: now,
  });
  return { id, from: story.from, to: story.to, context: story.context, text: story.text, source: story.source };
}

async function requirePair(tx: Queryable, campaignId: string, input: { from: string; to: string; context: string }) {
  if (input.from === input.to) throw invalid("to", "an upgrade story needs two different cards");
  const context = await requireContext(tx, campaignId, input.context);
  const from = await requireActiveCard(tx, campaignId, input.from, "from");
  const to = await requireActiveCard(tx, campaignId, input.to, "to");
  return { context, from, to };
}

/** A researcher writes an upgrade story by hand. */
export async function writeStory(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: WriteStory) {
  const { value: story, receipts } = await deps.log.commit(
    async (tx, now) => {
      await requirePair(tx, campaignId, input);
      const written = await insertStory(tx, campaignId, { ...input, source: "researcher" }, now);
      return { value: written, drafts: [storyDraft(campaignId, written, researcherAuthor(researcher))] };
    },
    { alone: true },
  );
  return { story, receipt: receipts[0]! };
}

/**
 * Has the LLM write the story in both directions (A→B and B→A), so that voters, not the model,
 * decide which way the upgrade goes.
 */
export async function generateStories(deps: ServiceDeps, researcher: Researcher, campaignId: string, input: GenerateStories) {
  const llm = requireLlm(deps);
  const { context, from, to } = await requirePair(deps.store.db, campaignId, input);
  const [forward, backward] = await Promise.all([
    writeUpgradeStory(llm, { from: pickContent(from), to: pickContent(to), context: context.name }),
    writeUpgradeStory(llm, { from: pickContent(to), to: pickContent(from), context: context.name }),
  ]);
  const { value: written, receipts } = await deps.log.commit(
    async (tx, now) => {
    await requirePair(tx, campaignId, input);
    const a = await insertStory(tx, campaignId, { from: from.id, to: to.id, context: input.context, text: forward, source: "llm" }, now);
    const b = await insertStory(tx, campaignId, { from: to.id, to: from.id, context: input.context, text: backward, source: "llm" }, now);
    const author = researcherAuthor(researcher);
    return { value: [a, b], drafts: [storyDraft(campaignId, a, author), storyDraft(campaignId, b, author)] };
    },
    { alone: true },
  );
  return { stories: written, receipts };
}

export interface ServedStory {
  id: string;
  context: { id: string; name: string };
  from: { id: string; title: string; description: string; policies: string[] };
  to: { id: string; title: string; description: string; policies: string[] };
  text: string;
  votes: number;
}

/**
 * Stories for a participant to judge: edges with the fewest votes first, never one the
 * participant has already judged, one story per (from, to, context).
 */
export async function nextStories(deps: ServiceDeps, participant: Participant, limit: number): Promise<ServedStory[]> {
  const result = await deps.store.db.execute(sql`
    SELECT * FROM (
      SELECT DISTINCT ON (s.from_id, s.to_id, s.context_id)
        s.id, s.text, s.context_id, x.name AS context_name,
        a.id AS from_id, a.title AS from_title, a.description AS from_description, a.policies AS from_policies,
        b.id AS to_id, b.title AS to_title, b.description AS to_description, b.policies AS to_policies,
        (SELECT count(*) FROM votes v
          WHERE v.campaign_id = s.campaign_id AND v.from_id = s.from_id AND v.to_id = s.to_id
            AND v.context_id = s.context_id)::int AS votes
      FROM stories s
      JOIN canonical_cards a ON a.id = s.from_id AND a.merged_into IS NULL AND a.hidden_at IS NULL
      JOIN canonical_cards b ON b.id = s.to_id AND b.merged_into IS NULL AND b.hidden_at IS NULL
      JOIN contexts x ON x.id = s.context_id
      WHERE s.campaign_id = ${participant.campaignId} AND s.hidden_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM votes v
          WHERE v.participant_id = ${participant.id} AND v.from_id = s.from_id
            AND v.to_id = s.to_id AND v.context_id = s.context_id)
      ORDER BY s.from_id, s.to_id, s.context_id, s.created_at
    ) candidates
    ORDER BY votes ASC, md5(id || ${participant.id})
    LIMIT ${limit}`);
  return rowsOf(result).map((r) => ({
    id: r.id as string,
    text: r.text as string,
    votes: Number(r.votes),
    context: { id: r.context_id as string, name: r.context_name as string },
    from: {
      id: r.from_id as string,
      title: r.from_title as string,
      description: r.from_description as string,
      policies: r.from_policies as string[],
    },
    to: {
      id: r.to_id as string,
      title: r.to_title as string,
      description: r.to_description as string,
      policies: r.to_policies as string[],
    },
  }));
}
