import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The layering of decision 0007, kept by eslint.config.js (decision 0008). The project's own
// configuration is copied into a small tree with two kinds (the project has one so far), and each
// snippet is linted as if it were a file at the given path of that tree; its imports resolve
// against the tree's files, so a snippet placed at a file's path can close a cycle.

const root = fileURLToPath(new URL("..", import.meta.url));
const LAYERING = ["import-x/no-restricted-paths", "import-x/no-cycle", "no-restricted-imports"];

const TREE: Record<string, string> = {
  "src/core/errors.ts": 'export const invalid = (what: string) => new Error(what);\n',
  "src/core/log/bytes.ts": "export const encodeHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16)).join(\"\");\n",
  "src/core/log/index.ts": 'export { encodeHex } from "./bytes.ts";\n',
  "src/platform/ids.ts": "export const newId = (prefix: string) => `${prefix}_1`;\n",
  "src/kinds/index.ts": "export const KINDS: string[] = [];\n",
  "src/kinds/moral-graph/schema.ts": 'export const valuesCards = "values_cards";\n',
  "src/kinds/scenarios/schema.ts": 'export const scenarios = "scenarios";\n',
};

let tree: string;
let eslint: ESLint;

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), "polyphony-lint-"));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  copyFileSync(join(root, "eslint.config.js"), join(tree, "eslint.config.js"));
  symlinkSync(join(root, "node_modules"), join(tree, "node_modules"), "dir");
  eslint = new ESLint({
    cwd: tree,
    overrideConfigFile: "eslint.config.js",
    // The import rules need no type information; without it no TypeScript program is built.
    overrideConfig: [tseslint.configs.disableTypeChecked],
  });
});

afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

/** The layering rules `code` breaks when it sits at `path`, each with its message. */
async function layeringProblems(path: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(tree, path) });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${path} did not parse: ${fatal.map((m) => m.message).join("; ")}`);
  return messages.filter((m) => m.ruleId !== null && LAYERING.includes(m.ruleId)).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe("the core imports only the core", () => {
  it("reports a core module importing the platform", async () => {
    const problems = await layeringProblems("src/core/stats/uses-platform.ts", 'import { newId } from "../../platform/ids.ts";\nexport const id = newId;\n');
    expect(problems).toEqual([{ rule: "import-x/no-restricted-paths", message: expect.stringContaining("src/core imports only src/core") }]);
  });

  it("reports a core module importing a Node built-in", async () => {
    const problems = await layeringProblems("src/core/stats/reads-files.ts", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n');
    expect(problems).toEqual([{ rule: "no-restricted-imports", message: expect.stringContaining("pure libraries") }]);
  });

  it("accepts a core module importing the core and a pure library", async () => {
    const code = 'import { sha256 } from "@noble/hashes/sha2.js";\nimport { invalid } from "../errors.ts";\nexport const both = [sha256, invalid];\n';
    expect(await layeringProblems("src/core/stats/pure.ts", code)).toEqual([]);
  });
});

describe("a kind never imports another kind", () => {
  it("reports a kind importing another kind's module, either way round", async () => {
    const fromScenarios = await layeringProblems("src/kinds/scenarios/uses-moral-graph.ts", 'import { valuesCards } from "../moral-graph/schema.ts";\nexport const t = valuesCards;\n');
    const fromMoralGraph = await layeringProblems("src/kinds/moral-graph/uses-scenarios.ts", 'import { scenarios } from "../scenarios/schema.ts";\nexport const t = scenarios;\n');
    expect(fromScenarios).toEqual([{ rule: "import-x/no-restricted-paths", message: expect.stringContaining("A kind never imports another kind") }]);
    expect(fromMoralGraph.map((p) => p.rule)).toEqual(["import-x/no-restricted-paths"]);
  });

  it("reports a kind importing the kind registry", async () => {
    const problems = await layeringProblems("src/kinds/moral-graph/uses-registry.ts", 'import { KINDS } from "../index.ts";\nexport const all = KINDS;\n');
    expect(problems).toEqual([{ rule: "import-x/no-restricted-paths", message: expect.stringContaining("nor the kind registry") }]);
  });

  it("accepts a kind importing its own modules, the platform and the core", async () => {
    const code = 'import { valuesCards } from "./schema.ts";\nimport { newId } from "../../platform/ids.ts";\nimport { invalid } from "../../core/errors.ts";\nexport const all = [valuesCards, newId, invalid];\n';
    expect(await layeringProblems("src/kinds/moral-graph/clean.ts", code)).toEqual([]);
  });
});

describe("shared modules never import a kind", () => {
  const importsMoralGraph = 'import { valuesCards } from "../../kinds/moral-graph/schema.ts";\nexport const t = valuesCards;\n';

  it("reports a platform module importing a kind", async () => {
    const problems = await layeringProblems("src/platform/moderation/names-a-kind.ts", importsMoralGraph);
    expect(problems).toEqual([{ rule: "import-x/no-restricted-paths", message: expect.stringContaining("Shared modules never import a kind") }]);
  });

  it.each([
    ["src/store/names-a-kind.ts", "../kinds/moral-graph/schema.ts"],
    ["src/http/route.ts", "../kinds/index.ts"],
    ["src/cli/session.ts", "../kinds/index.ts"],
    ["src/cli/commands/serve.ts", "../../kinds/moral-graph/schema.ts"],
    ["src/providers/prompts.ts", "../kinds/moral-graph/schema.ts"],
    ["src/ports.ts", "./kinds/index.ts"],
  ])("reports %s importing %s", async (path, spec) => {
    const problems = await layeringProblems(path, `import * as kind from "${spec}";\nexport const k = kind;\n`);
    expect(problems.map((p) => p.rule)).toEqual(["import-x/no-restricted-paths"]);
  });

  it("accepts the composition roots and tests importing the kind registry", async () => {
    const registry = (from: string) => `import { KINDS } from "${from}";\nexport const all = KINDS;\n`;
    expect(await layeringProblems("src/main.ts", registry("./kinds/index.ts"))).toEqual([]);
    expect(await layeringProblems("src/cli/index.ts", registry("../kinds/index.ts"))).toEqual([]);
    expect(await layeringProblems("src/http/app.ts", registry("../kinds/index.ts"))).toEqual([]);
    expect(await layeringProblems("src/platform/moderation/moderation.test.ts", registry("../../kinds/index.ts"))).toEqual([]);
  });
});

describe("the web app takes only the core from the server tree", () => {
  it("reports a web module importing the platform, and accepts the log core", async () => {
    const platform = await layeringProblems("web/src/log/uses-platform.ts", 'import { newId } from "../../../src/platform/ids.ts";\nexport const id = newId;\n');
    const core = await layeringProblems("web/src/log/uses-core.ts", 'import { encodeHex } from "../../../src/core/log/index.ts";\nexport const hex = encodeHex;\n');
    expect(platform.map((p) => p.rule)).toEqual(["import-x/no-restricted-paths"]);
    expect(core).toEqual([]);
  });
});

describe("no module imports itself back", () => {
  it("reports a cycle closed through another module", async () => {
    // src/core/log/index.ts re-exports bytes.ts: bytes.ts importing the index closes a cycle.
    const problems = await layeringProblems("src/core/log/bytes.ts", 'import { encodeHex } from "./index.ts";\nexport const hex = encodeHex;\n');
    expect(problems.map((p) => p.rule)).toEqual(["import-x/no-cycle"]);
  });
});

describe("the rules hold everywhere", () => {
  const REQUIRED = [
    "import-x/no-cycle",
    "import-x/no-restricted-paths",
    "@typescript-eslint/switch-exhaustiveness-check",
    "@typescript-eslint/no-floating-promises",
    "@typescript-eslint/no-misused-promises",
  ];
  const FILES = [
    "src/core/log/bytes.ts",
    "src/kinds/moral-graph/votes.ts",
    "src/platform/moderation/moderation.ts",
    "src/cli/index.ts",
    "src/platform/moderation/moderation.test.ts",
    "test/support/api.ts",
    "test/moderation-api.test.ts",
    "web/src/app.tsx",
    "bench/log/run.ts",
    "scripts/build-web.mjs",
    "bin/polyphony.mjs",
  ];

  it.each(FILES)("%s is linted with every required rule as an error", async (path) => {
    // The project's own configuration in the project's own tree; computing it lints nothing.
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(path)) as { rules: Record<string, unknown> };
    const severities = Object.fromEntries(REQUIRED.map((rule) => [rule, [config.rules[rule]].flat()[0]]));
    expect(severities).toEqual(Object.fromEntries(REQUIRED.map((rule) => [rule, 2])));
  });
});
