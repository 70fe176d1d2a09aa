import { useRef, type KeyboardEvent } from "react";
import { formatNumber, t } from "../../../i18n/i18n.ts";
import type { RankedValue } from "./graph-model.ts";

const score = (value: number) => formatNumber(value, { maximumFractionDigits: 3, minimumFractionDigits: Math.abs(value) < 10 ? 2 : 0 });

/** A score's interval as a small bar on the scale of the whole list: where the value likely lies. */
function IntervalBar({ value, scale }: { value: RankedValue; scale: { low: number; high: number } }) {
  const span = scale.high - scale.low || 1;
  const at = (x: number) => ((x - scale.low) / span) * 100;
  return (
    <svg className="interval" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      <line x1="0" y1="5" x2="100" y2="5" className="interval-axis" />
      {value.low !== null && value.high !== null && <rect x={at(value.low)} y="2" width={Math.max(1, at(value.high) - at(value.low))} height="6" className="interval-band" />}
      <rect x={Math.min(98, Math.max(0, at(value.score) - 1))} y="0" width="2" height="10" className="interval-point" />
    </svg>
  );
}

/**
 * The values, wisest first, with each score's interval and vote count, ties marked. The list is
 * one stop in the tab order: arrow keys move between values (a roving tabindex), Enter opens one.
 */
export function ValueList({
  values,
  selected,
  mine,
  onSelect,
}: {
  values: RankedValue[];
  selected: string | null;
  mine?: string | null;
  onSelect: (id: string) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const bands = values.flatMap((v) => [v.low ?? v.score, v.high ?? v.score]);
  const scale = { low: Math.min(...bands), high: Math.max(...bands) };
  const active = values.some((v) => v.id === selected) ? selected : (values[0]?.id ?? null);
  const move = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, to))]!;
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  };
  const interval = (v: RankedValue) =>
    v.low !== null && v.high !== null ? t("results.interval", { low: score(v.low), high: score(v.high) }) : t("results.noInterval");
  return (
    <section aria-labelledby="value-list-heading">
      <h2 id="value-list-heading">{t("results.listHeading")}</h2>
      <p className="small muted">{t("results.listHelp")}</p>
      <ol className="value-list" ref={list} onKeyDown={move}>
        {values.map((v) => (
          <li key={v.id} data-id={v.id}>
            <button type="button" tabIndex={v.id === active ? 0 : -1} aria-pressed={v.id === selected} onClick={() => onSelect(v.id)}>
              <span className="rank">
                {v.rank}
                {v.tied ? "=" : ""}
              </span>
              <span className="value-main">
                <span className="value-title">{v.title}</span>
                {v.id === mine && <span className="badge open">{t("results.yours")}</span>}
                {v.tied && <span className="badge">{t("results.tied")}</span>}
                <span className="value-meta small">
                  {t("results.scoreLine", { score: score(v.score) })} · {interval(v)} · {t("results.votes", { count: v.votes })}
                </span>
              </span>
              <IntervalBar value={v} scale={scale} />
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
