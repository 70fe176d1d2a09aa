import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { PolyphonyError } from "../../../core/errors.ts";
import { MAI_DUMP_FILES, MaiDump } from "../import/dump.ts";
import { importMaiDump } from "../import/import.ts";
import { emit, note } from "../../../cli/output.ts";
import { startProgress } from "../../../cli/progress.ts";
import { parseInput, readJsonFile } from "../../../cli/parse.ts";
import { withServices } from "../../../cli/session.ts";

/** Reads the dump's files and a digest of their bytes, which identifies the dump. */
function readMaiDump(dir: string): { dump: MaiDump; digest: string } {
  const hash = createHash("sha256");
  const raw: Record<string, unknown> = {};
  for (const name of MAI_DUMP_FILES) {
    const path = join(dir, `${name}.json`);
    raw[name] = readJsonFile(path);
    hash.update(name).update("\0").update(readFileSync(path)).update("\0");
  }
  return { dump: parseInput(MaiDump, raw), digest: hash.digest("hex") };
}

export function registerImportCommands(program: Command) {
  const command = program.command("import").description("import a deliberation from another tool");
  command
    .command("mai-dft <dir>")
    .description("import the Meaning Alignment Institute's 2023 Democratic Fine-Tuning dump into a new campaign")
    .action((dir: string, _o: unknown, cmd: Command) =>
      withServices(cmd, async (deps, g) => {
        const { dump, digest } = readMaiDump(dir);
        if (dump.canonicalValuesCard.length === 0) throw new PolyphonyError("invalid_input", `${dir} holds no canonical cards`, { field: "dir" });
        note(`importing ${dump.canonicalValuesCard.length} canonical cards, ${dump.valuesCard.length} cards, ${dump.edge.length} upgrade votes…`);
        const progress = startProgress("importing", g);
        const result = await importMaiDump(deps, dump, digest, (done, total) => progress.update(done, total)).finally(() => progress.finish());
        emit(g, result, () => `imported into campaign ${result.campaign.id}: ${JSON.stringify(result.counts)}`);
      }),
    );
}
