import { TextField } from "../components/fields.tsx";
import type { DemographicQuestion } from "../lib/types.ts";

export interface DemographicDraft {
  key: string;
  question: string;
  options: string;
  required: boolean;
}

export const toDraft = (q: DemographicQuestion): DemographicDraft => ({
  key: q.key,
  question: q.question,
  options: (q.options ?? []).join("\n"),
  required: q.required ?? false,
});

/** A lowercase key such as `political_affiliation`, derived from the question when none is given. */
export function keyOf(d: DemographicDraft): string {
  const given = d.key.trim();
  if (given) return given;
  const slug = d.question.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^[^a-z]+|_+$/g, "").slice(0, 40);
  return slug || "question";
}

export function fromDraft(d: DemographicDraft): DemographicQuestion {
  const options = d.options.split(/\n|,/).map((o) => o.trim()).filter(Boolean);
  return { key: keyOf(d), question: d.question.trim(), ...(options.length > 0 && { options }), ...(d.required && { required: true }) };
}

/** Edits the campaign's demographic questions. */
export function DemographicsEditor({ items, onChange }: { items: DemographicDraft[]; onChange: (items: DemographicDraft[]) => void }) {
  const set = (i: number, change: Partial<DemographicDraft>) => onChange(items.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <fieldset>
      <legend>Demographic questions</legend>
      <p className="hint">
        Asked when a participant joins; results show which groups endorse each value. Optional for participants unless
        marked required.
      </p>
      {items.map((d, i) => (
        <div className="panel" key={i}>
          <TextField label={`Demographic question ${i + 1}`} value={d.question} onChange={(e) => set(i, { question: e.target.value })} />
          <TextField
            label="Key"
            hint={`Lowercase letters, digits and _; used in exports. Leave empty for “${keyOf({ ...d, key: "" })}”.`}
            value={d.key}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <div className="field">
            <label htmlFor={`demo-options-${i}`}>Answer options</label>
            <span className="hint" id={`demo-options-hint-${i}`}>
              One per line. Leave empty for a free-text answer.
            </span>
            <textarea
              id={`demo-options-${i}`}
              aria-describedby={`demo-options-hint-${i}`}
              value={d.options}
              rows={3}
              onChange={(e) => set(i, { options: e.target.value })}
            />
          </div>
          <label className="choice">
            <input type="checkbox" checked={d.required} onChange={(e) => set(i, { required: e.target.checked })} />
            <span>Required</span>
          </label>
          <button type="button" className="quiet" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            Remove question {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, { key: "", question: "", options: "", required: false }])}>
        Add a demographic question
      </button>
    </fieldset>
  );
}
