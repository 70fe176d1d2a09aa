import { lazy, Suspense, useMemo } from "react";
import { Loading } from "../components/layout.tsx";
import { SuccessNotice } from "../components/notice.tsx";
import { ValuesCard } from "../components/values-card.tsx";
import { api } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { selectDrawing, type PolyphonyGraph } from "../results/graph-data.ts";
import type { MyCard } from "./session.ts";
import { SurveyForm, type SurveyAnswer } from "./survey-form.tsx";

const GraphCanvas = lazy(() => import("../results/graph-canvas.tsx"));

function MyValueInGraph({ campaignId, card }: { campaignId: string; card: MyCard }) {
  const graph = useAsync(
    (signal) => api<PolyphonyGraph>(`/campaigns/${encodeURIComponent(campaignId)}/graph?method=polyphony`, { signal }),
    [campaignId],
  );
  const drawing = useMemo(() => (graph.data ? selectDrawing(graph.data, null) : null), [graph.data]);
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
      {drawing.values.length > 0 && (
        <Suspense fallback={<div className="graph-frame"><Loading label="Loading the graph drawing" /></div>}>
          <GraphCanvas
            graph={drawing}
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

/** The end of the flow: the participant's card in the current graph, and the closing survey. */
export function ClosingStep({
  campaignId,
  card,
  surveyed,
  onSurvey,
}: {
  campaignId: string;
  card: MyCard | undefined;
  surveyed: boolean;
  onSurvey: (answer: SurveyAnswer) => Promise<void>;
}) {
  return (
    <>
      <h2>Thank you</h2>
      <p>Your contribution is recorded. Here is how it fits with everyone else&apos;s so far.</p>
      {card && <ValuesCard card={card} label="Your values card" />}
      {card && <MyValueInGraph campaignId={campaignId} card={card} />}
      {surveyed ? (
        <SuccessNotice>
          <p>Thank you for answering the survey. You can close this page now, or come back later to see the results grow.</p>
        </SuccessNotice>
      ) : (
        <SurveyForm onSubmit={onSurvey} />
      )}
      <p>
        <Link href={`/c/${encodeURIComponent(campaignId)}/results`}>See the full results</Link>
      </p>
    </>
  );
}
