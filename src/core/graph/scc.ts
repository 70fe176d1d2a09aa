/** Out-adjacency in compressed rows: the targets of node v are `targets[start[v] .. start[v + 1])`. */
export interface Adjacency {
  readonly nodeCount: number;
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/** Builds compressed out-adjacency from edge columns by counting sort on the source. */
export function createAdjacency(nodeCount: number, from: Int32Array, to: Int32Array, edgeCount = from.length): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const targets = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) targets[fill[from[e]!]!++] = to[e]!;
  return { nodeCount, start, targets };
}

/**
 * Strongly connected components by Tarjan's algorithm (SIAM J. Comput. 1(2), 1972), run with an
 * explicit call stack so deep graphs cannot overflow. Returns the component of every node;
 * components are numbered in the order Tarjan completes them (reverse topological order).
 */
export function findStrongComponents(graph: Adjacency): { component: Int32Array; count: number } {
  const n = graph.nodeCount;
  const { start, targets } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = start[root]!;
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < start[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[stackTop++] = w;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = start[w]!;
        } else if (component[w] === -1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop]!;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { component, count };
}

/**
 * The nodes of each strongly connected component with more than one node (a cycle of kept
 * edges), each ascending; `names[v]` replaces node v when given.
 */
export function listCycles(nodeCount: number, from: Int32Array, to: Int32Array, names?: Int32Array): Int32Array[] {
  const { component, count } = findStrongComponents(createAdjacency(nodeCount, from, to));
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < nodeCount; v++) members[component[v]!]!.push(names ? names[v]! : v);
  return members.filter((m) => m.length > 1).map((m) => Int32Array.from(m).sort());
}
