import { createContext, useCallback, useContext } from 'react';
import type { Messages } from './catalogs';

export type { Messages } from './catalogs';
export type { ClientErrorCode } from './vi';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The strings in use, set once by the entry: the whole app's (appMain.tsx) or only a screen's
 * (displayMain.tsx), so that a screen's bundle carries none of the app's strings.
 */
let catalogs: Record<Lang, object> = { vi: {}, en: {} };

export function setCatalogs(loaded: Record<Lang, object>): void {
  catalogs = loaded;
}

/** Whether the strings of `lang` are loaded (a screen starts with its own language's only). */
export function hasCatalog(lang: Lang): boolean {
  return Object.keys(catalogs[lang]).length > 0;
}

/**
 * Adds strings loaded later beside those of a language: a screen switched to the office's default
 * language, the signed-in app's pages' sections (appStrings.ts).
 */
export function addCatalog(lang: Lang, strings: object): void {
  catalogs = { ...catalogs, [lang]: { ...catalogs[lang], ...strings } };
}

/** Dot-joined paths to every string of the catalog: `status.achieved`, `login.title` ... */
type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = KeyPaths<Messages>;

export type MessageParams = Record<string, string | number>;

/** The language asked for in the query string (`?lang=en`); Vietnamese otherwise. */
export function detectLang(search: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  return (LANGS as readonly string[]).includes(asked ?? '') ? (asked as Lang) : 'vi';
}

function lookup(messages: object, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** True when the catalog has a string at `key`: for codes that come from the server at run time. */
export function hasMessage(key: string): key is MessageKey {
  return lookup(catalogs.vi, key) !== undefined;
}

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en' };

/**
 * ICU plurals in a template: `{count, plural, one {# indicator} other {# indicators}}` picks the
 * branch of Intl.PluralRules for the language (`=0` style exact branches first) and writes `#` as
 * the number in the language's format. Vietnamese has one form, so its strings need none.
 */
function formatPlurals(template: string, lang: Lang, params: MessageParams): string {
  const opening = /\{(\w+), plural,/g;
  let out = '';
  let done = 0;
  for (let match = opening.exec(template); match; match = opening.exec(template)) {
    const branches: Record<string, string> = {};
    let at = match.index + match[0].length;
    for (;;) {
      while (template[at] === ' ') at++;
      const selector = /^=?\w+/.exec(template.slice(at))?.[0];
      if (!selector) break;
      at += selector.length;
      while (template[at] === ' ') at++;
      if (template[at] !== '{') break;
      const start = at + 1;
      for (let depth = 0; at < template.length; at++) {
        if (template[at] === '{') depth++;
        else if (template[at] === '}' && --depth === 0) break;
      }
      branches[selector] = template.slice(start, at);
      at++;
    }
    while (template[at] === ' ') at++;
    if (template[at] !== '}') continue; // not a plural after all: left as written
    const count = Number(params[match[1]!]);
    const branch = branches[`=${count}`] ?? branches[new Intl.PluralRules(LOCALES[lang]).select(count)] ?? branches.other ?? '';
    out += template.slice(done, match.index) + branch.replaceAll('#', count.toLocaleString(LOCALES[lang]));
    done = at + 1;
    opening.lastIndex = done;
  }
  return out + template.slice(done);
}

/** The string at `key` in `lang`, with plurals chosen and `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  // A missing key is a type error; the fallback only guards data-driven keys.
  const found = lookup(catalogs[lang], key) ?? lookup(catalogs.vi, key) ?? key;
  if (!params) return found;
  const template = found.includes(', plural,') ? formatPlurals(found, lang, params) : found;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** The translated message of a field error code from the API (`fields` of an error body). */
export function fieldErrorKey(code: string): MessageKey {
  const reading = `readingField.${code}`;
  if (hasMessage(reading)) return reading;
  const shape = `fieldError.${code}`;
  return hasMessage(shape) ? shape : 'fieldError.other';
}

export const LangContext = createContext<Lang>('vi');

export function useLang(): Lang {
  return useContext(LangContext);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `t` bound to the language of the page. */
export function useT(): Translate {
  const lang = useLang();
  return useCallback((key, params) => t(lang, key, params), [lang]);
}
