import { useEffect, useRef, useState, type ReactNode } from "react";
import { Loading } from "../../../components/layout.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { formatNumber, t } from "../../../i18n/i18n.ts";
import { api } from "../../../lib/api.ts";
import type { CanonicalCard } from "../../../lib/types.ts";
import { useAsync } from "../../../lib/use-async.ts";
import { ValuesCard } from "../values-card.tsx";
import type { GraphView, ViewEdge } from "./graph-model.ts";

interface StoryRow {
  id: string;
  from: string;
  to: string;
  context: string;
  text: string;
}

const STORIES_SHOWN = 3;

function Neighbours({ view, id, titles }: { view: GraphView; id: string; titles: Map<string, string> }) {
  const kept = view.edges.filter((e) => e.kept);
  const into = kept.filter((e) => e.to === id).sort((a, b) => b.upgrade - a.upgrade);
  const out = kept.filter((e) => e.from === id).sort((a, b) => b.upgrade - a.upgrade);
  if (into.length === 0 && out.length === 0) return <p className="small muted">{t("results.noUpgrades")}</p>;
  const line = (other: string, e: ViewEdge) => (
    <li key={e.id}>
      {titles.get(other) ?? other} <span className="small muted">{t("results.forAgainst", { upgrade: e.upgrade, against: e.against })}</span>
      {e.contested && <span className="badge contested">{t("results.contested")}</span>}
    </li>
  );
  return (
    <>
      {into.length > 0 && (
        <>
          <h3>{t("results.wiserThan")}</h3>
          <ul className="small">{into.slice(0, 8).map((e) => line(e.from, e))}</ul>
        </>
      )}
      {out.length > 0 && (
        <>
          <h3>{t("results.lessWiseThan")}</h3>
          <ul className="small">{out.slice(0, 8).map((e) => line(e.to, e))}</ul>
        </>
      )}
    </>
  );
}

function Endorsement({ view, id }: { view: GraphView; id: string }) {
  if (!view.groupBy) return null;
  const tally = new Map<string, { support: number; against: number }>();
  for (const e of view.edges) {
    if (e.to !== id || !e.kept || !e.byGroup) continue;
    for (const [group, g] of Object.entries(e.byGroup)) {
      const was = tally.get(group) ?? { support: 0, against: 0 };
      tally.set(group, { support: was.support + g.support, against: was.against + g.against });
    }
  }
  return (
    <>
      <h3>{t("results.endorsedBy", { groupBy: view.groupBy.replaceAll("_", " ") })}</h3>
      {tally.size === 0 ? (
        <p className="small muted">{t("results.noGroups")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("frame.table")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("results.group")}</th>
                <th scope="col" className="num">{t("results.wiser")}</th>
                <th scope="col" className="num">{t("results.notWiser")}</th>
              </tr>
            </thead>
            <tbody>
              {[...tally].map(([group, r]) => (
                <tr key={group}>
                  <th scope="row">{group}</th>
                  <td className="num">{formatNumber(r.support)}</td>
                  <td className="num">{formatNumber(r.against)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The stories about a value, read from the export only when asked for. */
function Stories({ exportPath, id, view, titles }: { exportPath: string; id: string; view: GraphView; titles: Map<string, string> }) {
  const [wanted, setWanted] = useState(false);
  const stories = useAsync(wanted ? (signal) => api<{ stories: StoryRow[] }>(exportPath, { signal }).then((b) => b.stories) : null, [wanted, exportPath]);
  if (!wanted) {
    return (
      <button type="button" className="secondary" onClick={() => setWanted(true)}>
        {t("results.readStories")}
      </button>
    );
  }
  const context = view.context;
  const told = (stories.data ?? []).filter((s) => (s.to === id || s.from === id) && (!context || s.context === context.id || s.context === context.name));
  return (
    <>
      {stories.status === "loading" && <Loading label={t("results.loadingStories")} />}
      <ErrorNotice error={stories.error} />
      {stories.status === "ready" && told.length === 0 && <p className="small muted">{t("results.noStories")}</p>}
      {told.slice(0, STORIES_SHOWN).map((s) => (
        <figure key={s.id} className="story-figure">
          <blockquote className="story small">{s.text}</blockquote>
          <figcaption className="small muted">
            {titles.get(s.from) ?? "…"} → {titles.get(s.to) ?? "…"}
          </figcaption>
        </figure>
      ))}
      {told.length > STORIES_SHOWN && <p className="small muted">{t("results.moreStories", { count: told.length - STORIES_SHOWN })}</p>}
    </>
  );
}

/**
 * One value: its card, its score, the upgrades around it, the groups that endorse it and, on
 * request, its stories. The panel takes focus when it opens and closes on Escape.
 */
export function ValuePanel({
  view,
  id,
  cards,
  exportPath,
  onClose,
  children,
}: {
  view: GraphView;
  id: string;
  cards: Map<string, CanonicalCard> | undefined;
  exportPath: string;
  onClose: () => void;
  children?: ReactNode;
}) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [id]);
  const closing = useRef(onClose);
  closing.current = onClose;
  useEffect(() => {
    // Escape closes the panel wherever focus is, unless a control (an open select) uses the key itself.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) closing.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const value = view.values.find((v) => v.id === id);
  const titles = new Map(view.values.map((v) => [v.id, v.title]));
  const card = cards?.get(id);
  return (
    <section
      className="panel value-panel"
      aria-labelledby="value-heading"
      tabIndex={-1}
      ref={panel}
    >
      <div className="panel-head">
        <h2 id="value-heading">{value?.title ?? card?.title ?? id}</h2>
        <button type="button" className="quiet" onClick={onClose}>
          {t("results.close")}
          <span className="visually-hidden">{t("results.closeWhich")}</span>
        </button>
      </div>
      {card && <ValuesCard card={card} showTitle={false} />}
      {value && (
        <p className="small">
          {t("results.panelScore", { rank: value.rank, total: view.values.length, votes: value.votes })}
          {value.tied ? ` ${t("results.panelTied")}` : ""}
        </p>
      )}
      {children}
      <Neighbours view={view} id={id} titles={titles} />
      <Endorsement view={view} id={id} />
      <h3>{t("results.stories")}</h3>
      <Stories exportPath={exportPath} id={id} view={view} titles={titles} />
    </section>
  );
}
