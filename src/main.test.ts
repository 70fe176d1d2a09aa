import { describe, expect, it } from "vitest";
import { readConfig } from "./main.ts";
import { DEFAULT_COMMIT_SETTINGS } from "./platform/log/group-commit.ts";

describe("readConfig", () => {
  it("reads the group commit settings, with the defaults when unset", () => {
    expect(readConfig({ data: "memory://" }, {}).commit).toEqual(DEFAULT_COMMIT_SETTINGS);
    const set = readConfig({ data: "memory://" }, { POLYPHONY_COMMIT_BATCH_SIZE: "1", POLYPHONY_COMMIT_WINDOW_MS: "0" });
    expect(set.commit).toEqual({ batchSize: 1, windowMs: 0 });
  });

  it("refuses a malformed setting, naming the variable", () => {
    for (const [name, value] of [
      ["POLYPHONY_COMMIT_BATCH_SIZE", "0"],
      ["POLYPHONY_COMMIT_BATCH_SIZE", "many"],
      ["POLYPHONY_COMMIT_WINDOW_MS", "-1"],
      ["POLYPHONY_COMMIT_WINDOW_MS", "2.5"],
    ] as const) {
      expect(() => readConfig({ data: "memory://" }, { [name]: value }), `${name}=${value}`).toThrow(expect.objectContaining({ field: name }));
    }
  });
});
