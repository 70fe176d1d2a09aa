import { readdirSync, readFileSync } from "node:fs";
import { extname, basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PolyphonyError } from "../core/errors.ts";

/** The repository's `prompts/` folder. */
export const PROMPTS_DIR = fileURLToPath(new URL("../../prompts/", import.meta.url));

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const TEMPLATE_EXTENSIONS = new Set([".md", ".txt"]);

/** Fills a prompt's `{{placeholders}}` from `vars`; throws when one has no value. */
export type PromptRenderer = (name: string, vars?: Readonly<Record<string, string>>) => string;

/** Reads every `.md` and `.txt` template of a folder once, and renders them by name (file name without extension). */
export function createPromptRenderer(dir: string): PromptRenderer {
  let templates: Map<string, string> | undefined;
  const load = () => {
    templates ??= new Map(
      readdirSync(dir)
        .filter((file) => TEMPLATE_EXTENSIONS.has(extname(file)))
        .map((file) => [basename(file, extname(file)), readFileSync(join(dir, file), "utf8")] as const),
    );
    return templates;
  };
  return (name, vars = {}) => {
    const template = load().get(name);
    if (template === undefined) {
      const known = [...load().keys()].sort().join(", ");
      throw new PolyphonyError("internal", `no prompt template "${name}" in ${dir} (have: ${known})`);
    }
    return template.replace(PLACEHOLDER, (_, key: string) => {
      const value = Object.hasOwn(vars, key) ? vars[key] : undefined;
      if (value === undefined) {
        throw new PolyphonyError("internal", `prompt "${name}" needs a value for {{${key}}}`);
      }
      return value;
    });
  };
}

/** Renders a template of the repository's `prompts/` folder. */
export const renderPrompt: PromptRenderer = createPromptRenderer(PROMPTS_DIR);
