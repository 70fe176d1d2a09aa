import { createRandom } from "../../src/core/stats/prng.ts";
import { POLYPHONY_DEFAULTS } from "../../src/kinds/moral-graph/core/polyphony-options.ts";
import { scorePolyphony } from "../../src/kinds/moral-graph/core/polyphony.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "../../src/kinds/moral-graph/core/types.ts";
import { correlateWithWisdom } from "./recovery.ts";

const CARDS = 200;
const CONTEXTS = 4;
const BATCH = 250;
const MAX_VOTES = 40_000;
/** The per-context Spearman to reach: 0.9, or the first argument (`story-selection.ts 0.94`). */
const TARGET = Number(process.argv[2] ?? 0.9);

/** Stories a participant could be shown: item k asks whether from[k] → to[k] is an upgrade in context[k]. */
interface StoryItems {
  readonly context: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Counted votes (upgrade or no-upgrade) each item has had. */
  readonly votes: Int32Array;
}

/** A fitted ranking to choose by: θ of a card in a context, δ and τ. */
interface StoryModel {
  theta(context: number, card: number): number;
  readonly delta: number;
  readonly tau: number;
}

/**
 * What one more judgment of each item is expected to teach the model: the drop in the summed
 * posterior variance of the scores θ (an A-optimal design criterion; Chaloner & Verdinelli 1995,
 * "Bayesian experimental design: a review", Statistical Science 10(3)). One vote on a → b adds
 * w·xxᵀ to the precision, x = e_b − e_a, w = p(1 − p); with each θ's variance taken as 1/H from
 * the diagonal of the precision, the summed variance falls by
 *   w (1/H_a² + 1/H_b²) / (1 + w (1/H_a + 1/H_b)).
 * So a vote is worth most where both values are still poorly placed (few judgments anywhere in
 * the context) and the outcome is uncertain; a pair already decided (p near 0 or 1) or two
 * well-placed values are worth little. An item nobody has judged is worth Infinity: every story
 * gets seen. H_ci = 1/τ² + Σ over the items touching (c, i) of votes · p(1 − p).
 */
function prioritizeStories(items: StoryItems, model: StoryModel): Float64Array {
  const n = items.context.length;
  const p = new Float64Array(n);
  const precision = new Map<number, number>();
  const key = (c: number, card: number) => c * 0x100000000 + card;
  const base = 1 / model.tau ** 2;
  for (let k = 0; k < n; k++) {
    const c = items.context[k]!;
    const a = items.from[k]!;
    const b = items.to[k]!;
    p[k] = 1 / (1 + Math.exp(-(model.delta + model.theta(c, b) - model.theta(c, a))));
    const w = items.votes[k]! * p[k]! * (1 - p[k]!);
    precision.set(key(c, a), (precision.get(key(c, a)) ?? base) + w);
    precision.set(key(c, b), (precision.get(key(c, b)) ?? base) + w);
  }
  const priority = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (items.votes[k] === 0) {
      priority[k] = Infinity;
      continue;
    }
    const c = items.context[k]!;
    const va = 1 / precision.get(key(c, items.from[k]!))!;
    const vb = 1 / precision.get(key(c, items.to[k]!))!;
    const w = p[k]! * (1 - p[k]!);
    priority[k] = (w * (va * va + vb * vb)) / (1 + w * (va + vb));
  }
  return priority;
}

/**
 * The former candidate: unseen first, then the Fisher information of one vote, p(1 − p), shared
 * among the votes the item already has (1 / (1 + n)).
 */
function prioritizeUncertain(items: StoryItems, model: StoryModel): Float64Array {
  return Float64Array.from(items.votes, (votes, k) => {
    if (votes === 0) return Infinity;
    const c = items.context[k]!;
    const p = 1 / (1 + Math.exp(-(model.delta + model.theta(c, items.to[k]!) - model.theta(c, items.from[k]!))));
    return (p * (1 - p)) / (1 + votes);
  });
}

/**
 * The expected information of one vote about the model, ½ log(1 + w · xᵀΣx) with Σ the full
 * posterior covariance of (θ, μ, δ) at the fit (Laplace), x = e_b − e_a + e_δ and w = p(1 − p):
 * unlike the diagonal, Σ sees the variance that builds along chains of comparisons. Σ comes from
 * a dense Cholesky factor of the precision, H = LLᵀ, as xᵀΣx = ‖L⁻¹x‖²: the simulation is small
 * (CONTEXTS · CARDS + CARDS + 1 parameters, every (context, card) slot kept). Unseen items first.
 */
function prioritizeByInformation(items: StoryItems, model: StoryModel): Float64Array {
  const slots = CONTEXTS * CARDS;
  const n = slots + CARDS + 1;
  const di = n - 1;
  const h = new Float64Array(n * n);
  const add = (i: number, j: number, v: number) => (h[i * n + j]! += v);
  const coupling = 1 / model.tau ** 2;
  for (let slot = 0; slot < slots; slot++) {
    const mu = slots + (slot % CARDS);
    add(slot, slot, coupling);
    add(mu, mu, coupling);
    add(slot, mu, -coupling);
    add(mu, slot, -coupling);
  }
  for (let i = slots; i < n; i++) add(i, i, 1 / POLYPHONY_DEFAULTS.priorScale ** 2);
  const p = new Float64Array(items.context.length);
  const ends = (k: number) => [items.context[k]! * CARDS + items.from[k]!, items.context[k]! * CARDS + items.to[k]!, di] as const;
  const sign = [-1, 1, 1] as const;
  for (let k = 0; k < items.context.length; k++) {
    const c = items.context[k]!;
    p[k] = 1 / (1 + Math.exp(-(model.delta + model.theta(c, items.to[k]!) - model.theta(c, items.from[k]!))));
    const w = items.votes[k]! * p[k]! * (1 - p[k]!);
    const at = ends(k);
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) add(at[x]!, at[y]!, w * sign[x]! * sign[y]!);
  }
  // H = LLᵀ (L in h's lower triangle), then L⁻¹ column by column.
  for (let j = 0; j < n; j++) {
    let d = h[j * n + j]!;
    for (let k = 0; k < j; k++) d -= h[j * n + k]! ** 2;
    h[j * n + j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let v = h[i * n + j]!;
      for (let k = 0; k < j; k++) v -= h[i * n + k]! * h[j * n + k]!;
      h[i * n + j] = v / h[j * n + j]!;
    }
  }
  const inverse = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inverse[j * n + j] = 1 / h[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let v = 0;
      for (let k = j; k < i; k++) v -= h[i * n + k]! * inverse[k * n + j]!;
      inverse[i * n + j] = v / h[i * n + i]!;
    }
  }
  return Float64Array.from(p, (pk, k) => {
    if (items.votes[k] === 0) return Infinity;
    const [a, b] = ends(k);
    let q = 0;
    for (let i = 0; i < n; i++) q += (inverse[i * n + b]! - inverse[i * n + a]! + inverse[i * n + di]!) ** 2;
    return Math.log1p(pk * (1 - pk) * q) / 2;
  });
}

/** Fewest votes first; among items with as many votes, the larger `tieBreak` first (unseen: first). */
function lexicographic(votes: Int32Array, tieBreak: Float64Array): Float64Array {
  let max = 0;
  for (const t of tieBreak) if (Number.isFinite(t)) max = Math.max(max, t);
  return Float64Array.from(votes, (v, k) => -v + (Number.isFinite(tieBreak[k]!) ? 0.5 * tieBreak[k]! / (max || 1) : 0.75));
}

/**
 * A deliberation served batch by batch: 200 values, 4 contexts, each judging by the latent wisdom
 * plus noise of sd 0.3; two stories per value join it to one up to 60 places further in that
 * order, shown the wiser way 70% of the time, every story in every context. A vote says "upgrade"
 * with probability σ(2 · gap) (noisy, so items need several votes), 15% "not sure". Each batch of
 * 250 votes goes to the items a policy picks (one vote per item per batch); after each batch the
 * model is refitted and its per-context Spearman with each context's wisdom measured.
 */
function createWorld(seed: number) {
  const random = createRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const wisdom = Float64Array.from({ length: CARDS }, gaussian);
  const contextWisdom = Float64Array.from({ length: CONTEXTS * CARDS }, (_, i) => wisdom[i % CARDS]! + 0.3 * gaussian());
  const order = Array.from({ length: CARDS }, (_, i) => i).sort((a, b) => wisdom[a]! - wisdom[b]!);
  const from: number[] = [];
  const to: number[] = [];
  const context: number[] = [];
  for (let i = 0; i < CARDS; i++) {
    for (let story = 0; story < 2; story++) {
      const j = i + 1 + Math.floor(60 * random() * random());
      if (j >= CARDS) continue;
      const right = random() < 0.7;
      for (let c = 0; c < CONTEXTS; c++) {
        from.push(right ? order[i]! : order[j]!);
        to.push(right ? order[j]! : order[i]!);
        context.push(c);
      }
    }
  }
  return { random, contextWisdom, from: Int32Array.from(from), to: Int32Array.from(to), context: Int32Array.from(context) };
}

const POLICIES = [
  "fewest votes first",
  "most uncertain pair",
  "largest expected variance drop",
  "fewest votes, then variance drop",
  "most information, full posterior",
] as const;
type Policy = (typeof POLICIES)[number];

/** Votes the policy needs before the mean per-context Spearman reaches 0.9 (or MAX_VOTES). */
function simulate(policy: Policy, seed: number): { votes: number; rho: number } {
  const world = createWorld(seed);
  const { random, from, to, context, contextWisdom } = world;
  const items: StoryItems = { context, from, to, votes: new Int32Array(from.length) };
  const rows = { participant: [] as number[], item: [] as number[], relationship: [] as number[] };
  let rho = 0;
  let model: ReturnType<typeof scorePolyphony> | undefined;
  while (rows.item.length < MAX_VOTES) {
    // A shuffle first, so that ties (equal votes, equal priority) fall at random.
    const shuffled = Int32Array.from({ length: from.length }, (_, k) => k);
    for (let k = shuffled.length - 1; k > 0; k--) {
      const r = Math.floor(random() * (k + 1));
      [shuffled[k], shuffled[r]] = [shuffled[r]!, shuffled[k]!];
    }
    const view: StoryItems = {
      context: shuffled.map((k) => context[k]!),
      from: shuffled.map((k) => from[k]!),
      to: shuffled.map((k) => to[k]!),
      votes: shuffled.map((k) => items.votes[k]!),
    };
    const fitted = model && { theta: (c: number, card: number) => model!.contexts[c]!.byCard[card]!, delta: model.model.delta, tau: model.model.tau };
    const priority =
      policy === "fewest votes first" || !fitted
        ? Float64Array.from(view.votes, (v) => -v)
        : policy === "most uncertain pair"
          ? prioritizeUncertain(view, fitted)
          : policy === "most information, full posterior"
            ? prioritizeByInformation(view, fitted)
          : policy === "largest expected variance drop"
            ? prioritizeStories(view, fitted)
            : lexicographic(view.votes, prioritizeStories(view, fitted));
    const ranked = Int32Array.from(view.votes.keys()).sort((x, y) => priority[y]! - priority[x]! || x - y);
    for (let q = 0; q < BATCH; q++) {
      const k = shuffled[ranked[q]!]!;
      const c = context[k]!;
      const gap = contextWisdom[c * CARDS + to[k]!]! - contextWisdom[c * CARDS + from[k]!]!;
      const rel = random() < 0.15 ? NOT_SURE : random() < 1 / (1 + Math.exp(-2 * gap)) ? UPGRADE : NO_UPGRADE;
      rows.participant.push(Math.floor(random() * 5_000));
      rows.item.push(k);
      rows.relationship.push(rel);
      if (rel !== NOT_SURE) items.votes[k]!++;
    }
    const n = rows.item.length;
    const table: VoteTable = {
      length: n,
      participant: Int32Array.from(rows.participant),
      from: Int32Array.from(rows.item, (k) => from[k]!),
      to: Int32Array.from(rows.item, (k) => to[k]!),
      context: Int32Array.from(rows.item, (k) => context[k]!),
      relationship: Uint8Array.from(rows.relationship),
      cardCount: CARDS,
      contextCount: CONTEXTS,
      participantCount: 5_000,
    };
    model = scorePolyphony(table, { tolerance: 1e-5 });
    rho = 0;
    for (const ctx of model.contexts) {
      rho += correlateWithWisdom(ctx.cards, (card) => ctx.byCard[card]!, contextWisdom.subarray(ctx.context * CARDS, (ctx.context + 1) * CARDS)) / CONTEXTS;
    }
    if (rho >= TARGET) return { votes: n, rho };
  }
  return { votes: MAX_VOTES, rho };
}

const items = createWorld(1).from.length;
console.log(`\nstory selection: ${CARDS} values, ${CONTEXTS} contexts, ${items} (story, context) items, batches of ${BATCH} votes`);
console.log(`votes until the mean per-context Spearman reaches ${TARGET} (five seeds; ${MAX_VOTES} means not reached):`);
for (const policy of POLICIES) {
  const runs = [11, 12, 13, 14, 15].map((seed) => simulate(policy, seed));
  console.log(`  ${policy.padEnd(26)} ${runs.map((r) => `${r.votes} (ρ ${r.rho.toFixed(3)})`).join(", ")}`);
}
