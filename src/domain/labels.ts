import type { Bilingual } from "./dataset/schema";

export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** A data label in the reader's language (data files carry both). */
export function label(text: Bilingual, lang: Lang): string {
  return text[lang];
}
