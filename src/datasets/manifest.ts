import type { ColumnType } from "./types.ts";
import type { Format } from "./formats.ts";

/** The version of the manifest's shape; `dataset verify` refuses another. */
export const MANIFEST_VERSION = "polyphony-dataset/1";
export const MANIFEST_FILE = "manifest.json";

/** A data file of an export, as the manifest lists it. */
export interface DataFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  /** How each row's digest is taken: of its JSON line, or of its cells (CSV and Parquet). */
  readonly rowDigest: "line" | "cells";
  readonly split?: "train" | "test";
  readonly table?: string;
  readonly columns?: readonly { readonly name: string; readonly type: ColumnType; readonly content?: string }[];
}

/** `manifest.json`: what was exported, from which campaign, at which signed checkpoint, in which files. */
export interface Manifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly campaign: { readonly id: string; readonly kind: string; readonly title: string };
  readonly format: Format;
  /** The log's size when the rows were read: every row's entries lie below it. */
  readonly logSize: number;
  /** A signed checkpoint (C2SP note) covering `logSize` entries. */
  readonly checkpoint: string;
  readonly files: readonly DataFile[];
  readonly provenance: {
    readonly rows: { readonly path: string; readonly lines: number; readonly sha256: string };
    readonly openings: { readonly path: string; readonly lines: number; readonly sha256: string };
  };
  /** Set on data made by a language model (`dataset synthesize`). */
  readonly synthetic?: { readonly model: string; readonly template: string };
}
