/** The parts of a values card that say what it means. */
export interface CardContent {
  readonly title: string;
  readonly description: string;
  readonly policies: readonly string[];
}

/** Joins a card's title, description and attention policies into one text for embedding. */
export function cardText(card: CardContent): string {
  const parts = [card.title, card.description, ...card.policies]
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`));
  return parts.join("\n");
}
