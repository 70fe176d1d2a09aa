/** An integer column to sort on: every value lies in [0, size). */
export interface SortColumn {
  readonly values: Int32Array;
  readonly size: number;
}

/**
 * Returns the row order that sorts rows by the given columns, most significant first, keeping
 * rows with equal keys in their original order. LSD radix sort with one counting pass per
 * column (Cormen et al., Introduction to Algorithms, §8.3): O(columns · (n + size)).
 */
export function orderByColumns(columns: readonly SortColumn[], length: number): Int32Array {
  let order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  let next = new Int32Array(length);
  for (let c = columns.length - 1; c >= 0; c--) {
    const { values, size } = columns[c]!;
    const start = new Int32Array(size + 1);
    for (let i = 0; i < length; i++) start[values[i]! + 1]!++;
    for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
    for (let i = 0; i < length; i++) {
      const row = order[i]!;
      next[start[values[row]!]!++] = row;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
