import { scoreMai2023, type Mai2023Graph } from "../core/mai-2023.ts";
import type { ParticipantGroups } from "../core/edge-types.ts";
import { scorePageRank } from "../core/pagerank-scoring.ts";
import type { PageRankGraph } from "../core/pagerank-types.ts";
import { scorePolyphony } from "../core/polyphony.ts";
import type { PolyphonyGraph } from "../core/polyphony-types.ts";
import { indexVoteText, type VoteText } from "./vote-text.ts";

/** Participants' groups by participant id: `of.get(id)` indexes `labels`; absent, in none. */
export interface GroupAnswers {
  readonly labels: readonly string[];
  readonly of: ReadonlyMap<string, number>;
}

/** Bootstrap bands for tables of up to `upToVotes` votes (larger ones get point scores only). */
export interface BootstrapLimit {
  readonly samples: number;
  readonly seed: number;
  readonly upToVotes: number;
}

/** What a scoring thread is asked: the votes as read, and the method to score them with. */
export type ScoreJob =
  | {
      readonly method: "polyphony" | "pagerank";
      readonly votes: VoteText;
      readonly groups?: GroupAnswers | undefined;
      readonly bootstrap: BootstrapLimit;
    }
  | { readonly method: "mai-2023"; readonly votes: VoteText };

interface Scored {
  readonly cardIds: readonly string[];
  readonly contextIds: readonly string[];
  readonly voteCount: number;
  readonly cardCount: number;
}

export type ScoreOutcome = Scored &
  (
    | { readonly method: "polyphony"; readonly graph: PolyphonyGraph }
    | { readonly method: "pagerank"; readonly graph: PageRankGraph }
    | { readonly method: "mai-2023"; readonly graph: Mai2023Graph }
  );

/** Builds the vote table and scores it through the core's entry point for the job's method. */
export function runScoreJob(job: ScoreJob): ScoreOutcome {
  const { table, cardIds, contextIds, participantIds } = indexVoteText(job.votes);
  const scored = { cardIds, contextIds, voteCount: table.length, cardCount: table.cardCount };
  const options = (groups: GroupAnswers | undefined, bootstrap: BootstrapLimit) => ({
    ...(groups && { groups: { labels: groups.labels, ofParticipant: Int32Array.from(participantIds, (p) => groups.of.get(p) ?? -1) } satisfies ParticipantGroups }),
    ...(table.length <= bootstrap.upToVotes && { bootstrap: { samples: bootstrap.samples, seed: bootstrap.seed } }),
  });
  switch (job.method) {
    case "polyphony":
      return { ...scored, method: job.method, graph: scorePolyphony(table, options(job.groups, job.bootstrap)) };
    case "pagerank":
      return { ...scored, method: job.method, graph: scorePageRank(table, options(job.groups, job.bootstrap)) };
    case "mai-2023":
      return { ...scored, method: job.method, graph: scoreMai2023(table) };
  }
}
