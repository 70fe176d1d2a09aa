/**
 * Finds lecturing and stock phrasing in a model's response: the tics that make synthetic data
 * read as a model's rather than as an answer to a person (a moralising aside, "As an AI…", a
 * closing "Remember,…"). Returns the phrases found; a response with any is dropped from a
 * value-grounded data set, whose point is to attend to the person, not to preach at them.
 */
const PATTERNS: readonly [string, RegExp][] = [
  ["as an AI", /\bas an (ai|artificial intelligence|ai language model|assistant)\b/i],
  ["it's important to", /\bit(?:'|’)?s (?:(?:very|really|also|always) )?(important|crucial|essential|vital) to\b/i],
  ["it is important to", /\bit is (?:(?:very|really|also|always) )?(important|crucial|essential|vital) to\b/i],
  ["remember that", /(^|[.!?]\s+)remember(,|\s+that\b)/i],
  ["I must emphasize", /\bi (must|want to|would like to) (emphasi[sz]e|stress|remind you)\b/i],
  ["ultimately, the choice", /\bultimately,? (the (choice|decision) is yours|it(?:'|’)?s up to you)\b/i],
  ["in conclusion", /\bin conclusion\b/i],
  ["delve", /\bdelv(e|ing)\b/i],
  ["navigate this", /\bnavigat(e|ing) (this|these|the) (journey|complex|challenging|difficult)/i],
  ["a testament to", /\ba testament to\b/i],
  ["I cannot stress enough", /\bcannot stress (this )?enough\b/i],
  ["seek professional help", /\b(please )?(always )?seek professional (help|advice)\b/i],
];

export function findLecturing(text: string): string[] {
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
