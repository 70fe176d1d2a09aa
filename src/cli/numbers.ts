import { invalid } from "../core/errors.ts";

// Parsers for commander's numeric flags. Each refuses anything but the number it wants, with an
// error naming the flag, so that `--port abc` stops at once instead of listening on NaN.

const shown = (value: string) => JSON.stringify(value);

/** A TCP port, 1–65535. */
export const portNumber = (flag: string) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw invalid(flag, `expected a port number 1-65535, got ${shown(value)}`);
  return n;
};

/** A whole number from `min` to `max`; `what` says what it counts, for the message. */
export const wholeNumber =
  (flag: string, { min = 0, max = Number.MAX_SAFE_INTEGER, what = "a whole number" }: { min?: number; max?: number; what?: string } = {}) =>
  (value: string): number => {
    const n = Number(value);
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min}-${max}`;
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) throw invalid(flag, `expected ${what} (${range}), got ${shown(value)}`);
    return n;
  };

/** A decimal number from `min` to `max`, ends included unless `above` excludes `min`. */
export const decimalNumber =
  (flag: string, { min, max = Infinity, above = false, what = "a number" }: { min: number; max?: number; above?: boolean; what?: string }) =>
  (value: string): number => {
    const n = Number(value);
    const low = above ? n > min : n >= min;
    const range = max === Infinity ? `${above ? "above" : "at least"} ${min}` : `${min} to ${max}`;
    if (value.trim() === "" || !Number.isFinite(n) || !low || n > max) throw invalid(flag, `expected ${what} (${range}), got ${shown(value)}`);
    return n;
  };
