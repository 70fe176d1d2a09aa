import { z } from "zod";

/**
 * The Meaning Alignment Institute's 2023 "Democratic Fine-Tuning" data dump (repository
 * meaningalignment/mge, folder dft-data/): one JSON array per table.
 */
const MaiCard = z.object({
  id: z.number().int(),
  title: z.string(),
  instructionsShort: z.string(),
  instructionsDetailed: z.string(),
  evaluationCriteria: z.array(z.string()),
  createdAt: z.string(),
});

export const MaiDump = z.object({
  canonicalValuesCard: z.array(MaiCard),
  valuesCard: z.array(MaiCard.extend({ canonicalCardId: z.number().int().nullable() })),
  edge: z.array(
    z.object({
      userId: z.number().int(),
      fromId: z.number().int(),
      toId: z.number().int(),
      contextId: z.string(),
      relationship: z.enum(["upgrade", "no_upgrade", "not_sure"]),
      comment: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  edgeHypothesis: z.array(
    z.object({ fromId: z.number().int(), toId: z.number().int(), story: z.string(), contextId: z.string(), createdAt: z.string() }),
  ),
  context: z.array(z.object({ id: z.string() })),
  case: z.array(z.object({ id: z.string(), title: z.string(), question: z.string() })),
  contextsOnCases: z.array(z.object({ contextId: z.string(), caseId: z.string() })),
  vote: z.array(z.object({ userId: z.number().int(), valuesCardId: z.number().int(), caseId: z.string(), createdAt: z.string() })),
  demographic: z.array(z.object({ userId: z.number().int(), usPoliticalAffiliation: z.string() })),
});
export type MaiDump = z.infer<typeof MaiDump>;

export const MAI_DUMP_FILES = Object.keys(MaiDump.shape) as (keyof MaiDump)[];
