import { useState, type FormEvent } from "react";
import { TextField } from "../../../components/fields.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { date } from "../../../lib/format.ts";
import type { Merge } from "../../../lib/types.ts";

function UndoForm({ merge, onUndo }: { merge: Merge; onUndo: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Undo this merge…
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("Say why the merge is undone.");
    setFailure(undefined);
    try {
      await onUndo(reason.trim());
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="row">
      <TextField label={`Reason for undoing merge ${merge.id}`} value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
      <button type="submit" style={{ marginBottom: "1rem" }}>
        Undo
      </button>
      <ErrorNotice error={failure} />
    </form>
  );
}

/** Every merge with who made it and why; open ones can be undone. */
export function MergeHistory({
  merges,
  titles,
  onUndo,
}: {
  merges: Merge[];
  titles: Map<string, string>;
  onUndo: (merge: Merge, reason: string) => Promise<void>;
}) {
  if (merges.length === 0) return <p className="muted">No merges yet.</p>;
  const name = (id: string) => titles.get(id) ?? id;
  return (
    <ul className="plain-list">
      {merges.map((m) => (
        <li key={m.id}>
          <p>
            <strong>{m.from.map(name).join(", ")}</strong> merged into <strong>{name(m.into)}</strong>
            {m.undoneAt && <span className="badge"> undone</span>}
          </p>
          <p className="small">
            “{m.reason}” · {date(m.createdAt)} · by <code>{m.mergedBy}</code>
          </p>
          {m.undoneAt ? (
            <p className="small muted">
              Undone {date(m.undoneAt)}: “{m.undoReason}”
            </p>
          ) : (
            <UndoForm merge={m} onUndo={(reason) => onUndo(m, reason)} />
          )}
        </li>
      ))}
    </ul>
  );
}
