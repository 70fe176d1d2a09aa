import { useState, type FormEvent } from "react";
import { TextArea } from "../../../components/fields.tsx";
import { ErrorNotice } from "../../../components/notice.tsx";
import { ValuesCard } from "../values-card.tsx";
import { ApiError } from "../../../lib/api.ts";
import type { CardContent } from "../../../lib/types.ts";
import type { ChatTurn } from "./api.ts";
import { t } from "../../../i18n/i18n.ts";

/** The articulation chat: the model asks, the participant answers, and a draft card appears. */
export function ChatPanel({
  send,
  onDraft,
  onUnavailable,
}: {
  send: (message: string, chat?: string) => Promise<ChatTurn>;
  onDraft: (card: CardContent) => void;
  onUnavailable: () => void;
}) {
  const [turn, setTurn] = useState<ChatTurn | null>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setTurn(await send(message.trim(), turn?.chat));
      setMessage("");
    } catch (error) {
      if (error instanceof ApiError && error.status === 503) onUnavailable();
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="chat-heading">
      <h3 id="chat-heading">{t("chat.heading")}</h3>
      <ul className="chat-log" aria-live="polite">
        <li className="assistant">
          {t("chat.opening")}
        </li>
        {turn?.messages.map((m, i) => (
          <li key={i} className={m.role}>
            <span className="visually-hidden">{m.role === "user" ? t("chat.you") : t("chat.assistant")}</span>
            {m.content}
          </li>
        ))}
      </ul>
      {turn?.draft && (
        <div className="panel">
          <p>
            <strong>{t("chat.draft")}</strong> {t("chat.draftHint")}
          </p>
          <ValuesCard card={turn.draft} heading="h4" />
          <button type="button" onClick={() => onDraft(turn.draft!)}>
            {t("chat.use")}
          </button>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextArea label={t("chat.message")} value={message} onChange={(e) => setMessage(e.target.value)} rows={3} maxLength={4000} />
        <ErrorNotice error={failure} />
        <button type="submit" disabled={busy || !message.trim()}>
          {busy ? t("chat.waiting") : t("chat.send")}
        </button>
      </form>
    </section>
  );
}
