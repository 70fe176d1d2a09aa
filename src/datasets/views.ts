import { z } from "@hono/zod-openapi";

const DataFileView = z.object({
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  rowDigest: z.enum(["line", "cells"]),
  split: z.enum(["train", "test"]).optional(),
  table: z.string().optional(),
  columns: z.array(z.object({ name: z.string(), type: z.string(), content: z.string().optional() })).optional(),
});

const ProvenanceFileView = z.object({ path: z.string(), lines: z.number().int(), sha256: z.string() });

/** manifest.json of an export (src/datasets/manifest.ts). */
export const ManifestView = z
  .object({
    version: z.literal("polyphony-dataset/1"),
    campaign: z.object({ id: z.string(), kind: z.string(), title: z.string() }),
    format: z.string(),
    logSize: z.number().int(),
    checkpoint: z.string().openapi({ description: "The signed checkpoint (C2SP note) covering the rows' entries" }),
    files: z.array(DataFileView),
    provenance: z.object({ rows: ProvenanceFileView, openings: ProvenanceFileView }),
    synthetic: z.object({ model: z.string(), template: z.string() }).optional(),
  })
  .openapi("DatasetManifest");

export const DatasetListing = z
  .object({
    manifest: ManifestView,
    files: z.array(z.object({ path: z.string(), href: z.string() })),
  })
  .openapi("DatasetListing");
