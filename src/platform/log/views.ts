import { z } from "@hono/zod-openapi";

const Base64 = z.string().openapi({ description: "Standard base64" });
const SignedNote = z.string().openapi({ description: "A C2SP signed note: checkpoint text, blank line, signature lines" });

/** Proof that a contribution is in the log: its entry's index, leaf hash, inclusion proof and the checkpoint it leads to. */
export const Receipt = z
  .object({
    index: z.number().int(),
    leafHash: Base64,
    inclusionProof: z.array(Base64),
    checkpoint: SignedNote,
    leaf: Base64.openapi({ description: "The entry's exact leaf bytes (RFC 8785 JSON): hashing them gives leafHash" }),
    opening: z
      .object({
        salt: Base64,
        content: z.string().openapi({ description: "The RFC 8785 JSON the entry's digest commits to: what was sent" }),
        signature: Base64.nullable().openapi({ description: "The author's signature over the content (docs/log-format.md)" }),
      })
      .nullable()
      .openapi({ description: "What opens the entry's digest, for its author only; null once erased" }),
    tlogProof: z.string().openapi({ description: "The same proof as a C2SP tlog-proof (c2sp.org/tlog-proof), with the leaf bytes as its extra" }),
  })
  .openapi("Receipt");

/** Where the log entry at `index`, and the `count - 1` after it, can be read on their own. */
export const logEntryUrl = (index: number, count = 1) => `/api/v1/log/entries?from=${index}&to=${index + count}&format=json`;

export const CheckpointView = z
  .object({ size: z.number().int(), root: Base64, checkpoint: SignedNote, signedAt: z.iso.datetime() })
  .openapi("Checkpoint");

export const LogEntry = z
  .object({
    v: z.literal(1),
    kind: z.string(),
    campaign: z.string().nullable(),
    author: z.string().openapi({ description: "Base64 Ed25519 key of a participant, `researcher:<id>`, `researcher:cli` or `system`" }),
    time: z.string(),
    body: z.looseObject({ digest: Base64 }),
  })
  .openapi("LogEntry");

export const EntryPage = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    entries: z.array(z.object({ index: z.number().int(), leaf: Base64.openapi({ description: "Base64 of the exact leaf bytes" }), entry: LogEntry })),
  })
  .openapi("EntryPage");

export const InclusionProof = z
  .object({
    index: z.number().int(),
    size: z.number().int(),
    leafHash: Base64,
    inclusionProof: z.array(Base64),
    checkpoint: SignedNote.nullable(),
  })
  .openapi("InclusionProof");

export const ConsistencyProof = z
  .object({ from: z.number().int(), to: z.number().int(), consistencyProof: z.array(Base64), checkpoint: SignedNote.nullable() })
  .openapi("ConsistencyProof");

export const Cosignatures = z
  .object({
    size: z.number().int(),
    cosignatures: z.array(z.object({ name: z.string(), time: z.number().int().openapi({ description: "Seconds since the Unix epoch" }) })),
  })
  .openapi("Cosignatures");
