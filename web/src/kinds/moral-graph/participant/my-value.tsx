import { lazy, Suspense, useMemo } from "react";
import { Loading } from "../../../components/layout.tsx";
import { t } from "../../../i18n/i18n.ts";
import { useAsync } from "../../../lib/use-async.ts";
import type { Me } from "../../../participant/session.ts";
import { connectedPart, selectDrawing } from "../results/graph-data.ts";
import { loadGraph } from "../results/load-graph.ts";
import { ValuesCard } from "../values-card.tsx";
import type { MoralGraphMe, MyCard } from "./api.ts";

const GraphCanvas = lazy(() => import("../results/graph-canvas.tsx"));

function MyValueInGraph({ campaignId, card }: { campaignId: string; card: MyCard }) {
  const graph = useAsync(
    (signal) => loadGraph(`/campaigns/${encodeURIComponent(campaignId)}/graph?method=polyphony`, signal),
    [campaignId],
  );
  const drawing = useMemo(() => (graph.data ? selectDrawing(graph.data, null) : null), [graph.data]);
  const drawn = useMemo(() => (drawing ? connectedPart(drawing, card.canonicalId).graph : null), [drawing, card.canonicalId]);
  if (graph.status === "loading") return <Loading label={t("closing.loadingGraph")} />;
  if (!drawing || !graph.data) return <p className="muted">{t("closing.notPublished")}</p>;
  // A value nobody has judged a story about has a prior score, not a place earned in the ranking.
  const judgments = graph.data.edges
    .filter((e) => e.from === card.canonicalId || e.to === card.canonicalId)
    .reduce((sum, e) => sum + e.counts.upgrade + e.counts.against + e.counts.notSure, 0);
  const mine = judgments > 0 ? drawing.values.find((v) => v.id === card.canonicalId) : undefined;
  return (
    <>
      <p>{mine ? t("closing.ranked", { rank: mine.rank, total: drawing.values.length, votes: judgments }) : t("closing.unjudged")}</p>
      {drawn && drawn.values.length > 0 && (
        <Suspense fallback={<div className="graph-frame"><Loading label="Loading the graph drawing" /></div>}>
          <GraphCanvas
            graph={drawn}
            selected={null}
            mine={card.canonicalId}
            onSelect={() => undefined}
            label={t("closing.graphLabel", { total: drawing.values.length })}
          />
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
