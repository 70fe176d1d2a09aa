import type { Queryable } from "../store/open.ts";
import type { ServiceDeps } from "../platform/deps.ts";

// What a campaign kind supplies to the dataset exports (src/platform/kind.ts `datasets`): its raw
// tables, its free-text comments, its trainer rows, the values a synthetic job grounds responses
// in, and the text of the dataset card. Every row says which log entries it came from.

/** How a column is written: CSV as text, Parquet with this type, JSON as this value. */
export type ColumnType = "string" | "integer" | "number" | "boolean" | "strings" | "timestamp";

export interface DatasetColumn {
  /** lower_snake_case, as pandas, R and DuckDB read it. */
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /**
   * The field of the row's first source's content that this column reproduces (`relationship`):
   * `dataset verify` checks the two are equal wherever the export published that content.
   */
  readonly content?: string;
}

export type DatasetValue = string | number | boolean | null | readonly string[];

/** The opening of a log entry's digest (docs/log-format.md): base64 salt and the RFC 8785 content text. */
export interface SourceOpening {
  readonly salt: string;
  readonly content: string;
}

/** A log entry a row came from: its index, the digest its body holds and, when the export may publish it, its opening. */
export interface RowSource {
  readonly index: number;
  readonly digest: string;
  readonly opening: SourceOpening | null;
}

export interface DatasetRow {
  readonly values: Readonly<Record<string, DatasetValue>>;
  readonly sources: readonly RowSource[];
}

/** One raw table of a campaign, rows in a stable order, hidden and erased content left out. */
export interface DatasetTable {
  /** lower-case words joined by `-` or `_`, unique among a campaign's tables (`votes`). */
  readonly name: string;
  readonly description: string;
  readonly columns: readonly DatasetColumn[];
  rows(db: Queryable, campaignId: string): AsyncIterable<DatasetRow>;
}

export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

/** How a synthetic row was made: every synthetic row is marked (src/datasets/synthetic/). */
export interface SyntheticMark {
  readonly model: string;
  /** SHA-256 (hex) of the prompt templates the model was given. */
  readonly template: string;
  /** Ids of the values the chosen response attends to. */
  readonly values: readonly string[];
}

interface TrainerRow {
  /** The question or scenario the prompt comes from: splits never divide a group. */
  readonly group: string;
  /** The conversation up to the response: a system message with the situation, and the user's turn. */
  readonly prompt: readonly ChatMessage[];
  readonly sources: readonly RowSource[];
  readonly synthetic?: SyntheticMark | undefined;
}

/** A response preferred to another for the same prompt. */
export interface PreferencePair extends TrainerRow {
  readonly chosen: string;
  readonly rejected: string;
  /** How strongly the chosen side is preferred, when the kind can say (TRL's `margin`). */
  readonly margin?: number | undefined;
}

/** A response to imitate. */
export interface SftExample extends TrainerRow {
  readonly completion: string;
  /** OpenAI's per-message weight: 0 leaves the response out of the loss. */
  readonly weight?: 0 | 1 | undefined;
}

/** Trainer rows of a kind's campaign; a kind without a source has none of that family. */
export interface TrainerSources {
  preference?(db: Queryable, campaignId: string): AsyncIterable<PreferencePair>;
  sft?(db: Queryable, campaignId: string): AsyncIterable<SftExample>;
}

/** The values a campaign found wisest in one context, for grounding synthetic responses. */
export interface ContextValues {
  readonly context: string;
  readonly name: string;
  readonly values: readonly GroundingValue[];
}

export interface GroundingValue {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly policies: readonly string[];
  readonly score: number;
  readonly source: RowSource;
}

/** What the dataset card says of a kind's data: how it was collected and what each row means. */
export interface KindCardText {
  /** Paragraphs on how the data was collected. */
  readonly collection: string;
  /** What one row of each table or trainer format means, by table name or format family. */
  readonly rows: Readonly<Record<string, string>>;
  /** Known biases and limits of this kind's data. */
  readonly biases: readonly string[];
}

/** Everything a kind supplies to the dataset exports. */
export interface KindDatasets {
  /** The kind's raw tables (`votes`, `cards`); the platform adds `participants`, `survey` and `comments`. */
  readonly tables: readonly DatasetTable[];
  /** The kind's free-text comments (a vote's reason), as rows of the `comments` table's columns. */
  comments(db: Queryable, campaignId: string): AsyncIterable<DatasetRow>;
  readonly trainer: TrainerSources;
  /** The wisest values per context, `top` of each, for value-grounded synthetic data; absent when the kind has none. */
  values?(deps: ServiceDeps, campaignId: string, top: number): Promise<ContextValues[]>;
  readonly card: KindCardText;
}
