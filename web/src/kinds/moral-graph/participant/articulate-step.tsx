import { useEffect, useState } from "react";
import { RadioGroup } from "../../../components/fields.tsx";
import type { CardContent } from "../../../lib/types.ts";
import { CardForm, EMPTY_CARD } from "./card-form.tsx";
import { ChatPanel } from "./chat-panel.tsx";
import type { ChatTurn } from "./api.ts";
import { t } from "../../../i18n/i18n.ts";

type Mode = "form" | "chat";

const padPolicies = (policies: string[]) => [...policies, "", "", ""].slice(0, Math.max(3, policies.length));

/** The participant puts their value into words, through the form or (when the server has an LLM) a chat. */
export function ArticulateStep({
  question,
  draft,
  onDraftChange,
  onDone,
  probeChat,
  sendChat,
}: {
  question: string;
  draft: CardContent | undefined;
  onDraftChange: (card: CardContent) => void;
  onDone: (card: CardContent) => Promise<void>;
  probeChat: () => Promise<boolean>;
  sendChat: (message: string, chat?: string) => Promise<ChatTurn>;
}) {
  const [chatReady, setChatReady] = useState(false);
  const [mode, setMode] = useState<Mode>("form");
  const [fromChat, setFromChat] = useState(false);
  useEffect(() => {
    let live = true;
    probeChat().then((ok) => live && setChatReady(ok), () => undefined);
    return () => {
      live = false;
    };
  }, [probeChat]);
  const card = draft ?? EMPTY_CARD;
  return (
    <>
      <h2>{t("card.heading")}</h2>
      <p className="question-quote">{question}</p>
      {chatReady && (
        <RadioGroup<Mode>
          legend={t("card.modeLegend")}
          name="mode"
          inline
          options={[
            { value: "form", label: t("card.modeForm") },
            { value: "chat", label: t("card.chatOption") },
          ]}
          value={mode}
          onChange={setMode}
        />
      )}
      {mode === "chat" && chatReady ? (
        <ChatPanel
          send={sendChat}
          onDraft={(drafted) => {
            onDraftChange({ ...drafted, policies: padPolicies(drafted.policies) });
            setFromChat(true);
            setMode("form");
          }}
          onUnavailable={() => {
            setChatReady(false);
            setMode("form");
          }}
        />
      ) : (
        <>
          {fromChat && (
            <p className="notice" role="status">
              {t("card.fromChat")}
            </p>
          )}
          <CardForm card={card} onChange={onDraftChange} onSubmit={onDone} />
        </>
      )}
    </>
  );
}
