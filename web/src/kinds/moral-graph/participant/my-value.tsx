import { lazy, Suspense, useMemo } from "react";
import { Loading } from "../../../components/layout.tsx";
import { t } from "../../../i18n/i18n.ts";
import { useAsync } from "../../../lib/use-async.ts";
import type { Me } from "../../../participant/session.ts";
import { drawingOf, neighbourhoodOf } from "../results/drawing.ts";
import { buildView } from "../results/graph-model.ts";
import { loadGraphPages } from "../results/load-graph.ts";
import { ValuesCard } from "../values-card.tsx";
import type { MoralGraphMe, MyCard } from "./api.ts";

const GraphCanvas = lazy(() => import("../results/graph-canvas.tsx"));

/** The values drawn around the participant's own. */
const AROUND = 7;

function MyValueInGraph({ campaignId, card }: { campaignId: string; card: MyCard }) {
  const pages = useAsync((signal) => loadGraphPages(`/campaigns/${encodeURIComponent(campaignId)}/graph?method=polyphony`, signal), [campaignId]);
  const view = useMemo(() => (pages.data ? buildView(pages.data, "polyphony", null, new Map(), null) : null), [pages.data]);
  // A value nobody has judged a story about has a prior score, not a place earned in the ranking:
  // the page says so, and draws the graph around the best value instead.
  const mine = view?.values.find((v) => v.id === card.canonicalId && v.votes > 0);
  const centre = mine?.id ?? view?.values[0]?.id;
  const drawing = useMemo(() => (view && centre ? drawingOf(view, neighbourhoodOf(view, centre, AROUND)) : null), [view, centre]);
  if (pages.status === "loading") return <Loading label={t("closing.loadingGraph")} />;
  if (!view || !drawing) return <p className="muted">{t("closing.notPublished")}</p>;
  return (
    <>
      <p>{mine ? t("closing.ranked", { rank: mine.rank, total: view.values.length, votes: mine.votes }) : t("closing.unjudged")}</p>
      {drawing.values.length > 0 && (
        <Suspense fallback={<div className="graph-frame"><Loading label={t("closing.loadingGraph")} /></div>}>
          <GraphCanvas graph={drawing} selected={null} mine={card.canonicalId} onSelect={() => undefined} columns={3} compact label={t("closing.graphLabel", { total: view.values.length })} />
        </Suspense>
      )}
    </>
  );
}

/** The closing page's part for a moral graph: the participant's card, and where it sits in the graph so far. */
export function MyValue({ campaignId, me }: { campaignId: string; me: Me | null }) {
  const card = (me as MoralGraphMe | null)?.cards.at(-1);
  if (!card) return null;
  return (
    <>
      <ValuesCard card={card} label={t("closing.yourCard")} />
      <MyValueInGraph campaignId={campaignId} card={card} />
    </>
  );
}
