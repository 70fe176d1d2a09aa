import { useId, type Ref, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown) {
  const ids = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

export function TextField({ label, hint, error, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <input
        id={id}
        type="text"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      />
      {error && <span className="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

export function TextArea({ label, hint, error, ref, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <textarea
        id={id}
        ref={ref}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      />
      {error && <span className="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

/** A text area that grows with what is typed, so a sentence reads whole on a phone. */
export function GrowingTextArea({ label, hint, error, onChange, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fit = (area: HTMLTextAreaElement | null) => {
    if (!area) return;
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  return (
    <TextArea
      label={label}
      hint={hint}
      error={error}
      rows={1}
      className="growing"
      ref={fit}
      onChange={(event) => {
        fit(event.target);
        onChange?.(event);
      }}
      {...input}
    />
  );
}

export function SelectField({ label, hint, error, children, ...input }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <select
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
      >
        {children}
      </select>
      {error && <span className="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

/** A group of radio buttons with a legend. */
export function RadioGroup<T extends string>({
  legend,
  hint,
  name,
  options,
  value,
  onChange,
  inline = false,
  required = false,
  errorId,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  name: string;
  options: readonly { value: T; label: ReactNode }[];
  value: T | null;
  onChange: (value: T) => void;
  inline?: boolean;
  required?: boolean;
  /** The id of an error message shown beside the group. */
  errorId?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", errorId ?? ""].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={described || undefined} aria-invalid={errorId ? true : undefined}>
      <legend>{legend}</legend>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <div className={inline ? "choices inline" : "choices"}>
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              required={required}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A 1–5 agreement scale, as radio buttons. */
export function Scale({
  legend,
  name,
  value,
  onChange,
  low,
  high,
}: {
  legend: ReactNode;
  name: string;
  value: number | null;
  onChange: (value: number) => void;
  low: string;
  high: string;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-ends`}>
      <legend>{legend}</legend>
      <div className="scale">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>
              {n}
              <span className="visually-hidden">{n === 1 ? ` (${low})` : n === 5 ? ` (${high})` : ""}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="scale-ends" id={`${id}-ends`}>
        <span>1 = {low}</span>
        <span>5 = {high}</span>
      </div>
    </fieldset>
  );
}
