import { useId, useState } from "react";
import { TextField } from "../../../components/fields.tsx";
import { t } from "../../../i18n/i18n.ts";
import type { CanonicalCard } from "../../../lib/types.ts";

/** How a card is named in the picker: its title, with its id when another card has the same title. */
const nameOf = (card: CanonicalCard, cards: readonly CanonicalCard[]) =>
  cards.some((c) => c !== card && c.title === card.title) ? `${card.title} (${card.id})` : card.title;

/**
 * A searchable value picker: type part of a title and choose among the matches (a text field
 * with the browser's own suggestion list), instead of scrolling a list of every value.
 */
export function ValuePicker({
  label,
  cards,
  value,
  onChange,
  error,
}: {
  label: string;
  cards: readonly CanonicalCard[];
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const list = useId();
  const chosen = cards.find((c) => c.id === value);
  const [text, setText] = useState(chosen ? nameOf(chosen, cards) : "");
  return (
    <>
      <TextField
        label={label}
        hint={t("stories.pickerHint", { count: cards.length })}
        list={list}
        value={text}
        autoComplete="off"
        error={error}
        onChange={(e) => {
          setText(e.target.value);
          const match = cards.find((c) => nameOf(c, cards) === e.target.value);
          onChange(match?.id ?? "");
        }}
      />
      <datalist id={list}>
        {cards.map((c) => (
          <option key={c.id} value={nameOf(c, cards)} />
        ))}
      </datalist>
    </>
  );
}
