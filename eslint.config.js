// Lint keeps the architecture: the core stays pure, kinds stay apart, shared modules never name a
// kind, no module imports itself back, and every promise and every union case is handled.
// docs/decisions/0008-lint-guard-rails.md says which rule guards which architecture rule.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { createNodeResolver, importX } from "eslint-plugin-import-x";

const root = import.meta.dirname;
const kinds = readdirSync(new URL("src/kinds/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The libraries scripts/check-core-purity.mjs lets the core import: pure, no I/O.
const PURE_PACKAGES = ["@noble/hashes", "@noble/curves", "canonicalize"];

const coreImportsOnlyCore = {
  target: "./src/core",
  from: "./src",
  except: ["./core"],
  message: "src/core imports only src/core (decision 0007).",
};
const kindsApart = kinds.map((kind) => ({
  target: `./src/kinds/${kind}`,
  from: "./src/kinds",
  except: [`./${kind}`],
  message: "A kind never imports another kind, nor the kind registry (decision 0007).",
}));
const sharedNeverImportsKinds = {
  // Everything under src/ but the kinds and the composition roots (main.ts, cli/index.ts, http/app.ts).
  target: ["./src/core", "./src/platform", "./src/datasets", "./src/store", "./src/providers", "./src/ports.ts", "./src/http/!(app.ts)", "./src/cli/**/!(index.ts)"],
  from: "./src/kinds",
  message: "Shared modules never import a kind; the registry (src/kinds/index.ts) and the composition roots do (decision 0007).",
};
// The browser bundle takes the pure log core from the server tree and nothing else.
const webTakesOnlyCore = {
  target: "./web/src",
  from: "./src",
  except: ["./core"],
  message: "The web app imports only src/core from the server tree; its API types come from web/src/api/openapi.d.ts.",
};
const layering = (zones) => ["error", { basePath: root, zones }];

// Node's globals, for the plain JavaScript files (the TypeScript files are checked by tsc).
const NODE_GLOBALS = { console: "readonly", process: "readonly", URL: "readonly" };

// In plain JavaScript every parameter is `any`, and in tests every `await res.json()` is: the
// no-unsafe-* rules there flag the language or the test's own assertions, not a hole in a type.
const UNSAFE_ANY_RULES = Object.fromEntries(
  ["no-unsafe-argument", "no-unsafe-assignment", "no-unsafe-call", "no-unsafe-member-access", "no-unsafe-return"].map(
    (rule) => [`@typescript-eslint/${rule}`, "off"],
  ),
);

export default defineConfig(
  {
    // test/fixtures/*/make.mjs runs against an older release's checkout, not this tree.
    ignores: ["node_modules/", "web/dist/", "test-output/", "src/store/migrations/", "test/fixtures/"],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.config.ts", "eslint.config.js", "bin/*.mjs", "scripts/*.mjs", "test/support/*.mjs", "src/platform/results/*.mjs"],
          // The files those globs match (nine now); the default of 8 stops the whole lint at the ninth.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: root,
      },
    },
    plugins: { "import-x": importX },
    settings: {
      // Without the TypeScript extensions and parser, import-x skips every .ts file when it follows
      // imports, and no-cycle finds nothing.
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver()],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "import-x/no-restricted-paths": layering([coreImportsOnlyCore, ...kindsApart, sharedNeverImportsKinds, webTakesOnlyCore]),
      // A leading underscore marks a value left unused on purpose; `const { a, ...rest } = x` drops `a`.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // An `async` method that does not await still turns a throw into a rejected promise, which is
      // what a caller of a Promise-returning port expects; dropping `async` to please the rule would not.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: NODE_GLOBALS },
    rules: UNSAFE_ANY_RULES,
  },
  {
    // Tests may import any kind (a shared module's test sets up a moral-graph campaign), may read
    // untyped JSON bodies, and pass methods to expect(); the core and kind rules still hold.
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: {
      ...UNSAFE_ANY_RULES,
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/unbound-method": "off",
      "import-x/no-restricted-paths": layering([coreImportsOnlyCore, ...kindsApart]),
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!\\.|(${PURE_PACKAGES.join("|")})(/|$))`,
              message: `src/core imports only src/core and the pure libraries ${PURE_PACKAGES.join(", ")} (scripts/check-core-purity.mjs).`,
            },
          ],
        },
      ],
    },
  },
);
