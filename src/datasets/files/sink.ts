import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";

/** A text file written in order, waiting when the disk falls behind, so that rows never pile up in memory. */
export class TextSink {
  readonly #stream: WriteStream;
  #buffered: string[] = [];
  #size = 0;

  constructor(path: string) {
    this.#stream = createWriteStream(path);
  }

  /** Adds text; flushes to the stream in pieces of about 1 MB. */
  async write(text: string): Promise<void> {
    this.#buffered.push(text);
    this.#size += text.length;
    if (this.#size >= 1 << 20) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#buffered.length === 0) return;
    const text = this.#buffered.join("");
    this.#buffered = [];
    this.#size = 0;
    if (this.#stream.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.#stream.once("error", fail);
      this.#stream.once("drain", () => {
        this.#stream.off("error", fail);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    await this.#flush();
    await new Promise<void>((resolve, reject) => this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** SHA-256 (hex) and size of a file, read as a stream. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
