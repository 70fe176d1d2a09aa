import { z } from "@hono/zod-openapi";

/**
 * Input schemas shared by the HTTP API and the CLI: validation happens once, at the edge;
 * services trust the types they receive.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const Id = z.string().min(1).max(100).openapi({ example: "cmp_4k2j9x" });

export const DemographicQuestion = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "a lowercase key such as political_affiliation"),
    question: text(500),
    options: z.array(text(200)).min(2).max(50).optional(),
    required: z.boolean().optional(),
  })
  .openapi("DemographicQuestion");

/** How participants get in: an open link, single-use invite codes, or an allowlist of external ids. */
export const Admission = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("open") }),
    z.object({ mode: z.literal("invite") }),
    z.object({
      mode: z.literal("allowlist"),
      externalIdParam: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "a URL query parameter name such as PROLIFIC_PID")
        .default("externalId")
        .openapi({ description: "The URL query parameter a recruitment platform passes the external id in" }),
    }),
  ])
  .openapi("Admission");
export type Admission = z.infer<typeof Admission>;

/** Whether results (graph, export, legitimacy figures) are public or need a researcher token. */
export const ResultsVisibility = z.enum(["public", "token"]);

/** The fewest people a group may hold to be shown in a public view; researchers see every group. */
export const MinGroupSize = z
  .number()
  .int()
  .min(2)
  .max(1000)
  .openapi({ description: "Public views show no demographic group of fewer people than this (default 5); researchers see every group" });

/**
 * What a participant must know before agreeing: who runs the study, how to reach them, how long
 * taking part takes, and how to have their data erased. Empty fields are not shown.
 */
export const ConsentDetails = z
  .object({
    organiser: z.string().trim().max(300).default("").openapi({ description: "Who runs the study, e.g. a university lab" }),
    contact: z.string().trim().max(300).default("").openapi({ description: "How to reach them: an email address or a web page" }),
    minutes: z.number().int().min(1).max(600).nullable().default(null).openapi({ description: "How many minutes taking part takes, about" }),
    erasure: z.string().trim().max(2000).default("").openapi({ description: "How a participant has their data erased (otherwise: write to the contact)" }),
  })
  .openapi("ConsentDetails");
export type ConsentDetails = z.infer<typeof ConsentDetails>;

/** The settings every campaign has, whatever its kind; `campaignSchemas` adds the kinds' own. */
export const CampaignShared = z.object({
  title: text(200),
  description: z.string().max(5000).default(""),
  consent: z.string().max(20000).default(""),
  consentDetails: ConsentDetails.default({ organiser: "", contact: "", minutes: null, erasure: "" }),
  demographics: z.array(DemographicQuestion).max(50).default([]),
  admission: Admission.default({ mode: "open" }),
  resultsVisibility: ResultsVisibility.default("public"),
  minGroupSize: MinGroupSize.default(5),
});
/** A new campaign: the shared settings, its kind, and the settings of that kind. */
export type CreateCampaign = z.infer<typeof CampaignShared> & { kind: string } & Record<string, unknown>;

/** The changes to the shared settings a campaign update may carry; `campaignSchemas` adds the kinds' own. */
export const UpdateCampaignShared = z.object({
  title: text(200).optional(),
  description: z.string().max(5000).optional(),
  consent: z.string().max(20000).optional(),
  consentDetails: ConsentDetails.optional(),
  status: z.enum(["open", "closed"]).optional(),
  demographics: z.array(DemographicQuestion).max(50).optional(),
  admission: Admission.optional(),
  resultsVisibility: ResultsVisibility.optional(),
  minGroupSize: MinGroupSize.optional(),
});
export type UpdateCampaign = z.infer<typeof UpdateCampaignShared> & Record<string, unknown>;

export const JoinCampaign = z
  .object({
    answers: z.record(z.string().max(40), z.string().max(500)).default({}),
    invite: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: "An unused invite code: needed when the campaign admits by invitation (403 naming `invite` when unknown or used); ignored otherwise" }),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({
        description:
          "A recruitment platform's id for the person (read from the URL parameter the campaign's `admission.externalIdParam` names). " +
          "Needed and allowlisted in allowlist campaigns (403 naming `externalId` otherwise); kept private; one person joins once " +
          "(409 naming `externalId`: resume with the session token given on joining)",
      }),
    publicKey: z
      .string()
      .max(100)
      .optional()
      .openapi({
        description:
          "The participant's own Ed25519 public key for this campaign (standard base64 of 32 bytes). They then sign the join and " +
          "every contribution in a `Polyphony-Signature` header (see docs/log-format.md); without it the server holds a key for them",
      }),
  })
  .openapi("JoinCampaign");
export type JoinCampaign = z.infer<typeof JoinCampaign>;

/** The step of a participant's flow they reached; `recordProgress` checks it is one of their campaign kind's. */
export const RecordProgress = z.object({ step: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "a step name such as consent") }).openapi("RecordProgress");

const Likert = z.number().int().min(1, "an answer from 1 to 5").max(5, "an answer from 1 to 5");

export const AnswerSurvey = z
  .object({
    /** 1–5: did the participant feel represented by the process. */
    represented: Likert,
    /** 1–5: does the participant think the process fair. */
    fair: Likert,
    comment: z.string().max(5000).optional(),
  })
  .openapi("AnswerSurvey");
export type AnswerSurvey = z.infer<typeof AnswerSurvey>;

/** Credentials to check before joining: the same fields as the join's. */
export const CheckAdmission = z
  .object({
    invite: z.string().trim().min(1).max(200).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
  })
  .openapi("CheckAdmission");

export const CreateInvites = z.object({ count: z.number().int().min(1).max(1000) }).openapi("CreateInvites");

const ExternalIds = z.array(z.string().trim().min(1).max(200)).max(5000);

export const EditAllowlist = z
  .object({ add: ExternalIds.default([]), remove: ExternalIds.default([]) })
  .refine((e) => {
    const removed = new Set(e.remove);
    return !e.add.some((id) => removed.has(id));
  }, { message: "an id cannot be both added and removed", path: ["remove"] })
  .openapi("EditAllowlist");
export type EditAllowlist = z.infer<typeof EditAllowlist>;

/** Hiding or showing one contribution; `target.kind` is one the registered campaign kinds moderate. */
export const Moderate = z
  .object({
    target: z.object({ kind: z.string().min(1).max(40), id: Id }),
    reason: text(2000),
  })
  .openapi("Moderate");
export type Moderate = z.infer<typeof Moderate>;

export const LegitimacyQuery = z.object({ groupBy: z.string().max(40).optional() });

/** Whose content to erase: exactly one of the participant's id, the external id they joined with, or their public key. */
export const EraseParticipant = z
  .object({
    participant: Id.optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    publicKey: z.string().max(100).optional(),
    reason: text(2000),
  })
  .refine((e) => [e.participant, e.externalId, e.publicKey].filter((x) => x !== undefined).length === 1, {
    message: "name the person by exactly one of participant, externalId or publicKey",
    path: ["participant"],
  })
  .openapi("EraseParticipant");
export type EraseParticipant = z.infer<typeof EraseParticipant>;
