import { lazy, Suspense, useMemo } from "react";
import { Loading } from "../components/layout.tsx";
import { SuccessNotice } from "../components/notice.tsx";
import { ValuesCard } from "../components/values-card.tsx";
import { api } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";
import { connectedPart, selectDrawing, type PolyphonyGraph } from "../results/graph-data.ts";
import { saveBlob } from "../lib/download.ts";
import type { KeptReceipt, MyCard } from "./session.ts";
import { SurveyForm, type SurveyAnswer } from "./survey-form.tsx";

const GraphCanvas = lazy(() => import("../results/graph-canvas.tsx"));

function MyValueInGraph({ campaignId, card }: { campaignId: string; card: MyCard }) {
  const graph = useAsync(
    (signal) => api<PolyphonyGraph>(`/campaigns/${encodeURIComponent(campaignId)}/graph?method=polyphony`, { signal }),
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

const WHAT: Record<KeptReceipt["what"], string> = { joined: "Joining", card: "Your values card", vote: "A judgment", survey: "Your survey answers" };

/** Where the participant's contributions sit in the public log, with their receipts to keep. */
function MyReceipts({ receipts, campaignId }: { receipts: KeptReceipt[]; campaignId: string }) {
  if (receipts.length === 0) return null;
  return (
    <section aria-labelledby="receipts-heading">
      <h2 id="receipts-heading">Your contributions on the public record</h2>
      <p>
        Each contribution is an entry in Polyphony&apos;s tamper-evident log, under a pseudonym. Anyone can check it is
        there, and that it was never altered.
      </p>
      <ul>
        {receipts.map(({ what, receipt }) => (
          <li key={receipt.index}>
            {WHAT[what]}: <Link href={`/log?index=${receipt.index}`}>entry {receipt.index}</Link>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() => saveBlob(new Blob([JSON.stringify(receipts, null, 2)], { type: "application/json" }), `polyphony-receipts-${campaignId}.json`)}
      >
        Download my receipts
      </button>
    </section>
  );
}

/** The end of the flow: the participant's card in the current graph, and the closing survey. */
export function ClosingStep({
  campaignId,
  card,
  surveyed,
  receipts,
  onSurvey,
}: {
  campaignId: string;
  card: MyCard | undefined;
  surveyed: boolean;
  receipts: KeptReceipt[];
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
      <MyReceipts receipts={receipts} campaignId={campaignId} />
      <p>
        <Link href={`/c/${encodeURIComponent(campaignId)}/results`}>See the full results</Link>
      </p>
    </>
  );
}
