import { lazy, Suspense, useMemo, useState } from "react";
import { SelectField } from "../../../components/fields.tsx";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { api, ApiError } from "../../../lib/api.ts";
import { count } from "../../../lib/format.ts";
import { useResearcher } from "../../../researcher/use-researcher.ts";
import { Link, usePageTitle } from "../../../lib/router.tsx";
import type { Campaign, CanonicalCard } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";
import { GraphLegend } from "./graph-legend.tsx";
import { connectedPart, selectDrawing } from "./graph-data.ts";
import { loadGraph } from "./load-graph.ts";
import { LegitimacyFigures, type Legitimacy } from "./legitimacy-figures.tsx";
import { ValueList } from "./value-list.tsx";
import { ValuePanel, type StoryRow } from "./value-panel.tsx";

const GraphCanvas = lazy(() => import("./graph-canvas.tsx"));

const ALL = "";

function Restricted() {
  return (
    <div className="notice">
      <p>
        The researchers running this campaign publish its results to signed-in researchers only. If you are one of them,{" "}
        <Link href="/researcher">sign in</Link> and come back.
      </p>
    </div>
  );
}

/** A campaign's results: the moral graph per context, the values, and the legitimacy figures. */
export default function ResultsPage({ campaignId }: { campaignId: string }) {
  // A signed-in researcher's session cookie goes with every request and shows every group.
  const { researcher } = useResearcher();
  const base = `/campaigns/${encodeURIComponent(campaignId)}`;
  const campaign = useAsync((signal) => api<{ campaign: Campaign }>(base, { signal }).then((b) => b.campaign), [campaignId]);
  const [groupBy, setGroupBy] = useState<string | null>(null);
  // The public sees groups only by questions with fixed options: a free-text answer is a group of one.
  const groupable = (campaign.data?.demographics ?? []).filter((d) => Boolean(researcher) || (d.options?.length ?? 0) > 0);
  const group = groupBy ?? groupable[0]?.key ?? null;
  const query = group ? `&groupBy=${encodeURIComponent(group)}` : "";
  const graph = useAsync(
    campaign.data ? (signal) => loadGraph(`${base}/graph?method=polyphony${query}`, signal) : null,
    [campaign.data, query],
  );
  const legitimacy = useAsync(
    campaign.data ? (signal) => api<Legitimacy>(`${base}/legitimacy${group ? `?groupBy=${encodeURIComponent(group)}` : ""}`, { signal }) : null,
    [campaign.data, query],
  );
  const [context, setContext] = useState(ALL);
  const [selected, setSelected] = useState<string | null>(null);
  const [detailsWanted, setDetailsWanted] = useState(false);
  const cards = useAsync(
    detailsWanted
      ? (signal) => api<{ cards: CanonicalCard[] }>(`${base}/canonical-cards`, { signal }).then((b) => new Map(b.cards.map((c) => [c.id, c])))
      : null,
    [detailsWanted],
  );
  const stories = useAsync(
    detailsWanted ? (signal) => api<{ stories: StoryRow[] }>(`${base}/export?format=polyphony`, { signal }).then((b) => b.stories) : null,
    [detailsWanted],
  );
  const contextName = context === ALL ? null : context;
  const drawing = useMemo(() => (graph.data ? selectDrawing(graph.data, contextName) : null), [graph.data, contextName]);
  const drawn = useMemo(() => (drawing ? connectedPart(drawing) : null), [drawing]);
  const choose = (id: string | null) => {
    setSelected(id);
    if (id) setDetailsWanted(true);
  };
  usePageTitle(campaign.data ? `Results: ${campaign.data.title}` : "Results");

  if (campaign.status === "failed") return <ErrorNotice error={campaign.error} title="This campaign could not be loaded" />;
  if (!campaign.data) return <Loading label="Loading the campaign" />;
  const restricted = graph.error instanceof ApiError && (graph.error.status === 401 || graph.error.status === 403);
  const c = campaign.data;
  const g = graph.data;
  return (
    <>
      <h1>Results: {c.title}</h1>
      {c.questions.map((q) => (
        <p className="question-quote" key={q.id}>
          {q.text}
        </p>
      ))}
      {restricted ? <Restricted /> : <ErrorNotice error={graph.error} title="The graph could not be computed" />}
      {!g && graph.status === "loading" && <Loading label="Computing the moral graph" />}
      {g && drawing && (
        <>
          <p>
            {count(g.participants)} people judged {count(g.countedVotes)} upgrades between {count(g.values.length)} values. A value
            ranks higher when people judged that moving to it from another value was wise.
          </p>
          <div className="row">
            <SelectField label="Context" value={context} onChange={(e) => setContext(e.target.value)}>
              <option value={ALL}>All contexts together</option>
              {g.contexts.map((ctx) => (
                <option key={ctx.id} value={ctx.name}>
                  {ctx.name} ({count(ctx.votes)} votes)
                </option>
              ))}
            </SelectField>
            {groupable.length > 0 && (
              <SelectField label="Endorsement by" value={group ?? ""} onChange={(e) => setGroupBy(e.target.value)}>
                {groupable.map((d) => (
                  <option key={d.key} value={d.key}>
                    {d.question}
                  </option>
                ))}
              </SelectField>
            )}
          </div>
          <GraphLegend widthMeans={drawing.widthMeans} groupLabel={group ? "groups" : null} />
          <div className="results-layout">
            <div>
              {!drawn || drawn.graph.values.length === 0 ? (
                <p className="notice">No judgments in this context yet.</p>
              ) : (
                <Suspense fallback={<div className="graph-frame"><Loading label="Loading the graph drawing" /></div>}>
                  <GraphCanvas
                    graph={drawn.graph}
                    selected={selected}
                    onSelect={choose}
                    label={`Moral graph of ${drawn.graph.values.length} values and ${drawing.edges.length} upgrades. The list of values beside it gives the same information.`}
                  />
                </Suspense>
              )}
              {drawn && drawn.left > 0 && (
                <p className="small muted">
                  {count(drawn.left)} {drawn.left === 1 ? "value has" : "values have"} no upgrade that people agree on yet: listed, not drawn.
                </p>
              )}
            </div>
            <div className="side-panel">
              {selected && (
                <ValuePanel graph={g} id={selected} context={contextName} cards={cards} stories={stories} onClose={() => setSelected(null)} />
              )}
              <ValueList values={drawing.values} selected={selected} onSelect={choose} />
            </div>
          </div>
          {g.contested.length > 0 && (
            <section aria-labelledby="contested-heading">
              <h2 id="contested-heading">Where people disagree</h2>
              <p>In these groups of values, upgrades run in a circle: people disagree about which is wiser.</p>
              <ul>
                {g.contested
                  .filter((x) => contextName === null || x.context === contextName)
                  .slice(0, 20)
                  .map((x, i) => (
                    <li key={i}>
                      <span className="context-tag">{x.context}</span>{" "}
                      {x.cards.map((id) => g.values.find((v) => v.id === id)?.title ?? id).join(" · ")}
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </>
      )}
      {legitimacy.data && <LegitimacyFigures data={legitimacy.data} />}
    </>
  );
}
