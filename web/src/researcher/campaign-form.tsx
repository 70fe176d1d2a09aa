import { useState, type FormEvent } from "react";
import { RadioGroup, TextArea, TextField } from "../components/fields.tsx";
import { ErrorNotice } from "../components/notice.tsx";
import { t } from "../i18n/i18n.ts";
import { ApiError } from "../lib/api.ts";
import type { AdmissionMode, Campaign, DemographicQuestion } from "../lib/types.ts";
import { DemographicsEditor, fromDraft, toDraft, type DemographicDraft } from "./demographics-editor.tsx";
import { ListEditor } from "./list-editor.tsx";

export interface CampaignInput {
  title: string;
  description: string;
  consent: string;
  questions: string[];
  contexts: string[];
  demographics: DemographicQuestion[];
  admission: { mode: AdmissionMode; externalIdParam?: string };
  resultsVisibility: "public" | "token";
  consentDetails: { organiser: string; contact: string; minutes: number | null; erasure: string };
  judgingQuota: number;
}

const admissionChoices = () => [
  { value: "open" as const, label: t("form.admOpen") },
  { value: "invite" as const, label: t("form.admInvite") },
  { value: "allowlist" as const, label: t("form.admAllowlist") },
];

const visibilityChoices = () => [
  { value: "public" as const, label: t("form.visPublic") },
  { value: "token" as const, label: t("form.visToken") },
];

const trimmed = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);

/**
 * Creates a campaign, or edits one: questions and contexts can be added but not removed, since
 * cards and votes point at them.
 */
export function CampaignForm({
  existing,
  onSubmit,
  submitLabel,
  saved = false,
}: {
  existing?: Campaign;
  onSubmit: (input: CampaignInput) => Promise<void>;
  submitLabel: string;
  /** Shown beside the button once the last submission was saved. */
  saved?: boolean;
}) {
  const moralGraph = existing?.kind === "moral-graph" ? existing : undefined;
  const [title, setTitle] = useState(existing?.title ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [consent, setConsent] = useState(existing?.consent ?? "");
  const [questions, setQuestions] = useState<string[]>(existing ? [] : [""]);
  const [contexts, setContexts] = useState<string[]>(existing ? [] : [""]);
  const [demographics, setDemographics] = useState<DemographicDraft[]>(existing?.demographics.map(toDraft) ?? []);
  const [mode, setMode] = useState<AdmissionMode>(existing?.admission.mode ?? "open");
  const [param, setParam] = useState(existing?.admission.mode === "allowlist" ? existing.admission.externalIdParam : "PROLIFIC_PID");
  const [visibility, setVisibility] = useState<"public" | "token">(existing?.resultsVisibility === "token" ? "token" : "public");
  const [organiser, setOrganiser] = useState(existing?.consentDetails.organiser ?? "");
  const [contact, setContact] = useState(existing?.consentDetails.contact ?? "");
  const [minutes, setMinutes] = useState(existing?.consentDetails.minutes ? String(existing.consentDetails.minutes) : "");
  const [erasure, setErasure] = useState(existing?.consentDetails.erasure ?? "");
  const [quota, setQuota] = useState(String(moralGraph?.judgingQuota ?? 5));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t("form.errTitle");
    if (!existing && trimmed(questions).length === 0) found.questions = t("form.errQuestions");
    if (!existing && trimmed(contexts).length === 0) found.contexts = t("form.errContexts");
    if (minutes.trim() && !(/^\d+$/.test(minutes.trim()) && Number(minutes) >= 1 && Number(minutes) <= 600)) found.minutes = t("form.errMinutes");
    if (!(/^\d+$/.test(quota.trim()) && Number(quota) >= 1 && Number(quota) <= 200)) found.judgingQuota = t("form.errQuota");
    if (mode === "allowlist" && !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(param.trim())) {
      found.param = t("form.errParam");
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit({
        title: title.trim(),
        description: description.trim(),
        consent: consent.trim(),
        questions: trimmed(questions),
        contexts: trimmed(contexts),
        demographics: demographics.filter((d) => d.question.trim()).map(fromDraft),
        admission: mode === "allowlist" ? { mode, externalIdParam: param.trim() } : { mode },
        resultsVisibility: visibility,
        consentDetails: { organiser: organiser.trim(), contact: contact.trim(), minutes: minutes.trim() ? Number(minutes) : null, erasure: erasure.trim() },
        judgingQuota: Number(quota),
      });
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field.split("/")[0]!]: error.message });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField label={t("card.title")} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} maxLength={200} />
      <TextArea
        label={t("card.description")}
        hint={t("form.descriptionHint")}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
        rows={3}
      />
      <ListEditor
        legend={existing ? t("form.questionsMore") : t("form.questions")}
        hint={t("form.questionsHint")}
        itemLabel={t("results.question")}
        items={questions}
        fixed={moralGraph?.questions.map((q) => q.text) ?? []}
        onChange={setQuestions}
        min={existing ? 0 : 1}
        multiline
      />
      {errors.questions && <p className="field-error">{errors.questions}</p>}
      <ListEditor
        legend={existing ? t("form.contextsMore") : t("form.contexts")}
        hint={t("form.contextsHint")}
        itemLabel={t("results.context")}
        items={contexts}
        fixed={moralGraph?.contexts.map((c) => c.name) ?? []}
        onChange={setContexts}
        min={existing ? 0 : 1}
      />
      {errors.contexts && <p className="field-error">{errors.contexts}</p>}
      {(errors.addQuestions || errors.addContexts) && <p className="field-error">{errors.addQuestions ?? errors.addContexts}</p>}
      <DemographicsEditor items={demographics} onChange={setDemographics} />
      {errors.demographics && <p className="field-error">{errors.demographics}</p>}
      <TextArea
        label={t("form.consent")}
        hint={t("form.consentHint")}
        value={consent}
        onChange={(e) => setConsent(e.target.value)}
        error={errors.consent}
        rows={5}
      />
      <fieldset>
        <legend>{t("form.consentDetails")}</legend>
        <p className="hint">{t("form.consentDetailsHint")}</p>
        <TextField label={t("consent.who")} value={organiser} onChange={(e) => setOrganiser(e.target.value)} error={errors.consentDetails} maxLength={300} />
        <TextField label={t("consent.contact")} hint={t("form.contactHint")} value={contact} onChange={(e) => setContact(e.target.value)} maxLength={300} />
        <TextField label={t("form.minutes")} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} error={errors.minutes} />
        <TextArea label={t("consent.erasure")} hint={t("form.erasureHint")} value={erasure} onChange={(e) => setErasure(e.target.value)} rows={2} maxLength={2000} />
      </fieldset>
      <TextField
        label={t("form.quota")}
        hint={t("form.quotaHint")}
        inputMode="numeric"
        value={quota}
        onChange={(e) => setQuota(e.target.value)}
        error={errors.judgingQuota}
      />
      <RadioGroup legend={t("form.whoJoins")} name="admission" options={admissionChoices()} value={mode} onChange={setMode} />
      {mode === "allowlist" && (
        <TextField
          label={t("form.param")}
          hint={t("form.paramHint")}
          value={param}
          onChange={(e) => setParam(e.target.value)}
          error={errors.param ?? errors.admission}
        />
      )}
      <RadioGroup legend={t("form.whoSees")} name="visibility" options={visibilityChoices()} value={visibility} onChange={setVisibility} />
      <ErrorNotice error={failure} title={t("form.notSaved")} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("card.saving") : submitLabel}
        </button>
        {saved && !busy && (
          <span className="saved-mark" role="status">
            {t("form.saved")}
          </span>
        )}
      </div>
    </form>
  );
}
