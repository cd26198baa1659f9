import { pinyin } from "pinyin-pro";
import type { PinyinOf } from "./searchKeys.ts";

// The pinyin library and nothing else: the build and `npm run validate` import it directly;
// the workbench loads this module with import() only when it first needs a reading (a site id
// from a Chinese name, the search keys of the published dataset.json), so the dictionary stays
// out of every other chunk (ESLint refuses a static import of it elsewhere in src/).

/** pinyin-pro's reading, one syllable per character, no tones, ü as v: what the key module expects. */
export const pinyinPro: PinyinOf = (text) => pinyin(text, { toneType: "none", type: "array", v: true });
