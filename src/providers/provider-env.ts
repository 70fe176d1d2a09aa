import { PolyphonyError } from "../core/errors.ts";

/** Where an OpenAI-compatible provider is and which model to use. */
export interface ProviderConfig {
  /** E.g. https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM). */
  readonly baseUrl: string;
  readonly model: string;
  /** Optional: local servers need none. */
  readonly apiKey?: string | undefined;
  /** Per attempt; local models on a CPU can be slow. */
  readonly timeoutMs?: number | undefined;
}

export type ProviderEnv = Readonly<Record<string, string | undefined>>;

const invalidSetting = (field: string, message: string) => new PolyphonyError("invalid_input", message, { field });

/**
 * Reads POLYPHONY_<kind>_BASE_URL, _MODEL, _API_KEY and _TIMEOUT_MS: undefined when neither URL
 * nor model is set; throws when only one of them is, or when a value is malformed.
 */
export function readProviderEnv(env: ProviderEnv, kind: "LLM" | "EMBED" | "FINETUNE"): ProviderConfig | undefined {
  const name = (suffix: string) => `POLYPHONY_${kind}_${suffix}`;
  const baseUrl = env[name("BASE_URL")]?.trim() || undefined;
  const model = env[name("MODEL")]?.trim() || undefined;
  if (!baseUrl && !model) return undefined;
  if (!baseUrl) throw invalidSetting(name("BASE_URL"), `${name("MODEL")} is set, so ${name("BASE_URL")} must be too`);
  if (!model) throw invalidSetting(name("MODEL"), `${name("BASE_URL")} is set, so ${name("MODEL")} must be too`);
  if (!URL.canParse(baseUrl)) throw invalidSetting(name("BASE_URL"), `${name("BASE_URL")} is not a URL: ${JSON.stringify(baseUrl)}`);
  const url = new URL(baseUrl);
  if (url.username || url.password) {
    // fetch refuses such URLs, and errors would repeat the secret: the key has its own variable.
    throw invalidSetting(name("BASE_URL"), `${name("BASE_URL")} must not hold credentials; put the key in ${name("API_KEY")}`);
  }
  const timeout = env[name("TIMEOUT_MS")]?.trim();
  const timeoutMs = timeout ? Number(timeout) : undefined;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw invalidSetting(name("TIMEOUT_MS"), `${name("TIMEOUT_MS")} must be a positive whole number of milliseconds`);
  }
  return { baseUrl, model, apiKey: env[name("API_KEY")]?.trim() || undefined, timeoutMs };
}
