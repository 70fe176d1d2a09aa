import { readFileSync } from "node:fs";

/** The version in package.json, read at run time so that it is written in one place only. */
export function readPackageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
