import { useState, type FormEvent } from "react";
import { TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";

/** A button that opens a reason field; the action runs with the reason. */
export function ReasonAction({
  action,
  what,
  onConfirm,
  danger = false,
}: {
  action: string;
  what: string;
  onConfirm: (reason: string) => Promise<void>;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {action}…<span className="visually-hidden"> {what}</span>
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("A reason is needed: it is kept on record.");
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm(reason.trim());
    } catch (e) {
      setFailure(e);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className="row">
        <TextField label={`Reason to ${action.toLowerCase()} ${what}`} value={reason} onChange={(e) => setReason(e.target.value)} error={error} autoFocus />
        <button type="submit" className={danger ? "danger" : undefined} style={{ marginBottom: "1rem" }} disabled={busy}>
          {action}
        </button>
        <button type="button" className="quiet" style={{ marginBottom: "1rem" }} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorNotice error={failure} />
    </form>
  );
}
