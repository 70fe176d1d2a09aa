import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatSignerKey, makeEd25519Signer } from "../core/log/index.ts";
import { DEFAULT_ORIGIN, LOG_KEY_FILE, loadLogKey } from "./log-key-file.ts";

describe("loadLogKey", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "polyphony-key-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a key in the data folder at first start, mode 0600, and reads the same one after", () => {
    const first = loadLogKey({ dataDir: join(dir, "data") });
    const path = join(dir, "data", LOG_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).toMatch(/^PRIVATE\+KEY\+polyphony\.local\/log\+[0-9a-f]{8}\+/);
    expect(first.name).toBe(DEFAULT_ORIGIN);
    expect(first.origin).toBe(DEFAULT_ORIGIN);
    expect(loadLogKey({ dataDir: join(dir, "data") }).seed).toEqual(first.seed);
  });

  it("names a generated key after the configured origin", () => {
    const key = loadLogKey({ dataDir: dir, origin: "deliberation.example.org/log" });
    expect(key).toMatchObject({ name: "deliberation.example.org/log", origin: "deliberation.example.org/log" });
  });

  it("takes the key from POLYPHONY_LOG_KEY, or from a file, without touching the data folder", () => {
    const seed = new Uint8Array(32).fill(9);
    const text = formatSignerKey("lab.example/log", seed);
    const given = loadLogKey({ dataDir: join(dir, "unused"), key: text });
    expect(given).toMatchObject({ name: "lab.example/log", origin: "lab.example/log", seed });
    const file = join(dir, "key");
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
    expect(loadLogKey({ dataDir: join(dir, "unused"), keyFile: file, origin: "other/log" })).toMatchObject({ name: "lab.example/log", origin: "other/log", seed });
    expect(() => statSync(join(dir, "unused"))).toThrow();
    expect(makeEd25519Signer(given.name, given.seed).keyId).toBe(makeEd25519Signer("lab.example/log", seed).keyId);
  });

  it("refuses a key file others can read, and a string that is not a signer key", () => {
    const file = join(dir, "key");
    writeFileSync(file, formatSignerKey("lab.example/log", new Uint8Array(32).fill(1)));
    chmodSync(file, 0o644);
    expect(() => loadLogKey({ dataDir: dir, keyFile: file })).toThrow(/chmod 600/);
    expect(() => loadLogKey({ dataDir: dir, key: "PRIVATE+KEY+lab+00000000+AAAA" })).toThrow(/not a C2SP signer key/);
  });
});
