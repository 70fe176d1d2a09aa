import { lazy, Suspense, useMemo } from "react";
import { Loading } from "../../../components/layout.tsx";
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
  if (graph.status === "loading") return <Loading label="Loading the current graph" />;
  if (!drawing) return <p className="muted">The researchers will publish the graph when the campaign ends.</p>;
  const mine = drawing.values.find((v) => v.id === card.canonicalId);
  return (
    <>
      <p>
        {mine
          ? `Your value ranks ${mine.rank} of ${drawing.values.length} so far. It is drawn in green; the arrows point to values people judged wiser.`
          : "Your value is not in the graph yet: it enters once others have judged stories about it. Here is the graph as it stands."}
      </p>
      {drawn && drawn.values.length > 0 && (
        <Suspense fallback={<div className="graph-frame"><Loading label="Loading the graph drawing" /></div>}>
          <GraphCanvas
            graph={drawn}
            selected={null}
            mine={card.canonicalId}
            onSelect={() => undefined}
            label={`The moral graph so far: ${drawing.values.length} values${mine ? `; yours ranks ${mine.rank}` : ""}.`}
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
      <ValuesCard card={card} label="Your values card" />
      <MyValueInGraph campaignId={campaignId} card={card} />
    </>
  );
}
