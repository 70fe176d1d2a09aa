import { findPairRuns } from "./pair-runs.ts";
import { sortVotesByPair } from "./sorted-votes.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "./types.ts";

/** Vote counts per ordered pair and context, before any posterior is computed. */
export interface EdgeCounts {
  readonly count: number;
  readonly context: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly support: Int32Array;
  readonly against: Int32Array;
  readonly notSure: Int32Array;
  readonly reverse: Int32Array;
  /** Per edge × group support and against, when groups were given (see EdgeGroupFigures). */
  readonly groupSupport: Int32Array | undefined;
  readonly groupAgainst: Int32Array | undefined;
  /** Rows of context c: [contextStart[c], contextStart[c + 1]). */
  readonly contextStart: Int32Array;
  readonly contextVotes: Int32Array;
  readonly contextParticipants: Int32Array;
  /** Edge of vote i's own direction (−1 for self-votes). */
  readonly voteEdge: Int32Array;
  readonly selfVotes: number;
}

/**
 * Buckets votes by (context, lower card, higher card) with one radix sort, then reads both
 * directions of each unordered pair off one run: support(a→b) = upgrades on a→b, against(a→b) =
 * no-upgrades on a→b. An upgrade on b→a is evidence for b→a, not against a→b: each direction
 * stands on its own, so a vote can only strengthen the edge it names. A direction becomes an edge
 * when someone judged it; both directions are linked through `reverse`.
 */
export function countEdges(table: VoteTable, groupOf: Int32Array | undefined, groupCount: number): EdgeCounts {
  const n = table.length;
  const sorted = sortVotesByPair(table, groupOf);
  const { order } = sorted;
  const runs = findPairRuns(sorted.context, sorted.lo, sorted.hi, sorted.forward);
  const edgeCount = runs.directions;
  const e = {
    context: new Int32Array(edgeCount),
    from: new Int32Array(edgeCount),
    to: new Int32Array(edgeCount),
    support: new Int32Array(edgeCount),
    against: new Int32Array(edgeCount),
    notSure: new Int32Array(edgeCount),
    reverse: new Int32Array(edgeCount).fill(-1),
  };
  const groupSupport = groupOf ? new Int32Array(edgeCount * groupCount) : undefined;
  const groupAgainst = groupOf ? new Int32Array(edgeCount * groupCount) : undefined;
  const voteEdge = new Int32Array(n).fill(-1);
  const contextVotes = new Int32Array(table.contextCount);
  const contextParticipants = new Int32Array(table.contextCount);
  const lastContextOf = new Int32Array(table.participantCount).fill(-1);
  // Per direction (0: lo→hi, 1: hi→lo) counts of the current run, and per group.
  const up = [0, 0];
  const no = [0, 0];
  const unsure = [0, 0];
  const groupUp = new Int32Array(2 * groupCount);
  const groupNo = new Int32Array(2 * groupCount);

  const rowOf: [number, number] = [-1, -1];
  let edge = 0;
  for (let r = 0; r < runs.start.length; r++) {
    const k = runs.start[r]!;
    const end = runs.end[r]!;
    const c = sorted.context[k]!;
    const a = sorted.lo[k]!;
    const b = sorted.hi[k]!;
    up[0] = up[1] = no[0] = no[1] = unsure[0] = unsure[1] = 0;
    if (groupOf) {
      groupUp.fill(0);
      groupNo.fill(0);
    }
    for (let q = k; q < end; q++) {
      const d = 1 - sorted.forward[q]!;
      const rel = sorted.relationship[q];
      if (rel === UPGRADE) up[d]!++;
      else if (rel === NO_UPGRADE) no[d]!++;
      else if (rel === NOT_SURE) unsure[d]!++;
      const g = sorted.group[q]!;
      if (g >= 0) {
        if (rel === UPGRADE) groupUp[2 * g + d]!++;
        else if (rel === NO_UPGRADE) groupNo[2 * g + d]!++;
      }
      const p = sorted.participant[q]!;
      if (lastContextOf[p] !== c) {
        lastContextOf[p] = c;
        contextParticipants[c]!++;
      }
    }
    contextVotes[c]! += end - k;
    rowOf[0] = rowOf[1] = -1;
    for (let d = 0; d < 2; d++) {
      if (up[d]! + no[d]! + unsure[d]! === 0) continue;
      rowOf[d] = edge;
      e.context[edge] = c;
      e.from[edge] = d === 0 ? a : b;
      e.to[edge] = d === 0 ? b : a;
      e.support[edge] = up[d]!;
      e.against[edge] = no[d]!;
      e.notSure[edge] = unsure[d]!;
      if (groupSupport && groupAgainst) {
        for (let g = 0; g < groupCount; g++) {
          groupSupport[edge * groupCount + g] = groupUp[2 * g + d]!;
          groupAgainst[edge * groupCount + g] = groupNo[2 * g + d]!;
        }
      }
      edge++;
    }
    if (rowOf[0] >= 0 && rowOf[1] >= 0) {
      e.reverse[rowOf[0]] = rowOf[1];
      e.reverse[rowOf[1]] = rowOf[0];
    }
    for (let q = k; q < end; q++) {
      const d = 1 - sorted.forward[q]!;
      voteEdge[order[q]!] = rowOf[d]!;
    }
  }

  const contextStart = new Int32Array(table.contextCount + 1);
  for (let x = 0; x < edgeCount; x++) contextStart[e.context[x]! + 1]!++;
  for (let c = 0; c < table.contextCount; c++) contextStart[c + 1]! += contextStart[c]!;
  return {
    count: edgeCount,
    ...e,
    groupSupport,
    groupAgainst,
    contextStart,
    contextVotes,
    contextParticipants,
    voteEdge,
    selfVotes: runs.selfVotes,
  };
}
