import { TextArea, TextField } from "../components/fields.tsx";

/** Edits a list of short texts: one field each, with add and remove buttons. */
export function ListEditor({
  legend,
  hint,
  itemLabel,
  items,
  onChange,
  fixed = [],
  min = 0,
  multiline = false,
  errors = {},
}: {
  legend: string;
  hint?: string;
  itemLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  /** Entries that exist already and cannot be removed here. */
  fixed?: string[];
  min?: number;
  multiline?: boolean;
  errors?: Record<number, string>;
}) {
  const Field = multiline ? TextArea : TextField;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {fixed.length > 0 && (
        <ol className="small">
          {fixed.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ol>
      )}
      {items.map((item, i) => (
        <div className="row" key={i}>
          <Field
            label={`${itemLabel} ${fixed.length + i + 1}`}
            value={item}
            onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
            error={errors[i]}
            {...(multiline && { rows: 2 })}
          />
          {items.length > min && (
            <button type="button" className="quiet" style={{ marginBottom: "1rem" }} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              Remove<span className="visually-hidden"> {itemLabel.toLowerCase()} {fixed.length + i + 1}</span>
            </button>
          )}
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, ""])}>
        Add {itemLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}
