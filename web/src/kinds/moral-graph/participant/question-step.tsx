import { useState, type FormEvent } from "react";
import { RadioGroup } from "../../../components/fields.tsx";
import type { MoralGraphCampaign } from "../../../lib/types.ts";
import { t } from "../../../i18n/i18n.ts";

/** Shows the question (or lets the participant pick one when the campaign asks several). */
export function QuestionStep({
  campaign,
  chosen,
  onContinue,
}: {
  campaign: MoralGraphCampaign;
  chosen: string | undefined;
  onContinue: (questionId: string) => void;
}) {
  const [question, setQuestion] = useState<string | null>(chosen ?? (campaign.questions.length === 1 ? campaign.questions[0]!.id : null));
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (question) onContinue(question);
    else setError(true);
  };
  const only = campaign.questions.length === 1 ? campaign.questions[0]! : null;
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t("question.heading")}</h2>
      {only ? (
        <p className="question-quote">{only.text}</p>
      ) : (
        <>
          <RadioGroup
            legend={t("question.which")}
            name="question"
            options={campaign.questions.map((q) => ({ value: q.id, label: q.text }))}
            value={question}
            onChange={(v) => {
              setQuestion(v);
              setError(false);
            }}
          />
          {error && <p className="field-error">{t("question.choose")}</p>}
        </>
      )}
      <p>{t("question.imagine")}</p>
      <p>{t("question.next")}</p>
      <button type="submit">{t("question.describe")}</button>
    </form>
  );
}
