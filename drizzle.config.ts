import { defineConfig } from "drizzle-kit";

// Each module declares its tables next to its code, in a file named schema.ts; one migrations folder.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/**/schema.ts",
  out: "./src/store/migrations",
});
