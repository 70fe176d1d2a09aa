import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ValuesCard } from "../values-card.tsx";
import { score } from "../../../lib/format.ts";
import type { CanonicalCard } from "../../../lib/types.ts";
import type { AsyncState } from "../../../lib/use-async.ts";
import { endorsementOf, type PolyphonyGraph } from "./graph-data.ts";

export interface StoryRow {
  id: string;
  from: string;
  to: string;
  context: string;
  text: string;
}

const STORIES_SHOWN = 3;

function Neighbours({ graph, id, context, titles }: { graph: PolyphonyGraph; id: string; context: string | null; titles: Map<string, string> }) {
  const kept = graph.edges.filter((e) => e.kept && (context === null || e.contexts.includes(context)));
  const into = kept.filter((e) => e.to === id).sort((a, b) => b.counts.upgrade - a.counts.upgrade);
  const out = kept.filter((e) => e.from === id).sort((a, b) => b.counts.upgrade - a.counts.upgrade);
  if (into.length === 0 && out.length === 0) return <p className="small muted">No upgrade to or from this value has enough agreement yet.</p>;
  const line = (other: string, e: (typeof kept)[number]) => (
    <li key={`${e.from}>${e.to}>${e.contexts.join()}`}>
      {titles.get(other) ?? other}{" "}
      <span className="small muted">
        ({e.counts.upgrade} for, {e.counts.against} against{context === null ? `; ${e.contexts.join(", ")}` : ""})
      </span>
      {e.contested && <span className="badge contested"> contested</span>}
    </li>
  );
  return (
    <>
      {into.length > 0 && (
        <>
          <h4>Seen as wiser than</h4>
          <ul className="small">{into.slice(0, 8).map((e) => line(e.from, e))}</ul>
        </>
      )}
      {out.length > 0 && (
        <>
          <h4>Seen as less wise than</h4>
          <ul className="small">{out.slice(0, 8).map((e) => line(e.to, e))}</ul>
        </>
      )}
    </>
  );
}

function Endorsement({ graph, id, context }: { graph: PolyphonyGraph; id: string; context: string | null }) {
  const groupBy = graph.parameters.groupBy;
  if (!groupBy) return null;
  const rows = endorsementOf(graph, id, context);
  return (
    <>
      <h4>Who endorses it, by {groupBy.replaceAll("_", " ")}</h4>
      {rows.length === 0 ? (
        <p className="small muted">No group has judged an upgrade to this value yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="num">Wiser</th>
                <th scope="col" className="num">Not wiser</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.group}>
                  <th scope="row">{r.group}</th>
                  <td className="num">{r.support}</td>
                  <td className="num">{r.against}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One value: its card, its scores, the upgrades around it, its stories and the groups that endorse it. */
export function ValuePanel({
  graph,
  id,
  context,
  cards,
  stories,
  onClose,
}: {
  graph: PolyphonyGraph;
  id: string;
  context: string | null;
  cards: AsyncState<Map<string, CanonicalCard>>;
  stories: AsyncState<StoryRow[]>;
  onClose: () => void;
}) {
  const value = graph.values.find((v) => v.id === id);
  const titles = new Map([...(cards.data?.values() ?? [])].map((c) => [c.id, c.title]));
  for (const v of graph.values) titles.set(v.id, v.title);
  const card = cards.data?.get(id);
  const band = context === null ? null : value?.contexts[context];
  const told = (stories.data ?? []).filter((s) => (s.to === id || s.from === id) && (context === null || s.context === context || s.context === graph.contexts.find((c) => c.name === context)?.id));
  const contextName = (ref: string) => graph.contexts.find((c) => c.id === ref)?.name ?? ref;
  return (
    <section className="panel" aria-labelledby="value-heading">
      <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
        <h2 id="value-heading" style={{ margin: 0 }}>
          {value?.title ?? card?.title ?? "Value"}
        </h2>
        <button type="button" className="quiet" onClick={onClose}>
          Close<span className="visually-hidden"> this value</span>
        </button>
      </div>
      {card ? <ValuesCard card={card} showTitle={false} /> : cards.status === "loading" ? <Loading label="Loading the card" /> : null}
      {value && (
        <p className="small">
          {band
            ? `Score ${score(band.score)} in this context${band.low !== null && band.high !== null ? ` (likely between ${score(band.low)} and ${score(band.high)})` : ""}, rank ${band.rank}.`
            : `Overall score ${score(value.score)}.`}
        </p>
      )}
      <Neighbours graph={graph} id={id} context={context} titles={titles} />
      <Endorsement graph={graph} id={id} context={context} />
      <h4>Stories</h4>
      {stories.status === "loading" && <Loading label="Loading stories" />}
      <ErrorNotice error={stories.error} title="Stories could not be loaded" />
      {stories.status === "ready" && told.length === 0 && <p className="small muted">No story mentions this value.</p>}
      {told.slice(0, STORIES_SHOWN).map((s) => (
        <figure key={s.id} style={{ margin: "0.5rem 0" }}>
          <blockquote className="story small" style={{ margin: 0 }}>{s.text}</blockquote>
          <figcaption className="small muted">
            {titles.get(s.from) ?? "another value"} → {titles.get(s.to) ?? "another value"}, {contextName(s.context)}
          </figcaption>
        </figure>
      ))}
      {told.length > STORIES_SHOWN && <p className="small muted">and {told.length - STORIES_SHOWN} more in the export.</p>}
    </section>
  );
}
