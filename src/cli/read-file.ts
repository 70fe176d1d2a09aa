import { createReadStream, readFileSync } from "node:fs";
import { PolyphonyError } from "../core/errors.ts";

const CHUNK = 16 * 2 ** 20;

/** Reads a small text file (a key, a checkpoint), naming the option it came from when it cannot. */
export function readTextFile(path: string, option: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new PolyphonyError("not_found", `cannot read ${path}: ${(error as Error).message}`, { field: option });
  }
}

/**
 * Streams a file in 16 MB chunks, each a fresh array (a LineSplitter may keep views into it), so
 * that a million-entry export is never held whole.
 */
export async function* readFileChunks(path: string, option: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
  } catch (error) {
    throw new PolyphonyError("not_found", `cannot read ${path}: ${(error as Error).message}`, { field: option });
  } finally {
    stream.destroy();
  }
}
