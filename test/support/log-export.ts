import { exportLog } from "../../src/platform/log/audit/export-log.ts";
import type { TestApi } from "./api.ts";

/** The whole log as `polyphony log export` writes it, as one chunk of bytes (for `dataset verify`). */
export async function* logExport(t: TestApi, edit: (text: string) => string = (text) => text): AsyncGenerator<Uint8Array> {
  let text = "";
  await exportLog(t.deps, {}, async (piece) => void (text += piece), () => {});
  yield new TextEncoder().encode(edit(text));
}
