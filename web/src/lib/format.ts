export const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

export const score = (value: number) => (Math.abs(value) >= 0.001 ? value.toFixed(3) : value.toExponential(1));

export const count = (n: number) => n.toLocaleString("en");

export function duration(seconds: number | null) {
  if (seconds === null) return "–";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const date = (iso: string) => new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
