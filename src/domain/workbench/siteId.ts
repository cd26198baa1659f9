import { AREA_IDS_PATTERN } from "../dataset/schema.ts";
import type { Bilingual } from "../dataset/schema.ts";
import type { PinyinOf } from "../searchKeys.ts";
import type { WorkbenchMessage } from "./messages.ts";

// A new site's id: made from its English name, or from the pinyin of its Chinese name when
// the English one is empty, unique among the ids a site may not take (sites' and areas',
// which share the URL's `area` parameter), and always one the schema accepts. The pinyin
// function is handed in, so this module carries no dictionary and the page loads one only
// when it needs it.

/** Chinese text to pinyin syllables separated by spaces, tones left out ("高邮" → "gao you"). */
export type ToPinyin = (zh: string) => string;

/** The id's reading from the pinyin adapter (src/domain/pinyinPro.ts, once loaded): syllables joined by spaces. */
export const readingOf = (pinyinOf: PinyinOf | null): ToPinyin | undefined => (pinyinOf ? (zh) => pinyinOf(zh).join(" ") : undefined);

const MAX_LENGTH = 60;
const FALLBACK = "site";

/** Lower-case ASCII words joined by hyphens: accents dropped, everything else a separator. */
export function kebabCase(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = "";
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    out = next;
  }
  return out || words[0]?.slice(0, MAX_LENGTH) || "";
}

/** The id proposed for a site named `name`, unique against `taken` (suffixed -2, -3, … when needed). */
export function proposeSiteId(name: Partial<Bilingual>, taken: Iterable<string>, toPinyin?: ToPinyin): string {
  const fromEnglish = kebabCase(name.en ?? "");
  const fromChinese = !fromEnglish && name.zh?.trim() && toPinyin ? kebabCase(toPinyin(name.zh.trim())) : "";
  const base = fromEnglish || fromChinese || FALLBACK;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** What is wrong with an id a maintainer typed (empty when it may be used). */
export function siteIdProblems(id: string, taken: Iterable<string>): WorkbenchMessage[] {
  if (!AREA_IDS_PATTERN.test(id)) return [{ key: "idPattern", params: { id } }];
  if (new Set(taken).has(id)) return [{ key: "idTaken", params: { id } }];
  return [];
}

/** The ids a new site may not take: every area's and every site's. */
export function takenIds(dataset: { areas: readonly { id: string }[]; sites: readonly { id: string }[] }): Set<string> {
  return new Set([...dataset.areas.map((a) => a.id), ...dataset.sites.map((s) => s.id)]);
}
