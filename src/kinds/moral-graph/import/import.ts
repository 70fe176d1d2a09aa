import { eq } from "drizzle-orm";
import { invalid, PolyphonyError } from "../../../core/errors.ts";
import { encodeBase64 } from "../../../core/log/index.ts";
import type { Queryable, Tx } from "../../../store/open.ts";
import { campaigns } from "../../../platform/campaigns/schema.ts";
import { canonicalCards, cardEndorsements, stories, valuesCards, votes } from "../schema.ts";
import { participantAnswers, participantIdentities, participantKeys, participants } from "../../../platform/participants/schema.ts";
import { insertCampaignRow } from "../../../platform/campaigns/campaigns.ts";
import { DEFAULT_JUDGING_QUOTA, getMoralGraphCampaign, insertSettings } from "../campaign-settings.ts";
import type { ServiceDeps } from "../../../platform/deps.ts";
import { newId } from "../../../platform/ids.ts";
import { generateKeyPair } from "../../../platform/log/ed25519.ts";
import type { AppendedEntry, EntryDraft } from "../../../platform/log/drafts.ts";
import { appendEntries } from "../../../platform/log/sequencer.ts";
import type { MaiDump } from "./dump.ts";
import { draftImportEntries } from "./import-entries.ts";

const AFFILIATION = "us_political_affiliation";
/** Log entries appended per call, so that progress moves while a large import is logged. */
const ENTRY_BATCH = 1024;

/** Told as an import goes: `done` of its `total` rows and log entries are written (not yet committed). */
export type ImportProgress = (done: number, total: number) => void;

/** Counts written rows and entries towards the total the dump implies, telling `report` each time. */
function countProgress(dump: MaiDump, people: number, report: ImportProgress | undefined): (written: number) => void {
  const records = dump.canonicalValuesCard.length + dump.valuesCard.length + dump.edgeHypothesis.length + dump.edge.length + dump.vote.length;
  // Rows: the records, each participant's row, identity and key, and the demographic answers.
  // Entries: one per record and participant, and the campaign's own.
  const total = records + 3 * people + dump.demographic.length + (1 + records + people);
  let done = 0;
  return (written) => {
    done += written;
    report?.(done, total);
  };
}

/** Inserts rows in chunks: one statement per chunk keeps imports fast on PGlite. */
async function insertChunked<T extends Record<string, unknown>>(tx: Queryable, table: Parameters<Queryable["insert"]>[0], rows: T[], advance: (written: number) => void) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx.insert(table).values(chunk);
    advance(chunk.length);
  }
}

/** Appends the drafts in batches, within the caller's transaction, so indices stay consecutive. */
async function appendInBatches(tx: Tx, drafts: EntryDraft[], now: Date, advance: (written: number) => void): Promise<AppendedEntry[]> {
  const appended: AppendedEntry[] = [];
  for (let i = 0; i < drafts.length; i += ENTRY_BATCH) {
    const batch = drafts.slice(i, i + ENTRY_BATCH);
    appended.push(...(await appendEntries(tx, batch, now)));
    advance(batch.length);
  }
  return appended;
}

function checkReferences(dump: MaiDump) {
  const cards = new Set(dump.canonicalValuesCard.map((c) => c.id));
  const contextNames = new Set(dump.context.map((c) => c.id));
  const cases = new Set(dump.case.map((c) => c.id));
  dump.edge.forEach((e, i) => {
    if (!cards.has(e.fromId)) throw invalid(`edge/${i}/fromId`, `edge ${i} starts at unknown canonical card ${e.fromId}`);
    if (!cards.has(e.toId)) throw invalid(`edge/${i}/toId`, `edge ${i} ends at unknown canonical card ${e.toId}`);
    if (!contextNames.has(e.contextId)) throw invalid(`edge/${i}/contextId`, `edge ${i} names unknown context ${e.contextId}`);
  });
  dump.edgeHypothesis.forEach((h, i) => {
    if (!cards.has(h.fromId) || !cards.has(h.toId)) throw invalid(`edgeHypothesis/${i}`, `story ${i} names an unknown card`);
    if (!contextNames.has(h.contextId)) throw invalid(`edgeHypothesis/${i}/contextId`, `story ${i} names unknown context ${h.contextId}`);
  });
  dump.valuesCard.forEach((c, i) => {
    if (c.canonicalCardId !== null && !cards.has(c.canonicalCardId)) throw invalid(`valuesCard/${i}/canonicalCardId`, `card ${c.id} maps to unknown canonical card`);
  });
  dump.vote.forEach((v, i) => {
    if (!cards.has(v.valuesCardId)) throw invalid(`vote/${i}/valuesCardId`, `card vote ${i} names unknown card ${v.valuesCardId}`);
    if (!cases.has(v.caseId)) throw invalid(`vote/${i}/caseId`, `card vote ${i} names unknown case ${v.caseId}`);
  });
}

/**
 * Imports a MAI 2023 dump into a new moral-graph campaign in one transaction. Original ids are kept
 * as external references, titles as they are; the dump's digest makes a second import a conflict.
 * Every record brought in gets its log entry, in the same transaction; each participant gets a
 * key the server holds. Returns the range of log indices [from, to) the import appended.
 */
export async function importMaiDump(deps: ServiceDeps, dump: MaiDump, digest: string, onProgress?: ImportProgress) {
  checkReferences(dump);
  const source = `mai-dft:${digest}`;
  const userIds = new Set([...dump.edge, ...dump.vote, ...dump.demographic].map((r) => r.userId));
  const advance = countProgress(dump, userIds.size, onProgress);
  const { campaignId: id, entries } = await deps.store.transaction(async (tx) => {
    const [existing] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.source, source));
    if (existing) throw new PolyphonyError("conflict", `this dump was imported already as campaign ${existing.id}`, { field: "dir" });
    const now = deps.clock.now();
    const affiliations = [...new Set(dump.demographic.map((d) => d.usPoliticalAffiliation))].sort();
    const campaignId = await insertCampaignRow(tx, now, {
      kind: "moral-graph",
      title: "Democratic Fine-Tuning (Meaning Alignment Institute, 2023)",
      description: dump.case.map((c) => `${c.title}: ${c.question}`).join("\n"),
      consent: "",
      demographics: affiliations.length >= 2 ? [{ key: AFFILIATION, question: "US political affiliation", options: affiliations }] : [],
      source,
    });
    const settings = { questions: dump.case.map((c) => c.question), contexts: dump.context.map((c) => c.id), judgingQuota: DEFAULT_JUDGING_QUOTA };
    await insertSettings(tx, campaignId, settings, dump.case.map((c) => c.id));
    const campaign = await getMoralGraphCampaign(tx, campaignId);
    const questionOf = new Map(dump.case.map((c, i) => [c.id, campaign.questions[i]!.id]));
    const contextOf = new Map(campaign.contexts.map((c) => [c.name, c.id]));

    const cardOf = new Map(dump.canonicalValuesCard.map((c) => [c.id, newId("cc")]));
    const canonicalRows = dump.canonicalValuesCard.map((c) => ({
      id: cardOf.get(c.id)!,
      campaignId,
      questionId: null,
      title: c.title,
      description: c.instructionsDetailed,
      policies: c.evaluationCriteria,
      externalRef: String(c.id),
      createdAt: new Date(c.createdAt),
    }));
    await insertChunked(tx, canonicalCards, canonicalRows, advance);
    const valuesRows = dump.valuesCard.map((c) => ({
      id: newId("card"),
      campaignId,
      questionId: null,
      participantId: null,
      title: c.title,
      description: c.instructionsDetailed,
      policies: c.evaluationCriteria,
      canonicalId: c.canonicalCardId === null ? null : cardOf.get(c.canonicalCardId)!,
      externalRef: String(c.id),
      createdAt: new Date(c.createdAt),
    }));
    await insertChunked(tx, valuesCards, valuesRows, advance);

    const participantOf = new Map([...userIds].map((u) => [u, newId("ptc")]));
    await insertChunked(tx, participants, [...participantOf.values()].map((pid) => ({ id: pid, campaignId, sessionTokenHash: null, createdAt: now })), advance);
    await insertChunked(
      tx,
      participantIdentities,
      [...participantOf].map(([user, pid]) => ({ participantId: pid, campaignId, externalId: `mai-dft:user:${user}` })),
      advance,
    );
    const answerRows = dump.demographic.map((d) => ({ participantId: participantOf.get(d.userId)!, key: AFFILIATION, value: d.usPoliticalAffiliation }));
    await insertChunked(tx, participantAnswers, answerRows, advance);
    const people = [...participantOf.values()].map((id) => ({
      id,
      answers: Object.fromEntries(answerRows.filter((a) => a.participantId === id).map((a) => [a.key, a.value])),
      key: generateKeyPair(),
    }));
    await insertChunked(
      tx,
      participantKeys,
      people.map((p) => ({ participantId: p.id, campaignId, publicKey: encodeBase64(p.key.publicKey), privateKey: p.key.seed, createdAt: now })),
      advance,
    );
    const storyRows = dump.edgeHypothesis.map((h) => ({
      id: newId("sty"),
      campaignId,
      fromId: cardOf.get(h.fromId)!,
      toId: cardOf.get(h.toId)!,
      contextId: contextOf.get(h.contextId)!,
      text: h.story,
      source: "import",
      createdAt: new Date(h.createdAt),
    }));
    await insertChunked(tx, stories, storyRows, advance);
    const voteRows = dump.edge.map((e) => ({
      id: newId("vote"),
      campaignId,
      participantId: participantOf.get(e.userId)!,
      fromId: cardOf.get(e.fromId)!,
      toId: cardOf.get(e.toId)!,
      contextId: contextOf.get(e.contextId)!,
      storyId: null,
      relationship: e.relationship,
      comment: e.comment,
      createdAt: new Date(e.createdAt),
      updatedAt: new Date(e.updatedAt),
    }));
    await insertChunked(tx, votes, voteRows, advance);
    const endorsementRows = dump.vote.map((v) => ({
      id: newId("end"),
      campaignId,
      participantId: participantOf.get(v.userId)!,
      canonicalId: cardOf.get(v.valuesCardId)!,
      questionId: questionOf.get(v.caseId)!,
      createdAt: new Date(v.createdAt),
    }));
    await insertChunked(tx, cardEndorsements, endorsementRows, advance);
    const imported = { campaign, canonicalCards: canonicalRows, valuesCards: valuesRows, participants: people, stories: storyRows, votes: voteRows, endorsements: endorsementRows };
    const entries = await appendInBatches(tx, draftImportEntries(imported, "mai-dft"), now, advance);
    return { campaignId, entries: { from: entries[0]!.index, to: entries.at(-1)!.index + 1 } };
  });
  return {
    campaign: await getMoralGraphCampaign(deps.store.db, id),
    counts: {
      canonicalCards: dump.canonicalValuesCard.length,
      valuesCards: dump.valuesCard.length,
      participants: userIds.size,
      stories: dump.edgeHypothesis.length,
      votes: dump.edge.length,
      cardEndorsements: dump.vote.length,
    },
    entries,
  };
}
