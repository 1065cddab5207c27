// Short real texts in every language the JavaScript engine's CLDR data covers: the names of
// languages, regions and currencies, months and weekdays, relative times ("in 3 days") and units
// ("3 kilometres"), in each locale. A wide vocabulary for the word and trigram filters of
// src/generated/char-stats.ts, read only by scripts/generate-stats.ts, never at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const TWO_LETTERS = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second));
const THREE_LETTERS = TWO_LETTERS.flatMap((pair) => [...LETTERS].map((third) => pair + third));

/** Codes of `type` that CLDR names in English (every code it names at all). */
function namedCodes(type: 'language' | 'region', candidates: readonly string[]): string[] {
  const names = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
  return candidates.filter((code) => {
    try {
      return names.of(code) !== undefined;
    } catch {
      return false;
    }
  });
}

const RELATIVE_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
const DATE_TIME_FIELDS = [
  'era',
  'year',
  'quarter',
  'month',
  'weekOfYear',
  'weekday',
  'day',
  'dayPeriod',
  'hour',
  'minute',
  'second',
  'timeZoneName',
] as const;

/** Every locale with display names of its own, and for each, the texts above; deduplicated. */
export function cldrVocabulary(): string[] {
  const locales = [
    ...new Set([
      ...Intl.DisplayNames.supportedLocalesOf(TWO_LETTERS),
      ...Intl.DisplayNames.supportedLocalesOf(THREE_LETTERS),
    ]),
  ].sort();
  const codes = {
    language: namedCodes('language', [...TWO_LETTERS, ...THREE_LETTERS]),
    region: namedCodes(
      'region',
      TWO_LETTERS.map((code) => code.toUpperCase()),
    ),
    currency: Intl.supportedValuesOf('currency'),
  };
  const texts = new Set<string>();
  const add = (text: string | undefined) => {
    if (text) texts.add(text);
  };
  for (const locale of locales) {
    for (const type of ['language', 'region', 'currency'] as const) {
      const names = new Intl.DisplayNames([locale], { type, fallback: 'none' });
      for (const code of codes[type]) add(names.of(code));
    }
    const fields = new Intl.DisplayNames([locale], { type: 'dateTimeField', fallback: 'none' });
    for (const field of DATE_TIME_FIELDS) add(fields.of(field));
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2024, month, 15));
      add(new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(date));
      add(new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date));
    }
    for (let day = 0; day < 7; day++) {
      add(
        new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
          new Date(Date.UTC(2024, 0, 1 + day)),
        ),
      );
    }
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    for (const unit of RELATIVE_UNITS) for (const value of [-2, -1, 0, 1, 3, 5]) add(relative.format(value, unit));
    for (const unit of Intl.supportedValuesOf('unit')) {
      add(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(3));
    }
  }
  return [...texts];
}

/**
 * The names CLDR gives emoji and symbols in every locale it annotates (`cldr-annotations-full`, a
 * devDependency): many short real phrases in some 170 languages, including many that the engine's
 * own CLDR data names little in (Bashkir, Chuvash, Tatar, Sinhala, Amharic). Only the name each
 * character is read aloud by, not its search keywords (which add size and little else).
 */
export function cldrAnnotationNames(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('cldr-annotations-full/package.json'));
  const names = new Set<string>();
  for (const locale of readdirSync(join(root, 'annotations')).sort()) {
    const file = JSON.parse(readFileSync(join(root, 'annotations', locale, 'annotations.json'), 'utf8')) as {
      annotations?: { annotations?: Record<string, { tts?: string[] }> };
    };
    // (A locale with no annotations of its own has none here.)
    for (const { tts } of Object.values(file.annotations?.annotations ?? {}))
      for (const name of tts ?? []) names.add(name);
  }
  return [...names];
}
