import { useSyncExternalStore } from "react";
import { en, type MessageKey, type Message } from "./en.ts";
import { es } from "./es.ts";

/**
 * The web app's languages: a hand-written catalogue per language (docs/decisions/0013), chosen from
 * the browser's languages and switchable; the choice is kept in this browser.
 */
export const CATALOGUES = { en, es } as const;
export type Locale = keyof typeof CATALOGUES;
export const LOCALES: readonly { id: Locale; name: string }[] = [
  { id: "en", name: "English" },
  { id: "es", name: "Español" },
];

/** Scripts written right to left: the page's direction follows the language (or `?dir=rtl` for checking a layout). */
const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"]);

const STORED = "polyphony.locale";

/** The first of the browser's languages the app speaks, else English. */
export function pickLocale(wanted: readonly string[]): Locale {
  for (const tag of wanted) {
    const base = tag.toLowerCase().split("-")[0]!;
    if (base in CATALOGUES) return base as Locale;
  }
  return "en";
}

function initialLocale(): Locale {
  try {
    const kept = localStorage.getItem(STORED);
    if (kept && kept in CATALOGUES) return kept as Locale;
  } catch {
    // Storage may be disabled; the browser's languages still decide.
  }
  return pickLocale(typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language]);
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

/** The direction a language is written in. */
export const directionOf = (tag: string): "ltr" | "rtl" => (RIGHT_TO_LEFT.has(tag.toLowerCase().split("-")[0]!) ? "rtl" : "ltr");

function applyToDocument() {
  if (typeof document === "undefined") return;
  const forced = new URLSearchParams(window.location.search).get("dir");
  document.documentElement.lang = current;
  document.documentElement.dir = forced === "rtl" || forced === "ltr" ? forced : directionOf(current);
}
applyToDocument();

export const getLocale = () => current;

/** Switches the app's language and remembers the choice in this browser. */
export function setLocale(locale: Locale) {
  current = locale;
  try {
    localStorage.setItem(STORED, locale);
  } catch {
    // Not remembered, but switched.
  }
  applyToDocument();
  for (const listener of listeners) listener();
}

/** The current language; a component using it renders again when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

type Vars = Record<string, string | number>;

const plurals = new Map<string, Intl.PluralRules>();
const pluralOf = (locale: string, n: number) => {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
};

function pick(message: Message, vars: Vars | undefined): string {
  if (typeof message === "string") return message;
  const n = Number(vars?.count ?? 0);
  if (n === 0 && message.zero !== undefined) return message.zero;
  const form = pluralOf(current, n);
  return (form === "one" ? message.one : undefined) ?? message.other;
}

/**
 * The current language's text for `key`, with `{name}` replaced by `vars.name` (numbers
 * formatted for the language); a message with plural forms is chosen by `vars.count`.
 */
export function t(key: MessageKey, vars?: Vars): string {
  const text = pick(CATALOGUES[current][key] ?? en[key], vars);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : typeof value === "number" ? formatNumber(value) : value;
  });
}

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) => n.toLocaleString(current, options);
export const formatDate = (iso: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }) =>
  new Date(iso).toLocaleString(current, options);
