// Writes fixtures/cases/synthetic.json and fixtures/cases/real-world.json.
//
// Every damaged input is made here from a clean text, so each expectation is exact: mojibake is the
// clean text's UTF-8 bytes decoded with iconv-lite through a single-byte code page (a byte the page
// leaves undefined becomes the same-numbered code point, a C1 control, as real mojibake carries it;
// the "lossy" variant gives U+FFFD instead, as a strict decoder does); escapes write those bytes or
// code points in each escape form. Cases whose input is not damage at all (truncated runs, markup
// entities, lone surrogate escapes) are written out by hand below, with expected === input.
//
// Node's TextDecoder('windows-1252') is not used: it maps 0x80–0x9F like ISO-8859-1.
//
// Run with `npx tsx scripts/make-cases.ts`; the output is deterministic.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

interface Case {
  input: string;
  expected: string;
  note: string;
}

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'cases');

// ── Damage functions ──────────────────────────────────────────────────────────────────────────────

/** The characters of bytes 0x80–0xFF in a page; undefined bytes as `fallback(byte)`. */
function highTable(page: string, fallback: (byte: number) => string): string[] {
  const table: string[] = [];
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), page);
    table.push(char === '\ufffd' ? fallback(byte) : char);
  }
  return table;
}

const tables = new Map<string, string[]>();
function mojibake(page: string, lossy = false): (text: string) => string {
  return (text) => {
    const key = `${page}/${lossy}`;
    let table = tables.get(key);
    if (table === undefined) {
      table = highTable(page, (byte) => (lossy ? '\ufffd' : String.fromCharCode(byte)));
      tables.set(key, table);
    }
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) out += byte < 0x80 ? String.fromCharCode(byte) : table[byte - 0x80];
    return out;
  };
}

/** Each non-ASCII character replaced by `encode(char)`; ASCII stays. */
function perChar(encode: (char: string) => string): (text: string) => string {
  return (text) => {
    let out = '';
    for (const char of text) out += char.codePointAt(0)! < 0x80 ? char : encode(char);
    return out;
  };
}

const hex2 = (byte: number, upper: boolean) => {
  const digits = byte.toString(16).padStart(2, '0');
  return upper ? digits.toUpperCase() : digits;
};
const hex4 = (unit: number, upper: boolean) => {
  const digits = unit.toString(16).padStart(4, '0');
  return upper ? digits.toUpperCase() : digits;
};
const utf8Bytes = (char: string) => [...Buffer.from(char, 'utf8')];

/** UTF-8 bytes as `x%02x` with `prefix` before the x (`''`, `'\\'`, `'\\\\'`). */
const hexEscape = (prefix: string, upper = false) =>
  perChar((char) =>
    utf8Bytes(char)
      .map((byte) => `${prefix}x${hex2(byte, upper)}`)
      .join(''),
  );

/** `\uXXXX` per UTF-16 unit (astral characters as a surrogate pair), or `\U0001F600` for astral. */
const unicodeEscape = (upper = false, astral: 'pair' | 'long' = 'pair') =>
  perChar((char) => {
    const code = char.codePointAt(0)!;
    if (code > 0xffff && astral === 'long') return `\\U${code.toString(16).padStart(8, '0').toUpperCase()}`;
    let out = '';
    for (let i = 0; i < char.length; i++) out += `\\u${hex4(char.charCodeAt(i), upper)}`;
    return out;
  });

/** Each UTF-8 byte as `\u00XX`, as chat and social-media exports write them. */
const byteEscape = perChar((char) =>
  utf8Bytes(char)
    .map((byte) => `\\u00${hex2(byte, false)}`)
    .join(''),
);

const htmlDecimal = perChar((char) => `&#${char.codePointAt(0)};`);
const htmlHex = perChar((char) => `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`);

/** The named references real pages use most; other characters fall back to a decimal reference. */
const NAMED: Record<string, string> = {
  é: 'eacute',
  è: 'egrave',
  ê: 'ecirc',
  ë: 'euml',
  à: 'agrave',
  á: 'aacute',
  â: 'acirc',
  ã: 'atilde',
  ä: 'auml',
  å: 'aring',
  ç: 'ccedil',
  í: 'iacute',
  î: 'icirc',
  ï: 'iuml',
  ñ: 'ntilde',
  ó: 'oacute',
  ô: 'ocirc',
  õ: 'otilde',
  ö: 'ouml',
  ø: 'oslash',
  ú: 'uacute',
  ü: 'uuml',
  ß: 'szlig',
  É: 'Eacute',
  Ü: 'Uuml',
  Ö: 'Ouml',
  Ä: 'Auml',
  Å: 'Aring',
  Ã: 'Atilde',
  Â: 'Acirc',
  '’': 'rsquo',
  '‘': 'lsquo',
  '“': 'ldquo',
  '”': 'rdquo',
  '—': 'mdash',
  '–': 'ndash',
  '…': 'hellip',
  '\u00a0': 'nbsp',
  '©': 'copy',
  '®': 'reg',
  '™': 'trade',
  '€': 'euro',
  '£': 'pound',
  '°': 'deg',
  '±': 'plusmn',
  '×': 'times',
  '½': 'frac12',
  '«': 'laquo',
  '»': 'raquo',
  '¿': 'iquest',
  '¡': 'iexcl',
  '•': 'bull',
  α: 'alpha',
  β: 'beta',
  π: 'pi',
  Ω: 'Omega',
  '→': 'rarr',
};
const htmlNamed = perChar((char) => (NAMED[char] !== undefined ? `&${NAMED[char]};` : `&#${char.codePointAt(0)};`));

/** Text encoded as Windows-1252 and read back as ISO-8859-1: `’` becomes the C1 control U+0092. */
const c1Controls = (text: string) => iconv.decode(iconv.encode(text, 'windows-1252'), 'latin1');

const DAMAGE: Record<string, (text: string) => string> = {
  'windows-1252': mojibake('windows-1252'),
  'iso-8859-1': mojibake('iso-8859-1'),
  macintosh: mojibake('macintosh'),
  'windows-1251': mojibake('windows-1251'),
  'windows-1250': mojibake('windows-1250'),
  'iso-8859-2': mojibake('iso-8859-2'),
  'windows-1253': mojibake('windows-1253'),
  'windows-1254': mojibake('windows-1254'),
  'windows-1257': mojibake('windows-1257'),
  cp437: mojibake('cp437'),
  'windows-1252 lossy': mojibake('windows-1252', true),
  'windows-1251 lossy': mojibake('windows-1251', true),
  'hex stripped': hexEscape(''),
  'hex stripped upper': hexEscape('', true),
  'hex backslash': hexEscape('\\'),
  'hex backslash upper': hexEscape('\\', true),
  'hex double backslash': hexEscape('\\\\'),
  'u-escape': unicodeEscape(),
  'u-escape upper': unicodeEscape(true),
  'u-escape long astral': unicodeEscape(false, 'long'),
  'byte escape': byteEscape,
  'html decimal': htmlDecimal,
  'html hex': htmlHex,
  'html named': htmlNamed,
  'c1 controls': c1Controls,
};

/** Short names used by the real-world templates. */
const ALIAS: Record<string, string> = {
  '1252': 'windows-1252',
  latin1: 'iso-8859-1',
  mac: 'macintosh',
  '1251': 'windows-1251',
  '1250': 'windows-1250',
  '8859-2': 'iso-8859-2',
  '1253': 'windows-1253',
  '1254': 'windows-1254',
  '1257': 'windows-1257',
  '437': 'cp437',
  lossy: 'windows-1252 lossy',
  hex: 'hex stripped',
  HEX: 'hex stripped upper',
  bhex: 'hex backslash',
  bbhex: 'hex double backslash',
  u: 'u-escape',
  ubytes: 'byte escape',
  html: 'html decimal',
  htmlx: 'html hex',
  named: 'html named',
  c1: 'c1 controls',
};

function damage(chain: readonly string[], text: string): string {
  let out = text;
  for (const name of chain) {
    const fn = DAMAGE[name] ?? DAMAGE[ALIAS[name] ?? ''];
    if (fn === undefined) throw new Error(`unknown damage ${name}`);
    out = fn(out);
  }
  return out;
}

function describe(chain: readonly string[]): string {
  const names = chain.map((name) => ALIAS[name] ?? name);
  if (names.length > 1 && names.every((name) => name === names[0])) return `${names[0]} ×${names.length}`;
  return names.join(' then ');
}

// ── Clean sources ─────────────────────────────────────────────────────────────────────────────────

/** Sentences written for these fixtures, by language. */
const S = {
  fr: 'Le café de la gare est fermé le dimanche.',
  fr2: 'L’été dernier, nous sommes allés à Genève avec Noël.',
  pt: 'A reunião foi adiada para amanhã às três horas.',
  pt2: 'São Paulo é a maior cidade do Brasil.',
  es: 'El señor García vive en la calle Peñalver, número 3.',
  es2: '¿Cuántos años tiene tu niño?',
  de: 'Die Brücke über den Fluss wurde für den Verkehr gesperrt.',
  de2: 'Grüße aus Köln und Düsseldorf, schöne Straße!',
  it: 'Perché la città è così affollata in agosto?',
  en: 'We’re sure it’s “fine” — really…',
  en2: 'The company’s CEO said sales rose 5% in the first quarter – “a record”.',
  pl: 'Zażółć gęślą jaźń.',
  pl2: 'W Łodzi i w Gdańsku jest dużo ładnych kamienic.',
  cs: 'Příliš žluťoučký kůň úpěl ďábelské ódy.',
  sk: 'Ľudia v Košiciach sú veľmi milí.',
  hu: 'Árvíztűrő tükörfúrógép és egy őszi falevél.',
  ro: 'Mulțumesc frumos pentru ajutor, în București.',
  hr: 'Đakovo i Čakovec su lijepi gradovi.',
  tr: 'Iğdır’dan İstanbul’a uçuşlar başladı.',
  tr2: 'Şişli’de çok güzel bir gün geçirdik.',
  tr3: 'Harika bir gün geçirdik 😀 teşekkürler, Şişli!',
  vi: 'Tiếng Việt có nhiều dấu thanh.',
  is: 'Þetta reddast, sagði Guðrún í Reykjavík.',
  da: 'Blåbærsyltetøy og rødgrød på Ærø.',
  sv: 'Räksmörgås i Göteborg, kåldolmar i Malmö.',
  lt: 'Lietuvos Respublikos Seimas priėmė įstatymą dėl švietimo.',
  lv: 'Rīgā šodien līst lietus un pūš vējš.',
  ru: 'Привет, как дела?',
  ru2: 'Съешь же ещё этих мягких французских булок, да выпей чаю.',
  uk: 'Київ — столиця України, а Львів славиться кавою.',
  uk2: 'Їжак ґречно їв яблуко біля ґанку.',
  sr: 'Ђорђе живи у Београду, а Љубица у Нишу.',
  bg: 'Благодаря, ще се видим утре в София.',
  kk: 'Қазақстан Республикасының астанасы — Астана.',
  el: 'Καλημέρα, τι κάνεις σήμερα;',
  el2: 'Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.',
  he: 'שלום, מה שלומך היום?',
  ar: 'مرحبا بكم في موقعنا الجديد.',
  fa: 'می‌خواهم فردا به تهران بروم.',
  zh: '你好，世界！我们明天见。',
  ja: 'こんにちは、東京は今日も晴れです。',
  ko: '안녕하세요, 만나서 반갑습니다.',
  th: 'สวัสดีครับ ยินดีต้อนรับสู่กรุงเทพ',
  hi: 'नमस्ते, आप कैसे हैं?',
  bn: 'আমার সোনার বাংলা, আমি তোমায় ভালোবাসি।',
  ka: 'გამარჯობა, როგორ ხარ?',
  hy: 'Բարև Ձեզ, ինչպե՞ս եք։',
  am: 'ሰላም ነው? አዲስ አበባ ቆንጆ ናት።',
  emoji: 'Great job! 👍🏽🎉 See you soon 😀',
  emoji2: 'Family trip 👨‍👩‍👧 ❤️ to the 🏖️',
  sym: 'Price: 20 € — 5 % off, 25 °C, ±2 mm, ½ kg, © 2024™',
};

type Lang = keyof typeof S;

/** [damage chain, language, target substring to damage (the whole text when omitted)]. */
type Spec = [chain: string | string[], lang: Lang, target?: string];

const WHOLE_1252: Lang[] = [
  'fr',
  'fr2',
  'pt',
  'pt2',
  'es',
  'es2',
  'de',
  'de2',
  'it',
  'en',
  'en2',
  'pl',
  'cs',
  'hu',
  'ro',
  'tr',
  'vi',
  'is',
  'da',
  'sv',
  'lt',
  'ru',
  'uk',
  'sr',
  'el',
  'he',
  'ar',
  'fa',
  'zh',
  'ja',
  'ko',
  'th',
  'hi',
  'bn',
  'ka',
  'hy',
  'am',
  'emoji',
  'emoji2',
  'sym',
];

const SPECS: Spec[] = [
  ...WHOLE_1252.map((lang): Spec => ['windows-1252', lang]),
  // One sentence, one word, one character of otherwise clean text (which has accents of its own).
  ['windows-1252', 'de2', 'Düsseldorf'],
  ['windows-1252', 'fr2', 'Genève'],
  ['windows-1252', 'fr2', '’'],
  ['windows-1252', 'en', '’'],
  ['windows-1252', 'en2', '“a record”'],
  ['windows-1252', 'es', 'García'],
  ['windows-1252', 'pt', 'três'],
  ['windows-1252', 'pt2', 'é'],
  ['windows-1252', 'da', 'Ærø'],
  ['windows-1252', 'ru2', 'французских'],
  ['windows-1252', 'zh', '我们明天见。'],
  ['windows-1252', 'emoji', '😀'],
  ['windows-1252', 'el2', 'Ελλάδας'],
  ['windows-1252', 'ja', '東京'],
  ['iso-8859-1', 'fr2'],
  ['iso-8859-1', 'de2'],
  ['iso-8859-1', 'en'],
  ['iso-8859-1', 'en2'],
  ['iso-8859-1', 'pl2'],
  ['iso-8859-1', 'ru'],
  ['iso-8859-1', 'el'],
  ['iso-8859-1', 'zh'],
  ['iso-8859-1', 'ar'],
  ['iso-8859-1', 'emoji'],
  ['iso-8859-1', 'th'],
  ['iso-8859-1', 'en', '“fine”'],
  ['iso-8859-1', 'de2', 'Grüße'],
  ['macintosh', 'fr'],
  ['macintosh', 'de'],
  ['macintosh', 'da'],
  ['macintosh', 'sv'],
  ['macintosh', 'en'],
  ['macintosh', 'es2'],
  ['macintosh', 'ru'],
  ['macintosh', 'uk'],
  ['macintosh', 'el2'],
  ['macintosh', 'ja'],
  ['macintosh', 'he'],
  ['macintosh', 'emoji'],
  ['macintosh', 'sv', 'Räksmörgås'],
  ['macintosh', 'da', 'på'],
  ['windows-1251', 'ru'],
  ['windows-1251', 'ru2'],
  ['windows-1251', 'uk'],
  ['windows-1251', 'uk2'],
  ['windows-1251', 'sr'],
  ['windows-1251', 'bg'],
  ['windows-1251', 'kk'],
  ['windows-1251', 'fr'],
  ['windows-1251', 'de'],
  ['windows-1251', 'en'],
  ['windows-1251', 'zh'],
  ['windows-1251', 'emoji'],
  ['windows-1251', 'ru2', 'французских'],
  ['windows-1251', 'uk', 'Львів'],
  ['windows-1251', 'sr', 'Љубица'],
  ['windows-1250', 'pl'],
  ['windows-1250', 'pl2'],
  ['windows-1250', 'cs'],
  ['windows-1250', 'sk'],
  ['windows-1250', 'hu'],
  ['windows-1250', 'ro'],
  ['windows-1250', 'hr'],
  ['windows-1250', 'de'],
  ['windows-1250', 'en'],
  ['windows-1250', 'ru'],
  ['windows-1250', 'pl2', 'Gdańsku'],
  ['windows-1250', 'cs', 'žluťoučký'],
  ['iso-8859-2', 'pl'],
  ['iso-8859-2', 'cs'],
  ['iso-8859-2', 'hu'],
  ['iso-8859-2', 'sk'],
  ['iso-8859-2', 'en'],
  ['iso-8859-2', 'pl2', 'Łodzi'],
  ['windows-1253', 'el'],
  ['windows-1253', 'el2'],
  ['windows-1253', 'fr'],
  ['windows-1253', 'en'],
  ['windows-1253', 'ru'],
  ['windows-1253', 'el2', 'πρωτεύουσα'],
  // Windows-1254 differs from Windows-1252 only at D0 DD DE F0 FD FE: Cyrillic and emoji show it.
  ['windows-1254', 'tr3'],
  ['windows-1254', 'ru'],
  ['windows-1254', 'kk'],
  ['windows-1254', 'emoji'],
  ['windows-1254', 'emoji2'],
  ['windows-1254', 'tr3', '😀'],
  ['windows-1257', 'lt'],
  ['windows-1257', 'lv'],
  ['windows-1257', 'pl'],
  ['windows-1257', 'de'],
  ['windows-1257', 'en'],
  ['windows-1257', 'lt', 'įstatymą'],
  ['cp437', 'fr'],
  ['cp437', 'de'],
  ['cp437', 'es'],
  ['cp437', 'en'],
  ['cp437', 'ru'],
  ['cp437', 'emoji'],
  ['cp437', 'de', 'Brücke'],
  // Layers.
  [['windows-1252', 'windows-1252'], 'fr'],
  [['windows-1252', 'windows-1252'], 'en'],
  [['windows-1252', 'windows-1252'], 'pt2'],
  [['windows-1252', 'windows-1252'], 'ru'],
  [['windows-1252', 'windows-1252'], 'zh'],
  [['windows-1252', 'windows-1252'], 'emoji'],
  [['windows-1252', 'windows-1252'], 'el'],
  [['windows-1252', 'windows-1252'], 'de2', 'Düsseldorf'],
  [['windows-1252', 'windows-1252'], 'en', '’'],
  [['windows-1252', 'windows-1252', 'windows-1252'], 'fr'],
  [['windows-1252', 'windows-1252', 'windows-1252'], 'en'],
  [['windows-1252', 'windows-1252', 'windows-1252'], 'es', 'García'],
  [['iso-8859-1', 'iso-8859-1'], 'fr'],
  [['iso-8859-1', 'iso-8859-1'], 'en'],
  [['macintosh', 'macintosh'], 'de'],
  [['windows-1251', 'windows-1251'], 'ru'],
  [['windows-1250', 'windows-1250'], 'pl'],
  [['windows-1252', 'iso-8859-1'], 'en'],
  // Escapes of every form, whole text and one word.
  ['hex stripped', 'fr'],
  ['hex stripped', 'en'],
  ['hex stripped', 'en2'],
  ['hex stripped', 'ru'],
  ['hex stripped', 'zh'],
  ['hex stripped', 'emoji'],
  ['hex stripped', 'th'],
  ['hex stripped', 'hi'],
  ['hex stripped', 'el'],
  ['hex stripped', 'en', '’'],
  ['hex stripped', 'de2', 'Grüße'],
  ['hex stripped upper', 'fr'],
  ['hex stripped upper', 'de'],
  ['hex stripped upper', 'ja'],
  ['hex backslash', 'fr2'],
  ['hex backslash', 'en'],
  ['hex backslash', 'ru2'],
  ['hex backslash', 'ko'],
  ['hex backslash', 'emoji2'],
  ['hex backslash', 'ar'],
  ['hex backslash upper', 'es'],
  ['hex backslash upper', 'he'],
  ['hex double backslash', 'en'],
  ['hex double backslash', 'pt'],
  ['hex double backslash', 'uk'],
  ['hex double backslash', 'emoji'],
  ['u-escape', 'fr'],
  ['u-escape', 'en'],
  ['u-escape', 'ru'],
  ['u-escape', 'zh'],
  ['u-escape', 'emoji'],
  ['u-escape', 'emoji2'],
  ['u-escape', 'hi'],
  ['u-escape', 'fa'],
  ['u-escape', 'de2', 'Düsseldorf'],
  ['u-escape upper', 'de'],
  ['u-escape upper', 'el2'],
  ['u-escape long astral', 'emoji'],
  ['u-escape long astral', 'emoji2'],
  ['byte escape', 'fr'],
  ['byte escape', 'en'],
  ['byte escape', 'es2'],
  ['byte escape', 'ru'],
  ['byte escape', 'ja'],
  ['byte escape', 'emoji'],
  ['byte escape', 'vi'],
  ['byte escape', 'pt', 'reunião'],
  ['html decimal', 'fr'],
  ['html decimal', 'en'],
  ['html decimal', 'ru'],
  ['html decimal', 'zh'],
  ['html decimal', 'emoji'],
  ['html decimal', 'th'],
  ['html hex', 'de'],
  ['html hex', 'el'],
  ['html hex', 'emoji2'],
  ['html named', 'fr'],
  ['html named', 'en'],
  ['html named', 'sym'],
  ['html named', 'de2'],
  ['html named', 'es2'],
  // Escapes whose bytes are themselves mojibake.
  [['windows-1252', 'hex stripped'], 'fr'],
  [['windows-1252', 'hex stripped'], 'en'],
  [['windows-1252', 'hex backslash'], 'de'],
  [['windows-1252', 'u-escape'], 'de2'],
  [['windows-1252', 'u-escape'], 'en'],
  [['windows-1252', 'byte escape'], 'fr'],
  [['windows-1252', 'byte escape'], 'ru'],
  [['windows-1252', 'html decimal'], 'es'],
  [['windows-1252', 'html named'], 'fr'],
  [['windows-1251', 'hex stripped'], 'ru'],
  // Lone C1 controls: Windows-1252 bytes read as ISO-8859-1.
  ['c1 controls', 'en'],
  ['c1 controls', 'en2'],
  ['c1 controls', 'en', '’'],
  ['c1 controls', 'sym', '€'],
];

function specCases(): Case[] {
  const cases: Case[] = [];
  for (const [chainSpec, lang, target] of SPECS) {
    const chain = typeof chainSpec === 'string' ? [chainSpec] : chainSpec;
    const clean = S[lang];
    let input: string;
    let scope: string;
    if (target === undefined) {
      input = damage(chain, clean);
      scope = 'whole text';
    } else {
      const at = clean.indexOf(target);
      if (at < 0) throw new Error(`${target} not in ${clean}`);
      input = clean.slice(0, at) + damage(chain, target) + clean.slice(at + target.length);
      scope = [...target].length === 1 ? `one character ${target}` : `only ${JSON.stringify(target)}`;
    }
    if (input === clean) throw new Error(`no damage: ${describe(chain)} ${lang}`);
    if (!chain.some((name) => name.includes('lossy')) && input.includes('\ufffd')) {
      throw new Error(`U+FFFD in ${describe(chain)} ${lang}`);
    }
    cases.push({ input, expected: clean, note: `${describe(chain)} · ${scope} · ${lang}` });
  }
  return cases;
}

// ── Hand-written synthetic cases (escape edge cases, things that stay, C1, lost bytes) ───────────

const same = (input: string, note: string): Case => ({ input, expected: input, note: `stays: ${note}` });
const fix = (input: string, expected: string, note: string): Case => ({ input, expected, note });

const HAND: Case[] = [
  // Stripped hex.
  fix('Chinaxe2x80x99s economy', 'China’s economy', 'hex stripped · golden-article style apostrophe'),
  fix('It was fixedxe2x80x94finally.', 'It was fixed—finally.', 'hex stripped · run right after "fixed" (xed)'),
  fix('annexedxe2x80x94then', 'annexed—then', 'hex stripped · run after a word ending in xed'),
  fix('x86xe2x80x94x64', 'x86—x64', 'hex stripped · run between x86 and x64'),
  fix('cafxc3xa9s', 'cafés', 'hex stripped · inside a word'),
  fix('xC3xA4rger', 'ärger', 'hex stripped upper · at start'),
  fix('Bahnhofstraxc3x9fe', 'Bahnhofstraße', 'hex stripped · ß then hex-digit letter e'),
  fix('xf0x9fx98x80xf0x9fx98x80', '😀😀', 'hex stripped · two emoji'),
  fix('xe2x80xe2x80x99', 'xe2x80’', 'hex stripped · truncated run stays, the valid one after it is decoded'),
  same('xc3xa', 'hex stripped truncated'),
  same('xe2x80', 'hex stripped two of three bytes'),
  same('xe2x80x', 'hex stripped dangling x'),
  same('xC3xa9', 'hex stripped mixed case inside one character'),
  same('cafxe9', 'hex stripped single Latin-1 byte'),
  same('x41x42x43', 'hex stripped ASCII bytes'),
  same('xc0xaf', 'hex stripped overlong'),
  same('xedxa0x80', 'hex stripped UTF-8 surrogate'),
  same('xf4x90x80x80', 'hex stripped beyond U+10FFFF'),
  same('xc3xc3', 'hex stripped lead then lead'),
  same('x80x80', 'hex stripped lone continuations'),
  same('0xe2 0x80 0x99', 'hex literals separated by spaces'),
  // Backslash hex.
  fix('\\xe2\\x80\\x94', '—', 'hex backslash · em dash alone'),
  fix("b'\\xe2\\x80\\x9cHi\\xe2\\x80\\x9d'", "b'“Hi”'", 'hex backslash · Python bytes repr'),
  fix('\\\\xe2\\\\x80\\\\x94', '—', 'hex double backslash · em dash alone'),
  fix('\\xC3\\xA9t\\xC3\\xA9', 'été', 'hex backslash upper'),
  same('\\x41', 'hex backslash ASCII'),
  same('\\xe9', 'hex backslash single Latin-1 byte'),
  same('\\xe2\\x8', 'hex backslash truncated'),
  same('\\xe2\\x80', 'hex backslash two of three bytes'),
  same('\\\\x41\\\\x42', 'hex double backslash ASCII'),
  // \u escapes.
  fix('It\\u2019s', 'It’s', 'u-escape · BMP apostrophe'),
  fix('{"name":"Caf\\u00e9","city":"S\\u00e3o Paulo"}', '{"name":"Café","city":"São Paulo"}', 'u-escape · JSON'),
  fix('\\U0001F600', '😀', 'u-escape · \\U with 8 digits'),
  fix('\\U0001f600 ok', '😀 ok', 'u-escape · \\U lower-case digits'),
  fix('\\ud83d\\ude00', '😀', 'u-escape · surrogate pair'),
  fix('\\uD83D\\uDE00', '😀', 'u-escape · surrogate pair upper'),
  fix('\\u00a0', '\u00a0', 'u-escape · NBSP'),
  fix('\\u00e2\\u0080\\u0099', '’', 'byte escape · with C1 bytes'),
  fix('\\u00c3\\u00a9t\\u00c3\\u00a9', 'été', 'byte escape · été'),
  fix('\\u00f0\\u009f\\u0098\\u0082', '😂', 'byte escape · emoji as in chat exports'),
  fix(
    '\\u00c3\\u017e\\u00c3\\u00a6t',
    'Þæt',
    'byte escape · Windows-1252 mojibake escaped: byte 9E written as \\u017e (ž)',
  ),
  fix('It\\u00e2\\u20ac\\u2122s', 'It’s', 'byte escape · ’ as escaped Windows-1252 mojibake (\\u20ac \\u2122)'),
  fix('\\u017e \\u00e9', 'ž é', 'u-escape · ž alone is ž'),
  same('\\ud83d', 'u-escape lone high surrogate'),
  same('\\ude00', 'u-escape lone low surrogate'),
  same('\\ude00\\ud83d', 'u-escape surrogates in the wrong order'),
  same('\\u0041\\u0042', 'u-escape ASCII'),
  same('\\u000a', 'u-escape LF'),
  same('\\u0022', 'u-escape quote'),
  same('\\u007f', 'u-escape DEL'),
  same('\\u0085', 'u-escape C1 control'),
  same('\\u00c', 'u-escape truncated'),
  same('\\u12', 'u-escape truncated'),
  same('\\U0011FFFF', 'u-escape beyond U+10FFFF'),
  same('\\uZZZZ', 'u-escape not hex'),
  // HTML entities.
  fix('caf&eacute;', 'café', 'html named · eacute'),
  fix('It&rsquo;s', 'It’s', 'html named · rsquo'),
  fix('&#8217;', '’', 'html decimal · alone'),
  fix('&#x2019;', '’', 'html hex · lower x'),
  fix('&#X2019;', '’', 'html hex · upper X'),
  fix('&#128512;', '😀', 'html decimal · astral'),
  fix('&#x1F600;', '😀', 'html hex · astral'),
  fix('1990&#150;2000', '1990–2000', 'html decimal · 150 is Windows-1252 en dash'),
  fix('It&#146;s', 'It’s', 'html decimal · 146 is Windows-1252 apostrophe'),
  fix('&#128;5', '€5', 'html decimal · 128 is Windows-1252 euro'),
  fix('Fish &amp; chips &mdash; &pound;5', 'Fish &amp; chips — £5', 'html named · markup entity stays, others decode'),
  fix('caf&Atilde;&copy;', 'café', 'html named · decodes to mojibake'),
  fix('caf&#195;&#169;', 'café', 'html decimal · decodes to mojibake'),
  same('&amp;rsquo;', 'html double-escaped'),
  same('&lt;p&gt;', 'html markup'),
  same('&#38;&#60;&#x3e;', 'html numeric ASCII'),
  same('?a=1&para=2', 'html &para= in URL'),
  same('&copy 2024', 'html named without ;'),
  same('&notanentity;', 'html unknown name'),
  same('&#;', 'html empty numeric'),
  fix(
    '&#208;&#159;&#209;&#128;&#208;&#184;&#208;&#178;&#208;&#181;&#209;&#130; &#209;&#129;&#208;&#181;&#208;&#179;&#208;&#190;&#208;&#180;&#208;&#189;&#209;&#143;',
    'Привет сегодня',
    'html numeric · escaped mojibake whose bytes 81 and 8F Windows-1252 leaves undefined (&#129;, &#143;)',
  ),
  same('&#129; and &#157;', 'html numeric · a reference to an undefined C1 byte alone'),
  same('&#x;', 'html empty hex'),
  // Lone C1 controls and lost bytes.
  fix('We\u0092re', 'We’re', 'c1 · lone U+0092'),
  fix('\u0093Hello\u0094', '“Hello”', 'c1 · U+0093 U+0094'),
  fix('Wait\u0085 what', 'Wait… what', 'c1 · U+0085 as ellipsis'),
  fix('\u008050', '€50', 'c1 · U+0080 as euro'),
  fix('1990\u00962000', '1990–2000', 'c1 · U+0096 as en dash'),
  fix('Привет\u0097мир', 'Привет—мир', 'c1 · em dash in Cyrillic text'),
  same('\u0081', 'c1 · U+0081 is undefined in Windows-1252'),
  fix('“quoted â€\ufffd', '“quoted ”', 'lost bytes · â€� after “'),
  fix('He said â€œyesâ€\ufffd and left.', 'He said “yes” and left.', 'lost bytes · pair of quotes'),
  fix(mojibake('windows-1251', true)('Игорь'), 'Игорь', 'lost bytes · windows-1251 0x98 is the only undefined byte'),
  fix(
    mojibake('windows-1251', true)('Југославија'),
    'Југославија',
    'lost bytes · windows-1251 ј has the undefined byte',
  ),
  same('Invalid byte \ufffd here', 'lone U+FFFD in clean text'),
  fix('Ã\ufffdrea', 'Área', 'lost bytes · Á, Í, Ï, Ð or Ý fit; Á is the most plausible'),
  fix(
    'Nije uspjelo uÄitavanje: kljuÄ nije pronaÄ‘en',
    'Nije uspjelo učitavanje: ključ nije pronađen',
    'bytes dropped · lone Ä for č, the page proven by Ä‘ for đ',
  ),
  fix('SÃO PAULO â€” Weâ€™re here', 'SÃO PAULO — We’re here', 'lone Ã of clean text stays beside repaired damage'),
  same('Äpfel, Ärger und Öl', 'lone leads in clean German'),
  fix(
    'Ta znaÄka je nova',
    'Ta značka je nova',
    'bytes dropped · lone Ä inside a word, alone in the text, makes a known word',
  ),
  same('Il y a deÉtablir, kÖnig et NiÑo', 'capitals inside words that make no known word stay'),
  fix('I â\ufffd¤ï¸\ufffd NY', 'I ❤️ NY', 'lost bytes · 9D of ❤ and 8F of the variation selector'),
  fix('Order â„–5 shipped', 'Order №5 shipped', 'windows-1252 · numero sign'),
  same('Â·Â', 'a byte guessed is never a C1 control, and Â· alone is too little evidence'),
  same(
    'AHÅ™, the new sofa from our catalogue',
    'capital Å then ™ in a product name (not ř: a small letter after two capitals)',
  ),
  same('RÉSUMÉ™ BUILDER', 'É™ after capitals (not ə)'),
  same('Meet the new ÖKÖ™ range', 'Ö™ after capitals'),
  // Lost NBSP.
  fix('20Â\u00a0€', '20\u00a0€', 'windows-1252 · NBSP'),
  fix('Prix : 20Â €, cafÃ© compris', 'Prix : 20\u00a0€, café compris', 'windows-1252 · NBSP become a plain space'),
  fix(
    'Ð\u00a0Ð¾Ñ\u0081Ñ\u0081Ð¸Ð¹Ñ\u0081ÐºÐ°Ñ\u008f Ð¤ÐµÐ´ÐµÑ€Ð°Ñ†Ð¸Ñ\u008f Ð¸ Ð ÐµÑ\u0081Ð¿ÑƒÐ±Ð»Ð¸ÐºÐ° ÐšÐ¾Ñ€ÐµÑ\u008f',
    'Российская Федерация и Республика Корея',
    'windows-1252 · Р (D0 A0) with its NBSP become a plain space, beside one kept',
  ),
  fix('Prix : 20Â â‚¬', 'Prix : 20\u00a0€', 'windows-1252 · NBSP become a plain space, the page proven by € alone'),
  same('Il est Ã  Paris', 'Ã then a space alone: no other damage proves the page'),
  fix('æ–‡ä»¶æ ¼å¼\u008fé”™è¯¯', '文件格式错误', 'windows-1252 · 格 (E6 A0 BC) with its NBSP become a plain space'),
  fix(
    'Ð”Ð•ÐœÐ•Ð\u00a0ÐÐ\u00a0Ð ÐžÐ“Ð\u00a0ÐÐÐ˜Ð§Ð•ÐÐ˜Ð•, Ð—ÐÐŸÐÐ”ÐÐÐ¯ Ð¡ÐÐ¥ÐÐ\u00a0Ð',
    'ДЕМЕРАРА ОГРАНИЧЕНИЕ, ЗАПАДНАЯ САХАРА',
    'bytes dropped · Ð then a space is А and a space (D0 90, 90 dropped), not Р (D0 A0)',
  ),
  same('FRÅ VÅR STÅ HÅ', 'capital Å before a space in clean Scandinavian (not Š, C5 A0)'),
  fix(
    'ð‘’ð‘° ð‘“ð‘²ð‘¤ ð‘’ð‘©ð‘¯ð‘‘ð‘±ð‘¯ð‘Ÿ',
    '𐑒𐑰 𐑓𐑲𐑤 𐑒𐑩𐑯𐑑𐑱𐑯𐑟',
    'bytes dropped · every Shavian letter lost its 90 (F0 90 91 xx): nothing decodes as it stands',
  ),
  fix(
    'Error: ð‘“ð‘²ð‘¤ ð‘¯ð‘ªð‘‘ ð‘“ð‘¬ð‘¯ð‘›',
    'Error: 𐑓𐑲𐑤 𐑯𐑪𐑑 𐑓𐑬𐑯𐑛',
    'bytes dropped · Shavian words after English, each letter without its 90',
  ),
  fix(
    'ð‘¦ð‘¯ð‘ð‘¨ð‘¤ð‘¦ð‘› ð‘•ð‘ªð‘’ð‘©ð‘‘, ð‘¯ð‘ªð‘‘ ð‘¦ð‘¯ð‘¦ð‘–ð‘©ð‘¤ð‘²ð‘Ÿð‘›',
    '𐑦𐑯𐑝𐑨𐑤𐑦𐑛 𐑕𐑪𐑒𐑩𐑑, 𐑯𐑪𐑑 𐑦𐑯𐑦𐑖𐑩𐑤𐑲𐑟𐑛',
    'bytes dropped · Shavian `invalid socket` (corpus): 𐑝 (F0 90 91 9D) lost both its 90 and its 9D, completed with the 90 every other letter lacks and a guessed last byte',
  ),
  same('Sjá orð‘ og ½', 'ð‘ after an Icelandic word: one sequence lacking a byte is too few'),
  fix(
    'á²¤á²á²œá²¯á²\u00a0á²˜á²¡ á²”á²\u00a0á²— á²á²œ á²§á²•á²”á²šá² á²¡á²á²›á²£á²¨á²á² á²’á²á²\u00a0á²”á²›á²á²¨á²˜',
    'ᲤᲐᲜᲯᲠᲘᲡ ᲔᲠᲗ ᲐᲜ ᲧᲕᲔᲚᲐ ᲡᲐᲛᲣᲨᲐᲝ ᲒᲐᲠᲔᲛᲝᲨᲘ',
    'bytes dropped · Georgian capitals: with bytes seen dropped in the line, a plain space after a lead is a space (Ა Ო lost 90, 9D), not a flattened A0 (Რ kept its A0)',
  ),
  // Mixed forms on one line.
  fix('Caf\\u00e9 &amp; cr&egrave;me xe2x80x94 Ã©tÃ©', 'Café &amp; crème — été', 'mixed forms on one line'),
  fix('cafÃ©\nCafé\ncafxc3xa9', 'café\nCafé\ncafé', 'three lines, the middle one clean'),
  fix('Ã…land', 'Åland', 'windows-1252 · one word (Å in Ã…)'),
  fix('JosÃ© GarcÃ­a', 'José García', 'windows-1252 · name alone as a CSV field (í has soft hyphen)'),
  fix('cafÃƒÂ©', 'café', 'windows-1252 ×2 · cafÃƒÂ©'),
  fix(
    'Le caf√É¬© est tr√É¬®s bon.',
    'Le café est très bon.',
    'windows-1252 then macintosh · two layers through two pages',
  ),
  fix('√ê≈∏√ë‚Ç¨√ê¬∏√ê¬≤√ê¬µ√ë‚Äö, √ê¬º√ê¬∏√ë‚Ç¨', 'Привет, мир', 'windows-1252 then macintosh · Cyrillic'),
  fix('m√•', 'må', 'macintosh · m√•'),
  fix('ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет', 'windows-1252 · Привет'),
  // Lines from realistic files with spans damaged through different pages (a rule that let pages
  // that fit equally badly weigh each other's spans misread them).
  fix(
    'Þ•ÞªÞƒÞ¨Þ‚Þ°ÞÞ¨Þ•Þ­ а¤Єа¤ѕа¤  shƒìma Aktivizƒìt re≈æƒ£a',
    'ޕުރިންސިޕޭ पाठ shēma Aktivizēt režģa',
    'three pages in one line (Windows-1252, 1251, Mac OS Roman): each span read through its own',
  ),
  fix(
    '⁄âŸÑŸá ⁄Ü€ê ⁄ö⁄©ÿßÿ±Ÿá ÿ¥Ÿä à¤¯à¤¦à¤¿ à¤¦à¤¿à¤‡à¤\u008fà¤•à¥‹ à¤­à¤\u008f, à¤ªà¤¥ à¤¸à¥\u008dà¤²à¥\u008dà¤¯à¤¾à¤¸à¤¸à¤\u0081à¤—',
    'ډله چې ښکاره شي यदि दिइएको भए, पथ स्ल्याससँग',
    'Mac OS Roman Pashto beside Windows-1252 Hindi: Windows-1252 guesses no dropped byte inside a run that Mac OS Roman reads exactly',
  ),
  fix(
    '‡∞ï‡±ã‡∞∞‡∞ø‡∞Ø‡∞æ, ‡∞∞‡∞ø‡∞™‡∞¨‡±ç‡∞≤‡∞ø‡∞ï‡±ç ‡∞Ü‡∞´‡±ç Ð\u0090Ð»Ð°Ð½Ð´Ð°Ð½ Ð³Ó\u0080Ð°Ð¹Ñ\u0080ÐµÐ½Ð°Ñ\u0088 Ð\u009aÑ\u008aÐ¸Ð»Ð±Ñ\u0081ÐµÐ´ÐµÑ\u0080Ð° Ð\u009cÐ°Ñ\u0080Ð¸Ð°Ð½Ð°Ð½ Ð³Ó\u0080Ð°Ð¹Ñ\u0080ÐµÐ½Ð°Ñ\u0088 Ð\u0090Ð¼ÐµÑ\u0080Ð¸ÐºÐ¸Ð½ Ð¦Ñ\u0085Ñ\u008cÐ°Ñ\u008cÐ½Ð°Ñ\u0082Ð¾Ñ\u008cÑ\u0085Ð½Ð° Ð¨Ñ\u0082Ð°Ñ\u0082Ð°Ñ\u0088 IÐ°Ñ\u008c',
    'కోరియా, రిపబ్లిక్ ఆఫ్ Аландан гӀайренаш Къилбседера Марианан гӀайренаш Америкин Цхьаьнатоьхна Штаташ Iаь',
    'Mac OS Roman Telugu beside Windows-1252 Chechen: the same',
  ),
  fix(
    'xd0xbexd0xbbxd1x8cxd1x88 xd0xbexd0xbfxd1x86xd1x8bxd1x8fxd1x9e. %2$s з›®еЅ•дё­',
    'ольш опцыяў. %2$s 目录中',
    'Belarusian as hex escapes, then Chinese read as Windows-1251, which explains too little of the line to be weighed everywhere: weighed where it reads three sequences or more exactly',
  ),
  fix(
    "Ã¢â‚¬Å“%sÃ¢â‚¬Â\u009d Finished with error Every fortnight Republik bu Simbaabwee Republik bu Estooni Republik Islaamik bu Pakistaan PirinsipÃ³ote bu Andoor -q, --quiet                   tavs tilstand FEJL: elementet 'r√∏rledning' blev ikke fundet. %s: Kan ikke l√•se %s. Intet certifikat fundet N…ôtic…ôl…ôrin tapƒ±lacaƒüƒ± model Giril…ôn m…ôtnin m√∂vcud m…ô",
    "“%s” Finished with error Every fortnight Republik bu Simbaabwee Republik bu Estooni Republik Islaamik bu Pakistaan Pirinsipóote bu Andoor -q, --quiet                   tavs tilstand FEJL: elementet 'rørledning' blev ikke fundet. %s: Kan ikke låse %s. Intet certifikat fundet Nəticələrin tapılacağı model Girilən mətnin mövcud mə",
    'Windows-1252 twice around %s, then Danish and Azerbaijani read as Mac OS Roman: each page weighed where it reads a stretch exactly',
  ),
  fix(
    '‡±Å‡∞ü‡±ç‡∞≤‡±á‡∞¶‡±Å Å\u009eahiyetÃ® ya Kamboca GiravÃª',
    'ుట్లేదు Şahiyet̨ ya Kamboca Giravê',
    'Mac OS Roman Telugu, then Kurdish read as Windows-1252: Mac OS Roman explains most of the line, and reads Ãª (ê) as ̻ on the strength of its other repairs, but Windows-1252 reads it far better',
  ),
  fix(
    'GuhartoyÃªn berendam RengÃª ku berÃª hatiye hilbijartin bi danberhevkirina rengÃª ku te niha hilbijartiye. tu dikarÃ® vÃ® rengÃ® bibÃ® malikÃªn rengan an jÃ® wekÃ® rengÃª bikaranÃ®nÃª hilbijÃªrÃ®. Ï╣┘åÏÁÏ▒ ┬½%s┬╗ Ï¿Ï│Ï¬┘ç Ï¿┘êÏ»Ïî ┘ê┘ä█î Ï╣┘åÏÁÏ▒█î',
    'Guhartoyên berendam Rengê ku berê hatiye hilbijartin bi danberhevkirina rengê ku te niha hilbijartiye. tu dikarî vî rengî bibî malikên rengan an jî wekî rengê bikaranînê hilbijêrî. عنصر «%s» بسته بود، ولی عنصری',
    'Kurdish read as Windows-1252, then Persian read as CP850: CP850 decodes the whole line, but Windows-1252 reads its start better, so it is read span by span',
  ),
  fix(
    'TlÄcatlahtohcÄyÅtl Þ‡Þ¬Þ‰Þ¬ÞƒÞ¨Þ†Þ¦Þ‚Þ° –ø–∞—Ä–∞–ª–µ–ª—å–Ω–æ–≥–æ',
    'Tlācatlahtohcāyōtl އެމެރިކަން паралельного',
    'Windows-1252 with C1 controls stripped, then Mac OS Roman Cyrillic, in one line',
  ),
  fix(
    'mÃƒÂ¨diu ÿ™€êÿ≤ŸÑŸâÿ™Ÿâÿ¥ŸÜŸâ ÿ¶€êŸÉÿ±ÿßŸÜ м—†мЉµл‹€л‹¤ мµњлЊЂ нљџм€',
    'mèdiu تېزلىتىشنى ئېكران 없습니다 최대 횟수',
    'two layers of Windows-1252, Mac OS Roman Arabic and Windows-1251 Korean in one line',
  ),
  fix(
    'Il est parti voilÃ  deux jours.',
    'Il est parti voilà deux jours.',
    'no-break space turned into a space · `Ã ` for `à` (C3 A0) after a small letter, the only damage of the line',
  ),
  fix(
    'Le fichierÂ : introuvable',
    'Le fichier\u00a0: introuvable',
    'no-break space turned into a space · `Â ` for U+00A0 (C2 A0) after a small letter',
  ),
  fix('Il est lÃ , voilÃ .', 'Il est là, voilà.', 'no-break space turned into a space · `Ã ` before punctuation'),
  same('AMANHÃ DE MANHÃ', 'pt upper · Ã before a space after a capital'),
  same('McDONALDÂ ', 'a capital before a space after a capital'),
  fix(
    'Poruka je predugaÄka i neoÄekivana',
    'Poruka je predugačka i neočekivana',
    'dropped byte · lone capitals between small letters, words the statistics do not know',
  ),
  fix('Vrijednost je netoÄna', 'Vrijednost je netočna', 'dropped byte · lone capital between small letters'),
  fix(
    'Ogiltigt vÃ¤rde â€%sâ€ i filen',
    'Ogiltigt värde ”%s” i filen',
    'dropped byte · two quotation marks that lost their last byte (9D) in a line that fits otherwise',
  ),
  fix(
    'Okänt värde â€%sâ€ i filen',
    'Okänt värde ”%s” i filen',
    'dropped byte · the only damage of the line: two quotation marks one byte short, found by the gate',
  ),
  fix(
    'ã“ã®æ“ä½œã¯ã§ãã¾ã›ã‚“ã€‚å°‘ã—ãŠå¾…ã¡ãã\u00a0ã•ã„ã€‚',
    'この操作はできません。少しお待ちください。',
    'dropped bytes · ja: き (E3 81 8D) and く (E3 81 8F) lost both continuation bytes, a lone `ã` between kana',
  ),
  fix(
    'è¨­å®šã‚’æ›¸ãè¾¼ã‚ã¾ã›ã‚“ã€‚',
    '設定を書き込めません。',
    'dropped bytes · ja: き alone between kanji, ん and others with one byte lost',
  ),
  fix('Đã hết thá»i gian chờ', 'Đã hết thời gian chờ', 'dropped byte · vi: ờ (E1 BB 9D) lost 9D, the only damage'),
  same('Il a dit « café » près»', 'an accented letter before a guillemet: a run one byte short of a CJK character'),
  fix(
    'Okänt värde â€\ufffd%sâ€\ufffd i filen',
    'Okänt värde ”%s” i filen',
    'U+FFFD · ” (9D, undefined in Windows-1252), not „ (9E, undefined only in Windows-1254)',
  ),
  fix(
    'accÃ¨s à la liste ‡¶Æ ‡¶∏‡¶¨‡¶æ‡¶á',
    'accès à la liste ম সবাই',
    'Windows-1252 beside Mac OS Roman Bengali: Mac OS Roman reads `Ã¨` too, as a combining mark (`acc̬s`)',
  ),
];

// ── Real-world-style templates: [[damage:text]] marks the damaged part ────────────────────────────

const TEMPLATES: Array<[template: string, note: string]> = [
  // News.
  [
    'The company[[1252:’]]s shares fell 3% on Monday after its chief executive said [[1252:“]]demand remains weak[[1252:”]].',
    'news: apostrophe and quotes (” carries C1 U+009D)',
  ],
  [
    'Officials said the bridge would reopen [[lossy:“as soon as possible”]] — but gave no date.',
    'news: closing quote lost to U+FFFD, em dash clean',
  ],
  [
    'Beijing (Reuters) [[hex:—]] China[[hex:’]]s exports rose 8.5% in March.',
    'news: stripped hex as in the golden article',
  ],
  ['Le Premier ministre a annoncé [[1252:l’état d’urgence]] à Marseille.', 'news fr: one phrase damaged'],
  ['Die Bundesregierung hat am Mittwoch [[1252:über die Maßnahmen]] beraten.', 'news de: one phrase damaged'],
  ['[[1252:El Gobierno aprobó ayer la reforma de las pensiones, según fuentes oficiales.]]', 'news es: whole line'],
  ['[[1252:INFLAÇÃO]] SOBE 0,5% EM MARÇO', 'news pt headline: damaged upper-case word next to clean MARÇO'],
  ['[[1251:Президент заявил, что переговоры продолжатся.]]', 'news ru: windows-1251'],
  ['[[1251:Новини Києва: у неділю очікується дощ]]', 'news uk: windows-1251'],
  ['[[1253:Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια.]]', 'news el: windows-1253'],
  ['[[1254:Türkiye’de enflasyon yüzde 60’ı aştı.]]', 'news tr: windows-1254'],
  ['[[1250:Sejm przyjął ustawę o ochronie środowiska.]]', 'news pl: windows-1250'],
  ['[[8859-2:Vláda schválila návrh rozpočtu na příští rok.]]', 'news cs: iso-8859-2'],
  ['[[1257:Vilniuje šiandien sninga, temperatūra –5 °C.]]', 'news lt: windows-1257'],
  ['[[mac:Genève – Le Conseil fédéral a présenté son rapport.]]', 'news fr: macintosh'],
  // Reviews.
  ['Great hotel!! The staff were lovely [[1252:😊]] would come back', 'review: one emoji'],
  ['5 stars [[1252:⭐⭐⭐⭐⭐]] best pizza in town', 'review: BMP emoji run'],
  ['Le service était [[1252:très]] lent mais la nourriture était bonne.', 'review fr: one word of two'],
  ['Nice place, but the [[1252:café]] was cold. Price: [[1252:€]]4.50', 'review: two words'],
  ['Amazing view of the tower [[1252:👌🏼]] Ambiance [[1252:très]] romantique!', 'review: emoji with skin tone'],
  ['[[1252,1252:Don’t]] buy this, it broke after 2 days', 'review: double-encoded apostrophe'],
  ['Tolles Hotel! Das [[1252,1252:Frühstück]] war super.', 'review de: double-encoded word'],
  ['Producto excelente, llegó rápido [[u:👍]]', 'review es: escaped emoji, clean accents'],
  ['Отличный магазин, [[1251:доставка за 2 дня]]!', 'review ru: half damaged'],
  // Chat exports.
  [
    '{"sender_name": "Ana", "content": "[[ubytes:Ça va ? On se voit à 18h 😂]]"}',
    'chat export (Facebook JSON): byte escapes',
  ],
  ['{"sender_name": "[[ubytes:Zoë Ødegaard]]", "content": "ok"}', 'chat export: byte-escaped name'],
  ['{"content": "[[ubytes:Привет! Как дела?]]"}', 'chat export: byte-escaped Cyrillic'],
  ['[12/03/2023, 21:14] Jörg: [[1252:Bis morgen 👋 – schönen Abend!]]', 'chat export: clean name, damaged message'],
  ['"text": "[[u:That’s great — thanks! 🙏]]"', 'chat export (Slack): u-escapes'],
  ['[[c1:Hi John, we’re ready – see you at 3.]]', 'email: Windows-1252 read as ISO-8859-1 (C1 controls)'],
  // CSV fields.
  ['1042,"[[1252:José García]]",Madrid,ES', 'csv: name field'],
  ['7,"[[1252:Åland]]",FI', 'csv: Ã…land'],
  ['id;name;city\n3;[[1252:Françoise Lefèvre]];Besançon', 'csv: damaged name, clean city'],
  ['"[[1252:Müller]]","Köln","50667"', 'csv: first field damaged, second clean'],
  ['4,[[1251:Иванов Иван]],Москва', 'csv: Cyrillic name in windows-1251, city clean'],
  ['2023-05-01,[[mac:Société Générale]],+1.2%', 'csv: macintosh'],
  ['sku,desc\nA-19,"[[1252:Crème brûlée 150 g]]"', 'csv: product description'],
  ['[[437:Zürich]];8001;CH', 'csv: cp437 (DOS export)'],
  ['"[[1252:São João]]";"Conceição";"MG"', 'csv pt: one field of two'],
  ['[[1252:Größe]]: 42; Farbe: Weiß', 'spreadsheet: label damaged'],
  ['"[[1252:Ōsaka]]","大阪","JP"', 'csv: Ō (C5 8C) next to clean Kanji'],
  // Web pages.
  ['<p>Caf[[named:é]] au lait &amp; croissant</p>', 'html: named entity beside markup'],
  ['<title>[[html:Ελληνικά νέα]] | News</title>', 'html: numeric Greek title'],
  ['<meta name="description" content="[[named:Don’t miss our “summer” sale — up to 50% off…]]">', 'html: named quotes'],
  ['<td>[[htmlx:東京]]</td><td>Tokyo</td>', 'html: hex references'],
  ['<description>It[[html:’]]s the end of an era[[html:…]]</description>', 'rss: numeric'],
  ['<a href="/search?q=caf%C3%A9&para=2">[[named:Café]]</a>', 'html: &para= in URL stays'],
  // Logs, databases, code.
  ['ERROR 2024-01-05 user=[[bhex:Zoë]] action=login', 'log: backslash hex'],
  ["b'[[bhex:Привет]]'", 'log: Python bytes repr'],
  ['title: [[bbhex:Señor Martín’s]] blog', 'log: doubled backslashes'],
  ['WARN path=C:\\x86\\bin msg=[[bhex:Fichier introuvable : «données»]]', 'log: \\x86 path stays, message decoded'],
  ['// [[1252:Größe des Puffers in Bytes]]\nconst size = 4096;', 'code: damaged comment'],
  ['# [[1252:Auteur : Hélène Dupont]]\nprint("\\x41\\n")', 'code: damaged comment, escapes in code stay'],
  ['name: [[HEX:Łukasz Żółć]]', 'db: upper-case stripped hex'],
  // Subtitles, mail.
  ['1\n00:00:01,000 --> 00:00:04,000\n[[1251:Привет, как ты?]]\n', 'subtitles: windows-1251'],
  ['[[1252:¿Qué pasa, señor?]]\n[[1252:¡Nada!]]', 'subtitles es'],
  ['Subject: [[1252:Réunion de lundi – ordre du jour]]', 'mail subject'],
  ['Subject: Re: [[latin1:Angebot für Sie – 20 % Rabatt]]', 'mail subject: ISO-8859-1'],
  ['Subject: [[1252,1252,1252:Café]] meeting', 'mail subject: three layers'],
  // Text joined from two sources: one part clean, one damaged.
  ['Quote from Jürgen: “[[1252:Ich weiß nicht, was ich tun soll.]]” — I agree.', 'forum: clean quotes around damage'],
  ['Привет всем! [[1251:Кто-нибудь знает, где купить билеты?]]', 'forum ru: second sentence damaged'],
  ['Ελληνικά: [[1253:Ευχαριστώ πολύ]]', 'forum el'],
  ['日本語のテキスト: [[1252:ありがとうございます]]', 'forum ja'],
  ['中文：[[1252:谢谢你的帮助]]', 'forum zh'],
  ['हिंदी: [[1252:धन्यवाद]]', 'forum hi'],
  ['עברית: [[1252:תודה רבה]]', 'forum he'],
  ['العربية: [[1252:شكرا جزيلا]]', 'forum ar'],
  ['ไทย: [[1252:ขอบคุณครับ]]', 'forum th'],
  ['Korean: [[1252:감사합니다]]', 'forum ko'],
  ['Attendees: [[1252:Zoë]], Chloé, [[1252:Björn]], Renée', 'list: some names damaged, some clean'],
  // Shops, social.
  ['[[1252:Nike Air Max 90 – Größe 42 – Weiß/Schwarz]]', 'shop: product title'],
  ['Samsung Galaxy S23[[1252:™]] 256 GB', 'shop: trademark'],
  ['[[mac:Crème de la crème – édition limitée]]', 'shop: macintosh'],
  ['iPhone 15 Pro [[1252:—]] 128 GB, Titan Weiß', 'shop: em dash damaged, ß clean'],
  ['Total: [[1252:€]]1,299.00 (incl. VAT)', 'shop: euro'],
  ['[[1252,1252:I’m so happy 😂😂]] #blessed', 'tweet: double-encoded'],
  ['@maria [[1252:¡Feliz cumpleaños! 🎂🎉]]', 'tweet es'],
  ['RT @news: [[u:Breaking — 5.8 magnitude quake hits Türkiye]]', 'tweet: u-escapes'],
  ['He replied: [[lossy:“I don’t know”]]', 'chat: closing quote lost'],
  ['[[mac:Ça marche, à demain !]]', 'chat fr: macintosh'],
  ['[[c1:Price: €5 – “special”]]', 'email: C1 controls'],
  ['[[1251:Серия 3 — «Возвращение»]]', 'tv listing ru: windows-1251'],
  ['Temperature: [[1252:25 °C]], humidity 60 %', 'weather'],
  ['Distance: 5 km [[1252:±]] 0.1 km', 'measure'],
  ['[[1252:Prix : 12,50\u00a0€]]', 'price fr: NBSP mojibake (Â + NBSP)'],
  ['Mojibake in a title: https://example.com/caf%C3%A9 — [[1252:Café de Flore]]', 'web: percent-encoding stays'],
];

/** Templates whose damage is written by hand (not a function of a clean text). */
const HAND_REAL: Case[] = [
  fix('Hey team, Weâ€™re live!', 'Hey team, We’re live!', 'chat: Weâ€™re'),
  fix('<p>Ãœber uns</p>', '<p>Über uns</p>', 'html: Ãœber (Ü)'),
];

const TEMPLATE_PART = /\[\[([^:\]]+):(.*?)\]\]/gs;

function realWorld(): Case[] {
  const cases: Case[] = [];
  for (const [template, note] of TEMPLATES) {
    const expected = template.replace(TEMPLATE_PART, (_, _chain: string, text: string) => text);
    const input = template.replace(TEMPLATE_PART, (_, chain: string, text: string) => damage(chain.split(','), text));
    if (input === expected) throw new Error(`no damage: ${note}`);
    cases.push({ input, expected, note });
  }
  return [...cases, ...HAND_REAL];
}

// ── Output ────────────────────────────────────────────────────────────────────────────────────────

/** JSON with invisible and control characters escaped, one case a line. */
function write(file: string, cases: Case[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.input)) throw new Error(`duplicate input in ${file}: ${c.note}`);
    seen.add(c.input);
  }
  const line = (c: Case) => `  { "input": ${json(c.input)}, "expected": ${json(c.expected)}, "note": ${json(c.note)} }`;
  writeFileSync(join(OUT_DIR, file), `[\n${cases.map(line).join(',\n')}\n]\n`);
  console.log(`${file}: ${cases.length} cases`);
}

/** Characters a reader can't see (controls, spaces other than U+0020, joiners, marks, U+FFFD). */
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f],
  [0x7f, 0xa0],
  [0xad, 0xad],
  [0x300, 0x36f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x180b, 0x180f],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x3000, 0x3000],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xfff0, 0xfffd],
];

/** Every non-ASCII UTF-16 unit, one at a time (so lone surrogates too). */
const NON_ASCII_UNIT = /[^ -~]/g;

/** JSON of a string with the characters a reader can't see written as \u escapes. */
function json(text: string): string {
  return JSON.stringify(text).replace(NON_ASCII_UNIT, (char) => {
    const code = char.charCodeAt(0);
    const invisible = INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
    return invisible ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  });
}

write('synthetic.json', [...specCases(), ...HAND]);
write('real-world.json', realWorld());
