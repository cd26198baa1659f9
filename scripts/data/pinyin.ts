import { pinyin } from "pinyin-pro";
import { PINYIN_OVERRIDES_FILE, pinyinOverridesSchema, type PinyinOverrides } from "../../src/domain/dataset/schema.ts";
import type { DataIssue } from "../../src/domain/dataset/dataIssue.ts";
import { zodIssuesToDataIssues } from "../../src/domain/dataset/zodIssues.ts";
import type { PinyinOf } from "../../src/domain/searchKeys.ts";

/** pinyin-pro's reading, one syllable per character, no tones, ü as v: what the key module expects. */
export const pinyinPro: PinyinOf = (text) => pinyin(text, { toneType: "none", type: "array", v: true });

/** data/pinyin-overrides.json checked against its schema (absent: no overrides). */
export function readPinyinOverrides(files: Record<string, unknown>, issues: DataIssue[]): PinyinOverrides {
  if (!(PINYIN_OVERRIDES_FILE in files)) return {};
  const raw = files[PINYIN_OVERRIDES_FILE];
  const result = pinyinOverridesSchema.safeParse(raw);
  if (result.success) return result.data;
  issues.push(...zodIssuesToDataIssues(PINYIN_OVERRIDES_FILE, raw, result.error));
  return {};
}
