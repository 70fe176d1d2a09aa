import { useCallback, useEffect, useRef, useState } from "react";

export type AsyncState<T> =
  | { status: "idle" | "loading"; data?: T; error?: undefined }
  | { status: "ready"; data: T; error?: undefined }
  | { status: "failed"; data?: T; error: unknown };

/**
 * Runs `load` when `deps` change and keeps its latest result; `reload` runs it again, keeping the
 * previous data on screen until the new one arrives. A null `load` waits ("idle").
 */
export function useAsync<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: load ? "loading" : "idle" });
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const enabled = load !== null;
  useEffect(() => {
    const run = loader.current;
    if (!run) return;
    const controller = new AbortController();
    setState((s) => ({ status: "loading", ...(s.data !== undefined && { data: s.data }) }));
    run(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: "ready", data }),
      (error: unknown) => !controller.signal.aborted && setState((s) => ({ status: "failed", error, ...(s.data !== undefined && { data: s.data }) })),
    );
    return () => controller.abort();
  }, [...deps, enabled, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
