import { z } from "@hono/zod-openapi";
import { Receipt } from "../log/views.ts";

/** What the moderation routes answer. */

const Target = z.object({ kind: z.string(), id: z.string() });

const ModerationAction = z
  .object({
    id: z.string(),
    target: Target,
    action: z.enum(["hide", "unhide"]),
    reason: z.string(),
    by: z.string().openapi({ description: "The researcher's id" }),
    at: z.iso.datetime(),
  })
  .openapi("ModerationAction");

export const Moderation = z
  .object({
    hidden: z.array(
      z.object({
        target: Target,
        label: z.string().openapi({ description: "A short reminder of what was hidden: a card's title, a story's opening" }),
        hiddenAt: z.iso.datetime(),
        reason: z.string(),
      }),
    ),
    actions: z.array(ModerationAction),
  })
  .openapi("Moderation");

export const ModerationReceipt = z.object({ action: ModerationAction, receipt: Receipt }).openapi("ModerationReceipt");
