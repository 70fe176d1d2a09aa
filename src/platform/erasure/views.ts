import { z } from "@hono/zod-openapi";
import { Receipt } from "../log/views.ts";

export const ErasureReceipt = z
  .object({
    erasure: z.object({
      id: z.string(),
      participant: z.string(),
      publicKey: z.string().nullable().openapi({ description: "The key the participant's entries are logged under" }),
      openings: z.number().int().openapi({ description: "How many entry openings were deleted" }),
      removed: z.record(z.string(), z.number().int()).openapi({
        description: "What else went with the participant's text, by kind: demographic answers, stories written from their cards (hidden, saying why)",
      }),
      compacted: z.boolean().openapi({ description: "Whether the tables were rewritten so that no old copy of the text stays in their data files" }),
      entryIndex: z.number().int().openapi({ description: "The erasure's own entry in the log" }),
      at: z.iso.datetime(),
    }),
    receipt: Receipt,
  })
  .openapi("ErasureReceipt");
