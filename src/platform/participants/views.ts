import { z } from "@hono/zod-openapi";
import type { KindRegistry } from "../kind.ts";
import { composeKindVariants } from "../kind-views.ts";
import { Receipt } from "../log/views.ts";

/** What the participant routes answer: joining, progress, the session, the survey, admission, legitimacy. */

const Count = z.number().int().min(0);

export const Joined = z
  .object({
    participant: z.object({
      id: z.string(),
      campaignId: z.string(),
      publicKey: z.string().openapi({ description: "Base64 Ed25519 key the participant's contributions are logged under" }),
    }),
    token: z.string().openapi({ description: "The session token, shown this once" }),
    receipt: Receipt,
  })
  .openapi("Joined");

const StepReached = z.object({ step: z.string(), at: z.iso.datetime() });
export const StepsReached = z.object({ steps: z.array(StepReached) }).openapi("StepsReached");

const SurveyAnswer = z
  .object({ represented: z.number().int(), fair: z.number().int(), comment: z.string().nullable(), answeredAt: z.iso.datetime() })
  .openapi("SurveyAnswer");
export const SurveyReceipt = z.object({ survey: SurveyAnswer, receipt: Receipt }).openapi("SurveyReceipt");

/** A participant's session with what they contributed as their campaign's kind tells: one variant per registered kind. */
export function sessionView(kinds: KindRegistry) {
  const shared = z.object({
    participant: z.object({ id: z.string(), campaignId: z.string(), joinedAt: z.iso.datetime().nullable() }),
    answers: z.record(z.string(), z.string()).openapi({ description: "Demographic answers by question key" }),
    steps: z.array(StepReached),
    lastStep: z.string().nullable(),
    survey: SurveyAnswer.nullable(),
  });
  return composeKindVariants(kinds, (kind) => shared.extend(kind.participantSummary.schema.shape)).openapi("Session");
}

const InviteCounts = z.object({ total: Count, used: Count, unused: Count });
export const AdmissionCheck = z.object({ admitted: z.literal(true) }).openapi("AdmissionCheck");
export const InviteUsage = z.object({ usage: InviteCounts }).openapi("InviteUsage");
export const CreatedInvites = z
  .object({ codes: z.array(z.string()).openapi({ description: "The codes, shown this once" }), usage: InviteCounts, receipt: Receipt })
  .openapi("CreatedInvites");

export const Allowlist = z
  .object({ total: Count, joined: Count.openapi({ description: "Participants who joined with an external id" }) })
  .openapi("Allowlist");
export const AllowlistChange = Allowlist.extend({ added: Count, removed: Count, receipt: Receipt }).openapi("AllowlistChange");

const Share = z.object({ count: Count, share: z.number().nullable().openapi({ description: "count / surveyed; null when nobody answered" }) });
const Figures = z.object({ participants: Count, surveyed: Count, represented: Share, fair: Share });
const GroupLabel = z.string().nullable().openapi({ description: "An answer; null for those who gave none" });
export const Legitimacy = z
  .object({
    overall: Figures,
    groupBy: z.string().nullable(),
    minGroupSize: Count.nullable().openapi({
      description:
        "In a public view, the fewest people a shown group holds (the campaign's minGroupSize); null for a researcher, who sees every group",
    }),
    groups: z.array(
      z.union([
        Figures.extend({ group: GroupLabel }),
        z.object({ group: GroupLabel, hidden: z.literal(true) }).openapi({
          description: "A group a public view does not show: fewer people than minGroupSize, or hidden with one so that it cannot be derived from the totals",
        }),
      ]),
    ),
  })
  .openapi("Legitimacy");
