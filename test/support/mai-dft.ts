import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The MAI 2023 reference dump beside the project (../shared/data/mai-dft); tests skip without it. */
export const MAI_DFT_DIR = fileURLToPath(new URL("../../../shared/data/mai-dft", import.meta.url));
export const hasMaiDft = existsSync(`${MAI_DFT_DIR}/edge.json`);

if (!hasMaiDft) console.warn(`${MAI_DFT_DIR} is absent: tests on the real MAI deliberation are skipped`);
