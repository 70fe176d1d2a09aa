/**
 * The one rule every string Polyphony accepts must follow, wherever it comes from (a JSON body,
 * a query, a path): text a person could have typed and another can read. Refused:
 *
 * - NUL and the other C0/C1 control characters but tab, line feed and carriage return: PostgreSQL
 *   text cannot hold NUL, and the rest only hide or garble what is shown;
 * - lone UTF-16 surrogates: they are no character, and no UTF-8 (nor RFC 8785 JSON) can carry them;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
 *   a title read differently from what it is, and invisible characters that serve no script
 *   (zero-width space U+200B, word joiner and invisible operators U+2060–U+2064, U+FEFF). Zero-width
 *   joiner and non-joiner stay: emoji sequences and Persian or Indic text need them.
 *
 * The same walk bounds nesting, so a deeply nested body is refused before anything recurses on it.
 */

export const MAX_DEPTH = 32;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex -- the control characters are what this finds
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff]/;

/** Why `text` breaks the rule, or null when it follows it. */
export function textProblem(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `contains the control character U+${hex(control[0])}`;
  if (LONE_SURROGATE.test(text)) return "contains a lone UTF-16 surrogate, which is not a character";
  const invisible = INVISIBLE.exec(text);
  if (invisible) return `contains U+${hex(invisible[0])}, an invisible or direction-changing character`;
  return null;
}

const hex = (char: string) => char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");

/** Where in a value the rule is broken: the path (`policies/1`, a key's own path for a bad key) and why. */
export interface TextViolation {
  readonly path: string;
  readonly problem: string;
}

/** The first string (or object key) in a JSON value that breaks the rule, or nesting beyond MAX_DEPTH. */
export function findTextViolation(value: unknown, path = ""): TextViolation | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, problem };
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.depth >= MAX_DEPTH) return { path: item.path, problem: `nests deeper than ${MAX_DEPTH} levels` };
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? (item.value as unknown[]).map((v, i): [string, unknown] => [String(i), v])
      : Object.entries(item.value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const at = item.path === "" ? key : `${item.path}/${key}`;
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: at, problem: `has a key that ${keyProblem}` };
      stack.push({ value: child, path: at, depth: item.depth + 1 });
    }
  }
  return null;
}
