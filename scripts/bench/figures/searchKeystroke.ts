import { resolve } from "node:path";
import { assembleDataDir } from "../../data/readDataDir.ts";
import { pinyinPro } from "../../data/pinyin.ts";
import { syntheticDataset } from "../../../support/synthetic/dataset.ts";
import { withSearchKeys } from "../../../src/domain/searchKeys.ts";
import { searchPlaces } from "../../../src/domain/search.ts";
import { median, round, type FigureDefinition, type FigureResult } from "../types.ts";

const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 7);
/** Typed a character at a time: initials, full pinyin, Chinese, English, and a query that finds nothing. */
const QUERIES = ["hcx1234", "hechengzhandian", "合成站点12", "synthetic site 9", "dkjj", "qzx"];

/**
 * Search per keystroke at national size (the synthetic set: 3,000 areas and 10,000 sites, with
 * the search keys a build would ship), in node: the domain's `searchPlaces` as the search box
 * calls it on each keystroke, each query typed a character at a time. The first keystroke of
 * each round runs on a fresh copy of the dataset, so it includes building the search's lookup
 * (the app builds it when the page is idle after loading, so this is the worst case). Reported,
 * not a gate (docs/performance.md: well under 50 ms).
 */
export const searchKeystroke: FigureDefinition = {
  key: "search",
  name: "search per keystroke (synthetic national set, pinyin keys)",
  async run(): Promise<FigureResult> {
    const { dataset: yangzhou, issues } = assembleDataDir(resolve(import.meta.dirname, "../../../data"));
    if (!yangzhou) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);
    const synthetic = withSearchKeys(syntheticDataset(yangzhou), pinyinPro);
    const places = synthetic.areas.length + synthetic.industries.length + synthetic.sites.length;
    const first: number[] = [];
    const keystrokes: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      // A fresh object: the lookup is cached per dataset object.
      const dataset = { ...synthetic };
      const samples: number[] = [];
      for (const query of QUERIES) {
        for (let n = 1; n <= query.length; n++) {
          const t = performance.now();
          searchPlaces(dataset, query.slice(0, n));
          samples.push(performance.now() - t);
        }
      }
      // Round 0 warms the code up and is not counted.
      if (round === 0) continue;
      first.push(samples[0]!);
      keystrokes.push(...samples.slice(1));
    }
    return {
      figures: [
        {
          id: "search-keystroke-synthetic",
          value: round(median(keystrokes), 2),
          unit: "ms",
          digits: 2,
          budget: null,
          extra: { places, samples: keystrokes.length, max: round(Math.max(...keystrokes), 1) },
        },
        {
          id: "search-first-keystroke-synthetic",
          value: round(median(first), 1),
          unit: "ms",
          budget: null,
          extra: { rounds: ROUNDS, max: round(Math.max(...first), 1) },
        },
      ],
      notes: [`  queries typed a character at a time: ${QUERIES.map((q) => JSON.stringify(q)).join(", ")}; ${places} places`],
      details: { first, keystrokes },
    };
  },
};
