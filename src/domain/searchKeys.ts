import type { Dataset, PinyinOverrides, SearchKeys } from "./dataset/schema";

// Pinyin search keys (docs/data.md § Search keys): computed where a pinyin library is at hand
// (the build, the workbench's publish step) and shipped inside the dataset, so the public
// page matches `dkjj` or `gaoyou` without loading a pinyin dictionary.

/**
 * A text's reading, one entry per syllable (non-Chinese runs such as digits may come as one
 * entry). The caller injects it, so this module stays free of any pinyin library: the build
 * passes pinyin-pro, the workbench a lazily loaded one.
 */
export type PinyinOf = (text: string) => string[];

/** What a place is searched by: its Chinese names, short names and aliases. */
export interface SearchablePlace {
  name: { zh: string };
  shortName?: { zh: string } | undefined;
  aliases?: string[] | undefined;
}

const BRACKETS = /[()（）[\]【】〔〕]/;

/**
 * The texts a place gets keys for, in a fixed order the keys are stored in (one key group per
 * text): its name, short name and aliases, and the parts of a name that carries its short form
 * in brackets (扬州经济技术开发区(经开区) → also 扬州经济技术开发区 and 经开区). Search reads the same
 * list to say which text a key belongs to.
 */
export function searchSources(place: SearchablePlace): string[] {
  const out: string[] = [];
  const add = (text: string | undefined) => {
    const t = text?.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  for (const text of [place.name.zh, place.shortName?.zh, ...(place.aliases ?? [])]) {
    add(text);
    if (text && BRACKETS.test(text)) for (const part of text.split(BRACKETS)) add(part);
  }
  return out;
}

/** One syllable as typed on a Latin keyboard: no tone marks, ü as v, only letters and digits. */
function plainSyllable(syllable: string): string {
  return syllable
    .normalize("NFC")
    .toLowerCase()
    .replace(/ü|u:|ǖ|ǘ|ǚ|ǜ/g, "v")
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}

const HAN = /\p{Script=Han}/u;

/** A text's syllables, and which of them are whole words (digits, Latin) rather than Chinese syllables. */
interface Reading {
  syllables: string[];
  whole: boolean[];
}

/**
 * The text's reading: the override table's where one of its texts occurs (longest first, left
 * to right), the injected library's for the other runs of Chinese characters; digits and Latin
 * letters as whole words; punctuation and spaces dropped.
 */
function readingOf(text: string, pinyinOf: PinyinOf, overrides: PinyinOverrides): Reading {
  const phrases = Object.keys(overrides).sort((a, b) => b.length - a.length);
  const reading: Reading = { syllables: [], whole: [] };
  const push = (syllables: string[], whole: boolean) => {
    for (const s of syllables.map(plainSyllable).filter(Boolean)) {
      reading.syllables.push(s);
      reading.whole.push(whole);
    }
  };
  let han = "";
  let other = "";
  const flush = () => {
    if (han) push(pinyinOf(han), false);
    if (other) push(other.split(/[^a-z0-9]+/i), true);
    han = "";
    other = "";
  };
  for (let i = 0; i < text.length;) {
    const phrase = phrases.find((p) => text.startsWith(p, i));
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (phrase) {
      flush();
      push(overrides[phrase]!.split(/\s+/), false);
      i += phrase.length;
      continue;
    }
    if (HAN.test(char) !== Boolean(han)) flush();
    if (HAN.test(char)) han += char;
    else other += char;
    i += char.length;
  }
  flush();
  return reading;
}

/** The text's syllables as typed: overrides applied, no tones, ü as v, no punctuation. */
export function syllablesOf(text: string, pinyinOf: PinyinOf, overrides: PinyinOverrides = {}): string[] {
  return readingOf(text, pinyinOf, overrides).syllables;
}

/**
 * A text's keys: its full pinyin run together (高邮市 → gaoyoushi) and its initials (gys); a
 * reading with ü also as u (绿氢 → lvqing, luqing). Prefixes (gaoyou, gy) need no keys of
 * their own: search matches keys by prefix. Digits and Latin words stay whole in the initials
 * (合成县12 → hechengxian12, hcx12).
 */
export function keysOfText(text: string, pinyinOf: PinyinOf, overrides: PinyinOverrides = {}): string[] {
  const { syllables, whole } = readingOf(text, pinyinOf, overrides);
  if (!syllables.length) return [];
  const full = syllables.join("");
  const initials = syllables.map((s, n) => (whole[n] ? s : s[0])).join("");
  const keys = [full];
  if (full.includes("v")) keys.push(full.replace(/v/g, "u"));
  if (!keys.includes(initials)) keys.push(initials);
  return keys;
}

/**
 * A place's stored key groups, one per text of `searchSources` (in that order), each group its
 * keys separated by spaces. A key another group of the same place already starts with is left
 * out: search matches by prefix and by containment, so it would match nothing more (蜀冈-瘦西湖's
 * keys are prefixes of 蜀冈-瘦西湖风景名胜区's).
 */
export function placeKeyGroups(place: SearchablePlace, pinyinOf: PinyinOf, overrides: PinyinOverrides = {}): string[] {
  const groups = searchSources(place).map((text) => keysOfText(text, pinyinOf, overrides));
  const seen: string[] = [];
  return groups.map((keys) => {
    const kept = keys.filter((k) => !seen.some((s) => s.startsWith(k)));
    seen.push(...kept);
    return kept.join(" ");
  });
}

/** The search keys of every area, industry and site of a dataset (the `searchKeys` it ships). */
export function datasetSearchKeys(
  dataset: Pick<Dataset, "areas" | "industries" | "sites">,
  pinyinOf: PinyinOf,
  overrides: PinyinOverrides = {},
): SearchKeys {
  const of = (places: readonly (SearchablePlace & { id: string })[]) =>
    Object.fromEntries(places.map((p) => [p.id, placeKeyGroups(p, pinyinOf, overrides)]));
  return { area: of(dataset.areas), industry: of(dataset.industries), site: of(dataset.sites) };
}

/** The dataset with its search keys (re)computed: the one call the build and the workbench's publish make. */
export function withSearchKeys<D extends Dataset>(dataset: D, pinyinOf: PinyinOf, overrides: PinyinOverrides = {}): D {
  return { ...dataset, searchKeys: datasetSearchKeys(dataset, pinyinOf, overrides) };
}
