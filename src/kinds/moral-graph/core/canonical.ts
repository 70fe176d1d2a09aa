/**
 * Follows `mergedInto` links to the canonical card a vote now counts for. Merges never rewrite
 * votes: undoing a merge only clears the link, so every vote counts for its card again.
 */
export function resolveCanonical(mergedInto: ReadonlyMap<string, string | null>): Map<string, string> {
  const root = new Map<string, string>();
  for (const start of mergedInto.keys()) {
    const path: string[] = [];
    let id = start;
    while (!root.has(id)) {
      path.push(id);
      const next = mergedInto.get(id);
      if (next === null || next === undefined || path.includes(next)) break;
      id = next;
    }
    const top = root.get(id) ?? id;
    for (const p of path) root.set(p, top);
  }
  return root;
}
