import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../store/open.ts";
import { listCanonicalCards } from "./cards.ts";
import { readSettings } from "./campaign-settings.ts";
import { stories } from "./schema.ts";

/** The most values and pairs a coverage view lists per context; the counts are always whole. */
export const COVERAGE_LISTED = 200;

interface Named {
  id: string;
  title: string;
}

/**
 * Where a campaign still lacks stories, per context: the values that appear in no story there
 * (participants can never judge them in that context), and the pairs told in one direction only
 * (stories are written both ways so that voters, not the writer, decide which is wiser).
 */
export async function readStoryCoverage(db: Queryable, campaignId: string) {
  const { contexts } = await readSettings(db, campaignId);
  const cards = await listCanonicalCards(db, campaignId);
  const title = new Map(cards.map((c) => [c.id, c.title]));
  const told = await db
    .select({ from: stories.fromId, to: stories.toId, context: stories.contextId })
    .from(stories)
    .where(and(eq(stories.campaignId, campaignId), isNull(stories.hiddenAt)));
  return {
    values: cards.length,
    contexts: contexts.map((context) => {
      const here = told.filter((s) => s.context === context.id && title.has(s.from) && title.has(s.to));
      const directions = new Set(here.map((s) => `${s.from}>${s.to}`));
      const mentioned = new Set(here.flatMap((s) => [s.from, s.to]));
      const without: Named[] = cards.filter((c) => !mentioned.has(c.id)).map((c) => ({ id: c.id, title: c.title }));
      const oneWay = [...directions]
        .map((d) => d.split(">") as [string, string])
        .filter(([from, to]) => !directions.has(`${to}>${from}`))
        .map(([from, to]) => ({ from: { id: from, title: title.get(from)! }, to: { id: to, title: title.get(to)! } }));
      return {
        id: context.id,
        name: context.name,
        stories: here.length,
        valuesWithout: { count: without.length, values: without.slice(0, COVERAGE_LISTED) },
        oneWay: { count: oneWay.length, pairs: oneWay.slice(0, COVERAGE_LISTED) },
      };
    }),
  };
}
