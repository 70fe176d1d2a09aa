import { createHash } from "node:crypto";

/** The share of rows a test split holds when none is asked for. */
export const DEFAULT_TEST_SHARE = 0.2;

/**
 * Which groups (questions, scenarios) go to the test split. Splits never divide a group, so no
 * test prompt is seen in training. Groups are taken in the order of their SHA-256 (a fixed
 * shuffle that depends on nothing but their ids), and go to test until the test split holds at
 * least `share` of all rows; at least one group always stays in train, so one group gives no test
 * split, and `share` 0 none.
 */
export function testGroups(rowsPerGroup: ReadonlyMap<string, number>, share: number): Set<string> {
  const total = [...rowsPerGroup.values()].reduce((a, b) => a + b, 0);
  const order = [...rowsPerGroup.keys()].sort((a, b) => {
    const ha = createHash("sha256").update(a).digest("hex");
    const hb = createHash("sha256").update(b).digest("hex");
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
  const test = new Set<string>();
  let inTest = 0;
  for (const group of order.slice(0, Math.max(0, order.length - 1))) {
    if (inTest >= share * total) break;
    test.add(group);
    inTest += rowsPerGroup.get(group)!;
  }
  return test;
}
