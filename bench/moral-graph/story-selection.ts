import { createRandom } from "../../src/core/stats/prng.ts";
import { scorePolyphony } from "../../src/kinds/moral-graph/core/polyphony.ts";
import { NO_UPGRADE, NOT_SURE, UPGRADE, type VoteTable } from "../../src/kinds/moral-graph/core/types.ts";
import { correlateWithWisdom } from "./recovery.ts";

const CARDS = 200;
const CONTEXTS = 4;
const BATCH = 250;
const MAX_VOTES = 40_000;
const TARGET = 0.9;

/** The stories a participant could be shown: item k is from[k] → to[k] judged in context[k]. */
interface StoryItems {
  readonly context: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Counted votes (upgrade or no-upgrade) each item has had. */
  readonly votes: Int32Array;
}

/** A fitted ranking to choose by: θ of a card in a context, and δ. */
interface StoryModel {
  theta(context: number, card: number): number;
  readonly delta: number;
}

/**
 * Orders story items by what one more judgment is expected to teach the model, highest first.
 * An item nobody has judged comes first (exploration: every story gets seen). Then the Fisher
 * information of one vote about θ_c,to − θ_c,from, p(1 − p) with p = σ(δ + θ_c,to − θ_c,from),
 * shared among the votes the item already has (1 / (1 + n)); with `top`, weighted towards the top
 * of the context by σ of the better value's θ above the context's median. Ties keep the items'
 * order, so the caller's shuffle breaks them.
 */
function prioritizeStories(items: StoryItems, model: StoryModel, top: boolean): Int32Array {
  const n = items.context.length;
  const priority = new Float64Array(n);
  const median = contextMedians(items, model);
  for (let k = 0; k < n; k++) {
    if (items.votes[k] === 0) {
      priority[k] = Infinity;
      continue;
    }
    const c = items.context[k]!;
    const a = model.theta(c, items.from[k]!);
    const b = model.theta(c, items.to[k]!);
    const p = 1 / (1 + Math.exp(-(model.delta + b - a)));
    const weight = top ? 1 / (1 + Math.exp(-(Math.max(a, b) - median[c]!))) : 1;
    priority[k] = (p * (1 - p) * weight) / (1 + items.votes[k]!);
  }
  const order = Int32Array.from({ length: n }, (_, k) => k);
  return order.sort((x, y) => priority[y]! - priority[x]! || x - y);
}

/** The median θ over the items' endpoints in each context. */
function contextMedians(items: StoryItems, model: StoryModel): Float64Array {
  const byContext = new Map<number, number[]>();
  for (let k = 0; k < items.context.length; k++) {
    const c = items.context[k]!;
    const list = byContext.get(c) ?? [];
    list.push(model.theta(c, items.from[k]!), model.theta(c, items.to[k]!));
    byContext.set(c, list);
  }
  const size = Math.max(-1, ...byContext.keys()) + 1;
  const median = new Float64Array(size);
  for (const [c, list] of byContext) {
    list.sort((x, y) => x - y);
    median[c] = list[Math.floor(list.length / 2)]!;
  }
  return median;
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

type Policy = "fewest votes first" | "most uncertain" | "most uncertain at the top";

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
    const ranked =
      policy !== "fewest votes first" && model
        ? prioritizeStories(view, { theta: (c, card) => model!.contexts[c]!.byCard[card]!, delta: model.model.delta }, policy === "most uncertain at the top")
        : Int32Array.from(view.votes.keys()).sort((x, y) => view.votes[x]! - view.votes[y]! || x - y);
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
for (const policy of ["fewest votes first", "most uncertain", "most uncertain at the top"] as const) {
  const runs = [11, 12, 13, 14, 15].map((seed) => simulate(policy, seed));
  console.log(`  ${policy.padEnd(26)} ${runs.map((r) => `${r.votes} (ρ ${r.rho.toFixed(3)})`).join(", ")}`);
}
