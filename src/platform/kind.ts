import type { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Command } from "commander";
import type { SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { PolyphonyError } from "../core/errors.ts";
import type { Queryable, Tx } from "../store/open.ts";
import type { ServiceDeps } from "./deps.ts";
import type { KindDatasets } from "../datasets/types.ts";

/**
 * The contract a campaign kind implements. The shared modules (campaigns, participants,
 * moderation, erasure, progress, statistics, capabilities, the log, exports) loop over the
 * registered kinds and reach a kind's tables only through this interface, so a new kind is a
 * folder under `src/kinds/`, one line in `src/kinds/index.ts` and its migration.
 */
export interface CampaignKind {
  /** The value of a campaign's `kind`, lower-case words joined by `-` (`moral-graph`). */
  readonly id: string;
  /** One line for researchers choosing a kind. */
  readonly summary: string;
  readonly campaign: KindCampaign;
  /** The kind's own steps of a participant's flow, between the shared opening and closing steps. */
  readonly steps: readonly string[];
  /**
   * The log entry kinds the kind appends, each `<kind id>/<name>` (`scenarios/ranking`). Entries
   * a kind wrote before kinds were namespaced keep their flat names: list them in `legacyEntryKinds`.
   */
  readonly entryKinds: readonly string[];
  readonly legacyEntryKinds?: readonly string[];
  /** The contributions researchers can hide, by the name a moderation target gives (`values_card`). */
  readonly moderated: Readonly<Record<string, ModeratedContent>>;
  /**
   * Removes the text a participant wrote from every row of the kind that holds it, in the
   * erasure's transaction, and whatever was derived from it (text quoting it). Judgments without
   * text stay, as the erasure rules say (DESIGN.md). Returns the openings of log entries it
   * emptied besides the participant's own (an entry whose content quotes erased text), and how
   * many derived records it removed, by name, for the erasure's report.
   */
  erase(tx: Tx, participantId: string, now: Date): Promise<KindErasure>;
  /** The kind's tables that hold participants' text: erasure compacts them, so no copy stays in the data files. */
  readonly textTables: readonly string[];
  /** What a participant contributed, for their browser to resume (added to `GET …/me`). */
  readonly participantSummary: KindPart;
  /** Counts of the campaign's visible contributions, for its researchers (added to `GET …/stats`). */
  readonly stats: KindPart;
  /** Registers the kind's HTTP routes. */
  routes(api: OpenAPIHono, deps: ServiceDeps): void;
  /** Registers the kind's CLI commands. */
  commands(program: Command): void;
  /**
   * What the kind's campaigns export (src/datasets/): its raw tables, its comments, its trainer
   * rows (preference pairs, SFT examples), the values synthetic data is grounded in, and the
   * dataset card's text. Every row cites the log entries it came from.
   */
  readonly datasets: KindDatasets;
}

/** A kind's campaign settings: validated with the shared ones, stored in the kind's tables. */
export interface KindCampaign {
  /** Settings a new campaign of the kind takes besides the shared ones (`questions`, `contexts`). */
  readonly create: z.ZodObject;
  /** Changes to those settings a campaign update may carry (`addQuestions`). */
  readonly update: z.ZodObject;
  /** The kind's settings as a campaign shows them (`questions` and `contexts` with their ids). */
  readonly view: KindPart;
  /** Stores a new campaign's settings, in its creation's transaction. */
  insert(tx: Tx, campaignId: string, settings: Record<string, unknown>): Promise<void>;
  /** Applies the fields of `update` a change carries, in the change's transaction. */
  change(tx: Tx, campaignId: string, changes: Record<string, unknown>): Promise<void>;
  /** Flags of `polyphony campaign create` that set the kind's settings. */
  readonly flags: readonly KindFlag[];
  /** The kind's settings of a campaign (as `view` reads them) as lines of the CLI's text output. */
  describe(settings: Record<string, unknown>): string[];
}

/** A command-line flag setting one field of a kind's campaign settings. */
export interface KindFlag {
  /** As commander takes it: `--question <text>`. */
  readonly flag: string;
  /** The settings field it sets; a repeatable flag collects its values into a list. */
  readonly field: string;
  readonly description: string;
  readonly repeatable?: boolean;
}

/** A part of a shared response a kind fills in: its fields' schema and how to read them. */
export interface KindPart {
  readonly schema: z.ZodObject;
  /** Reads the part for a campaign or a participant, as the caller says. */
  read(db: Queryable, id: string): Promise<Record<string, unknown>>;
}

/** A table of contributions that moderation can hide and show again. */
export interface ModeratedContent {
  readonly table: PgTable & {
    readonly id: AnyPgColumn;
    readonly campaignId: AnyPgColumn;
    readonly hiddenAt: AnyPgColumn;
    readonly hiddenReason: AnyPgColumn;
  };
  /** A short text a researcher recognises an item by: a card's title, a story's text. */
  readonly label: AnyPgColumn<{ data: string }> | SQL<string>;
}

/** What a kind's erasure removed besides the participant's own text. */
export interface KindErasure {
  /** Log entries (by index) whose openings must go too: their content quotes erased text. */
  readonly entries: readonly number[];
  /** Derived records removed, by name (`stories: 2`). */
  readonly removed: Readonly<Record<string, number>>;
}

/** Steps every campaign's participants take before and after the kind's own. */
export const OPENING_STEPS = ["consent", "demographics"] as const;
export const CLOSING_STEPS = ["survey", "done"] as const;

/** The registered kinds, in registration order; the first is the default of a new campaign. */
export interface KindRegistry {
  readonly all: readonly CampaignKind[];
  readonly default: CampaignKind;
  /** The kind of that id; an unknown id is an internal error: campaigns only hold registered kinds. */
  get(id: string): CampaignKind;
  /** The full flow of a kind's participants: the shared opening steps, the kind's, the closing ones. */
  stepsOf(kind: CampaignKind): readonly string[];
  /** Every step of every kind, each once, for schemas that accept any of them. */
  readonly allSteps: readonly string[];
}

const KIND_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SHARED_STEPS: readonly string[] = [...OPENING_STEPS, ...CLOSING_STEPS];

/** Checks the kinds against the contract's naming rules and indexes them. */
export function createKindRegistry(kinds: readonly CampaignKind[]): KindRegistry {
  if (kinds.length === 0) throw new Error("register at least one campaign kind");
  const byId = new Map<string, CampaignKind>();
  const moderated = new Set<string>();
  for (const kind of kinds) {
    if (!KIND_ID.test(kind.id)) throw new Error(`campaign kind id ${JSON.stringify(kind.id)} is not lower-case words joined by "-"`);
    if (byId.has(kind.id)) throw new Error(`campaign kind ${kind.id} is registered twice`);
    byId.set(kind.id, kind);
    const legacy = new Set(kind.legacyEntryKinds ?? []);
    for (const entry of kind.entryKinds) {
      if (!entry.startsWith(`${kind.id}/`) && !legacy.has(entry)) {
        throw new Error(`log entry kind ${JSON.stringify(entry)} of campaign kind ${kind.id} must start with "${kind.id}/"`);
      }
    }
    for (const step of kind.steps) {
      if (SHARED_STEPS.includes(step)) throw new Error(`campaign kind ${kind.id} redeclares the shared step ${step}`);
    }
    for (const target of Object.keys(kind.moderated)) {
      if (moderated.has(target)) throw new Error(`moderation target ${target} is declared by two campaign kinds`);
      moderated.add(target);
    }
  }
  const stepsOf = (kind: CampaignKind) => [...OPENING_STEPS, ...kind.steps, ...CLOSING_STEPS];
  return {
    all: kinds,
    default: kinds[0]!,
    get(id) {
      const kind = byId.get(id);
      if (!kind) throw new PolyphonyError("internal", `campaign kind ${id} is not registered on this server`);
      return kind;
    },
    stepsOf,
    allSteps: [...new Set(kinds.flatMap(stepsOf))],
  };
}

/** The kind that owns a moderation target name, with the target's table. */
export function findModerated(kinds: KindRegistry, target: string): ModeratedContent | undefined {
  for (const kind of kinds.all) {
    const content = kind.moderated[target];
    if (content) return content;
  }
  return undefined;
}

/** Every moderation target name the registered kinds declare. */
export function moderationTargets(kinds: KindRegistry): string[] {
  return kinds.all.flatMap((kind) => Object.keys(kind.moderated));
}
