/** A participant's judgment of one upgrade story: is `to` wiser than `from` in `context`? */
export type Relationship = "upgrade" | "no_upgrade" | "not_sure";

export const RELATIONSHIPS: readonly Relationship[] = ["upgrade", "no_upgrade", "not_sure"];

/** Relationship codes used in {@link VoteTable.relationship}. */
export const UPGRADE = 0;
export const NO_UPGRADE = 1;
export const NOT_SURE = 2;

/**
 * Votes in columnar form: row i is participant[i] judging from[i] → to[i] in context[i].
 * Cards, contexts and participants are dense indices into the id arrays of {@link IndexedVotes}.
 */
export interface VoteTable {
  readonly length: number;
  readonly participant: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly context: Int32Array;
  readonly relationship: Uint8Array;
  readonly cardCount: number;
  readonly contextCount: number;
  readonly participantCount: number;
}

/** A vote as the store holds it, with string ids. */
export interface UpgradeVote {
  readonly participant: string;
  readonly from: string;
  readonly to: string;
  readonly context: string;
  readonly relationship: Relationship;
}

/** A vote table plus the ids its indices stand for. */
export interface IndexedVotes {
  readonly table: VoteTable;
  readonly cardIds: readonly string[];
  readonly contextIds: readonly string[];
  readonly participantIds: readonly string[];
}
