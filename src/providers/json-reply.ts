// Reasoning models served by Ollama or llama.cpp may think aloud before answering.
const THINKING = /<think>[\s\S]*?<\/think>/gi;

/** The reply without `<think>…</think>` blocks, trimmed. */
export function stripThinking(reply: string): string {
  return reply.replace(THINKING, "").trim();
}

/** End index (exclusive) of the balanced `{…}` starting at `start`, skipping braces inside strings. */
function endOfObject(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let k = start; k < text.length; k++) {
    const c = text[k];
    if (inString) {
      if (c === "\\") k++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return k + 1;
  }
  return undefined;
}

/**
 * The first JSON object in a reply, as text: the whole reply when it is one, else the first
 * `{…}` that parses (servers that ignore JSON mode wrap it in prose or code fences).
 */
export function extractJsonObject(reply: string): string | undefined {
  const text = stripThinking(reply);
  for (let start = text.indexOf("{"); start !== -1; start = text.indexOf("{", start + 1)) {
    const end = endOfObject(text, start);
    if (end === undefined) continue;
    const candidate = text.slice(start, end);
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) return candidate;
    } catch {
      // Not JSON (e.g. braces in prose); try the next opening brace.
    }
  }
  return undefined;
}
