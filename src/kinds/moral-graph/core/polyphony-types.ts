import type { BetaPrior } from "../../../core/stats/share-interval.ts";
import type { ContestedComponent, ContextEdges, ParticipantGroups } from "./edge-types.ts";

export interface PolyphonyOptions {
  /** Prior sd of μ and δ on the logit scale (weak); default 10. */
  readonly priorScale?: number;
  /** τ, the sd of a card's score across contexts; chosen from the votes when not given. */
  readonly tau?: number;
  /** The fit stops when no coordinate's Newton step reaches this; default 1e-7. */
  readonly tolerance?: number;
  /** The rule that keeps an edge for drawing the graph and finding contested cycles (decision 0002). */
  readonly prior?: BetaPrior;
  readonly credibleMass?: number;
  readonly threshold?: number;
  readonly pooling?: number;
  readonly groups?: ParticipantGroups;
  /** Resample participants with replacement to put 10%–90% intervals on every score. */
  readonly bootstrap?: { readonly samples: number; readonly seed: number };
}

export type ResolvedPolyphonyOptions = Required<Omit<PolyphonyOptions, "groups" | "bootstrap" | "tau">> &
  Pick<PolyphonyOptions, "groups" | "bootstrap" | "tau">;

/** What the fit found: τ (given or chosen), δ, and how the solver went. */
export interface PolyphonyModel {
  readonly tau: number;
  /** Log-odds of "upgrade" for two equally wise values: how much the story's direction sways. */
  readonly delta: number;
  readonly tauChosen: boolean;
  readonly tauRounds: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * One context's ranking: θ_ci = μ_i + u_ci on the logit scale, so that σ(δ + θ_cb − θ_ca) is the
 * chance that a participant calls a → b an upgrade in this context.
 */
export interface PolyphonyContext {
  readonly context: number;
  /** Votes in this context (self-votes excluded), its not-sure votes, and the participants. */
  readonly votes: number;
  readonly notSure: number;
  readonly participants: number;
  /** Cards someone judged in this context, best first, and their θ. */
  readonly cards: Int32Array;
  readonly score: Float64Array;
  /** θ of every card; a card nobody judged here holds its overall μ. */
  readonly byCard: Float64Array;
  /** Bootstrap 10% and 90% quantiles, aligned with `cards`. */
  readonly scoreLow: Float64Array | undefined;
  readonly scoreHigh: Float64Array | undefined;
  /** This context's rows of {@link PolyphonyGraph.edges}: [edgeStart, edgeEnd). */
  readonly edgeStart: number;
  readonly edgeEnd: number;
  readonly keptEdges: number;
  /** Strongly connected components (size > 1) of the kept edges: cycles of disagreement. */
  readonly contested: readonly Int32Array[];
}

/** The overall ranking μ over every card, best first, with bootstrap quantiles aligned with `cards`. */
export interface PolyphonyOverall {
  readonly cards: Int32Array;
  readonly score: Float64Array;
  readonly byCard: Float64Array;
  readonly scoreLow: Float64Array | undefined;
  readonly scoreHigh: Float64Array | undefined;
  /** Pooled ordered pairs kept by the same rule, and their strongly connected components. */
  readonly keptEdges: number;
  readonly contested: readonly Int32Array[];
}

export interface PolyphonyGraph {
  readonly options: ResolvedPolyphonyOptions;
  readonly model: PolyphonyModel;
  readonly edges: ContextEdges;
  readonly contexts: readonly PolyphonyContext[];
  readonly overall: PolyphonyOverall;
  readonly contested: readonly ContestedComponent[];
  readonly voteCount: number;
  /** Upgrade and no-upgrade votes: the evidence. Not-sure votes are counted, never evidence. */
  readonly countedVotes: number;
  readonly notSureVotes: number;
  readonly selfVotes: number;
  readonly participantCount: number;
}
