import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPromptRenderer, renderPrompt } from "./prompts.ts";

// The variables each template of prompts/ is rendered with by the providers.
const uses: Record<string, Record<string, string>> = {
  "articulation-chat": { question: "Q?" },
  "articulation-opening": {},
  "card-draft": { question: "Q?", conversation: "Participant: hi" },
  "upgrade-story": {
    context: "C", from_title: "A", from_description: "a", from_policies: "- X", to_title: "B", to_description: "b", to_policies: "- Y",
  },
  "json-repair": { problem: "P" },
};

describe("renderPrompt", () => {
  it.each(Object.entries(uses))("fills every placeholder of %s", (name, vars) => {
    const text = renderPrompt(name, vars);
    expect(text).not.toMatch(/\{\{/);
    for (const value of Object.values(vars)) expect(text).toContain(value);
  });

  it("names the prompt and the variable that is missing", () => {
    expect(() => renderPrompt("card-draft", { question: "Q?" })).toThrow('prompt "card-draft" needs a value for {{conversation}}');
  });

  it("lists the known prompts when asked for an unknown one", () => {
    expect(() => renderPrompt("nope")).toThrow(/no prompt template "nope".*card-draft/);
  });
});

describe("createPromptRenderer", () => {
  it("reads .md and .txt templates once, allows spaces in placeholders, and does not expand values", async () => {
    const dir = await mkdtemp(join(tmpdir(), "polyphony-prompts-"));
    try {
      await writeFile(join(dir, "greet.txt"), "Hello {{ name }}, {{name}}!");
      await writeFile(join(dir, "notes.json"), "{}");
      const render = createPromptRenderer(dir);
      expect(render("greet", { name: "{{name}}" })).toBe("Hello {{name}}, {{name}}!");
      await writeFile(join(dir, "greet.txt"), "changed");
      expect(render("greet", { name: "Ada" })).toBe("Hello Ada, Ada!");
      expect(() => render("notes")).toThrow(/no prompt template/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("does not take values from the object prototype", () => {
    const render = createPromptRenderer(join(import.meta.dirname, "../../prompts"));
    expect(() => render("json-repair", Object.create({ problem: "inherited" }) as Record<string, string>)).toThrow(/\{\{problem\}\}/);
  });
});
