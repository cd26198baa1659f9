import type { Dataset } from "./dataset/schema";
import { searchSources } from "./searchKeys";

export interface SearchHit {
  type: "area" | "site" | "industry";
  id: string;
  name: { zh: string; en: string };
  /** When only a pinyin key matched: the Chinese text whose key it is (`dkjj` → 低空经济), to say why. */
  via?: string;
}

/** One of a place's texts and its pinyin keys (src/domain/searchKeys.ts). */
interface PinyinGroup {
  text: string;
  keys: string[];
}

type Candidate = Omit<SearchHit, "via"> & { keys: string[]; pinyin: PinyinGroup[] };

type Searchable = Pick<Dataset, "areas" | "industries" | "sites" | "searchKeys">;

// The lower-cased names and the split pinyin keys are built once per dataset, on the first
// keystroke: at national size (13,000 places) doing it on every keystroke is most of the
// search's cost.
const candidatesCache = new WeakMap<object, Candidate[]>();

/** A place's stored key groups beside its texts; none when they do not line up (keys from other data). */
function pinyinGroups(place: Parameters<typeof searchSources>[0], groups: string[] | undefined): PinyinGroup[] {
  if (!groups) return [];
  const texts = searchSources(place);
  if (texts.length !== groups.length) return [];
  return texts.map((text, n) => ({ text, keys: groups[n]!.split(" ").filter(Boolean) })).filter((g) => g.keys.length);
}

function candidatesOf(dataset: Searchable): Candidate[] {
  const known = candidatesCache.get(dataset);
  if (known) return known;
  const lower = (keys: (string | undefined)[]) => keys.filter((k): k is string => Boolean(k)).map((k) => k.toLowerCase());
  const stored = dataset.searchKeys;
  const candidates: Candidate[] = [
    ...dataset.areas.map((a) => ({
      type: "area" as const,
      id: a.id,
      name: a.name,
      keys: lower([a.name.zh, a.name.en, a.shortName?.zh, a.shortName?.en, ...(a.aliases ?? [])]),
      pinyin: pinyinGroups(a, stored?.area[a.id]),
    })),
    ...dataset.industries.map((i) => ({
      type: "industry" as const,
      id: i.id,
      name: i.name,
      keys: lower([i.name.zh, i.name.en]),
      pinyin: pinyinGroups(i, stored?.industry[i.id]),
    })),
    ...dataset.sites.map((s) => ({
      type: "site" as const,
      id: s.id,
      name: s.name,
      keys: lower([s.name.zh, s.name.en]),
      pinyin: pinyinGroups(s, stored?.site[s.id]),
    })),
  ];
  candidatesCache.set(dataset, candidates);
  return candidates;
}

const startsWith = (q: string) => (key: string) => key.startsWith(q);
const includes = (q: string) => (key: string) => key.includes(q);

/** The text of the first pinyin group with a key that passes `test`. */
function pinyinVia(c: Candidate, test: (key: string) => boolean): string | undefined {
  return c.pinyin.find((g) => g.keys.some(test))?.text;
}

/**
 * Finds areas, industries and sites whose name (either language, short names and the
 * policy's spellings included) or pinyin key (full pinyin or initials, `gaoyou`, `dkjj`)
 * contains the query; those that start with it come first. A hit found only by pinyin says
 * by which text (`via`).
 */
export function searchPlaces(dataset: Searchable, query: string, limit = 8): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  // Two passes in data order: prefix matches, then the rest; stop as soon as `limit` is reached.
  const starts: SearchHit[] = [];
  const contains: SearchHit[] = [];
  const hit = ({ type, id, name }: Candidate, via: string | undefined): SearchHit => (via === undefined ? { type, id, name } : { type, id, name, via });
  // Pinyin keys are lower-case letters and digits: a query with anything else can only match a name.
  const pinyinQuery = /^[a-z0-9]+$/.test(q);
  for (const c of candidatesOf(dataset)) {
    const namePrefix = c.keys.some(startsWith(q));
    const pinyinPrefix = !namePrefix && pinyinQuery ? pinyinVia(c, startsWith(q)) : undefined;
    if (namePrefix || pinyinPrefix !== undefined) {
      // A name that shows the query needs no reason; one that starts with it only in pinyin does.
      starts.push(hit(c, c.keys.some(includes(q)) ? undefined : pinyinPrefix));
      if (starts.length >= limit) break;
    } else if (contains.length < limit) {
      if (c.keys.some(includes(q))) contains.push(hit(c, undefined));
      else if (pinyinQuery) {
        const via = pinyinVia(c, includes(q));
        if (via !== undefined) contains.push(hit(c, via));
      }
    }
  }
  return [...starts, ...contains].slice(0, limit);
}
