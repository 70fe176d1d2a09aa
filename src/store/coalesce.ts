/**
 * Gathers the calls made during one turn of the event loop and answers them with one call of
 * `load`, which gets their keys in order and returns one value (or error) per key. Under load,
 * the requests that arrive while a query runs share the next query instead of queueing one each.
 */
export function coalesce<K, V>(load: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): (key: K) => Promise<V> {
  let pending: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    load(batch.map((p) => p.key)).then(
      (values) => batch.forEach((p, i) => (values[i] instanceof Error ? p.reject(values[i]) : p.resolve(values[i] as V))),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ key, resolve, reject });
    });
}

/** One coalescer per owner (a store's database handle), made on first use. */
export function coalescerPer<O extends object, K, V>(make: (owner: O) => (key: K) => Promise<V>): (owner: O) => (key: K) => Promise<V> {
  const made = new WeakMap<O, (key: K) => Promise<V>>();
  return (owner) => {
    let coalescer = made.get(owner);
    if (!coalescer) made.set(owner, (coalescer = make(owner)));
    return coalescer;
  };
}
