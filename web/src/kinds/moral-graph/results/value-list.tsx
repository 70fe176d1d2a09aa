import { score } from "../../../lib/format.ts";
import type { DrawnValue } from "./graph-data.ts";

const SHOWN = 200;

/** The values, wisest first, as buttons: the keyboard's way into the graph. */
export function ValueList({
  values,
  selected,
  mine,
  onSelect,
}: {
  values: DrawnValue[];
  selected: string | null;
  mine?: string | null;
  onSelect: (id: string) => void;
}) {
  const shown = values.slice(0, SHOWN);
  const chosen = selected ? values.find((v) => v.id === selected) : undefined;
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  return (
    <section aria-labelledby="value-list-heading">
      <h2 id="value-list-heading">Values, wisest first</h2>
      {values.length > SHOWN && (
        <p className="small muted">
          The top {SHOWN} of {values.length.toLocaleString("en")}; click any value in the graph to read it.
        </p>
      )}
      <div className="value-list">
        <ol>
          {shown.map((v) => (
            <li key={v.id}>
              <button type="button" aria-pressed={v.id === selected} onClick={() => onSelect(v.id)}>
                <span>
                  <span className="rank">{v.rank}.</span>
                  <span className="value-title">{v.title}</span>
                  {v.id === mine && <span className="badge open"> yours</span>}
                </span>
                <span className="small muted">{score(v.score)}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
