import type { Dataset } from "./dataset/schema";
import { searchSources, type SearchablePlace } from "./searchKeys";

export interface SearchHit {
  type: "area" | "site" | "industry";
  id: string;
  name: { zh: string; en: string };
  /** When only a pinyin key matched: the Chinese text whose key it is (`dkjj` → 低空经济), to say why. */
  via?: string;
}

type Candidate = Omit<SearchHit, "via"> & {
  keys: string[];
  /** What it was made from: the text of a pinyin key is looked up only for the hits. */
  place: SearchablePlace;
  /** The stored key groups (src/domain/searchKeys.ts), or none. */
  groups: string[] | undefined;
  /** All its pinyin keys, each after a space: " gaoyoushi gys", so " " + query finds a key's start. */
  pinyin: string;
};

type Searchable = Pick<Dataset, "areas" | "industries" | "sites" | "searchKeys">;

// Built once per dataset (when the page is idle after loading, or on the first keystroke),
// and cheaply: at national size (13,000 places) each place gets its lower-cased names and one
// string of its pinyin keys; the key's text is looked up only for the hits.
const candidatesCache = new WeakMap<object, Candidate[]>();

function candidatesOf(dataset: Searchable): Candidate[] {
  const known = candidatesCache.get(dataset);
  if (known) return known;
  const lower = (keys: (string | undefined)[]) => keys.filter((k): k is string => Boolean(k)).map((k) => k.toLowerCase());
  const stored = dataset.searchKeys;
  const candidate = (
    type: SearchHit["type"],
    place: SearchablePlace & { id: string; name: SearchHit["name"] },
    keys: string[],
    groups: string[] | undefined,
  ): Candidate => ({
    type,
    id: place.id,
    name: place.name,
    keys,
    place,
    groups,
    pinyin: groups ? ` ${groups.join(" ")}` : "",
  });
  const candidates: Candidate[] = [
    ...dataset.areas.map((a) =>
      candidate("area", a, lower([a.name.zh, a.name.en, a.shortName?.zh, a.shortName?.en, ...(a.aliases ?? [])]), stored?.area[a.id]),
    ),
    ...dataset.industries.map((i) => candidate("industry", i, lower([i.name.zh, i.name.en]), stored?.industry[i.id])),
    ...dataset.sites.map((s) => candidate("site", s, lower([s.name.zh, s.name.en]), stored?.site[s.id])),
  ];
  candidatesCache.set(dataset, candidates);
  return candidates;
}

/** Builds the search's lookup for this dataset ahead of the first keystroke (e.g. when the page is idle). */
export function prepareSearch(dataset: Searchable): void {
  candidatesOf(dataset);
}

const startsWith = (q: string) => (key: string) => key.startsWith(q);
const includes = (q: string) => (key: string) => key.includes(q);

/**
 * The text whose pinyin key starts with (`prefix`) or contains the query; undefined when no key
 * does, or when the stored groups do not line up with the place's texts (keys of other data).
 */
function pinyinVia(c: Candidate, q: string, prefix: boolean): string | undefined {
  if (!c.groups || !(prefix ? c.pinyin.includes(` ${q}`) : c.pinyin.includes(q))) return undefined;
  const texts = searchSources(c.place);
  if (texts.length !== c.groups.length) return undefined;
  const n = c.groups.findIndex((g) => (prefix ? ` ${g}`.includes(` ${q}`) : g.includes(q)));
  return texts[n];
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
  const hit = ({ type, id, name }: Candidate, via: string | undefined): SearchHit =>
    via === undefined ? { type, id, name } : { type, id, name, via };
  // Pinyin keys are lower-case letters and digits: a query with anything else can only match a name.
  const pinyinQuery = /^[a-z0-9]+$/.test(q);
  for (const c of candidatesOf(dataset)) {
    const namePrefix = c.keys.some(startsWith(q));
    const pinyinPrefix = !namePrefix && pinyinQuery ? pinyinVia(c, q, true) : undefined;
    if (namePrefix || pinyinPrefix !== undefined) {
      // A name that shows the query needs no reason; one that starts with it only in pinyin does.
      starts.push(hit(c, c.keys.some(includes(q)) ? undefined : pinyinPrefix));
      if (starts.length >= limit) break;
    } else if (contains.length < limit) {
      if (c.keys.some(includes(q))) contains.push(hit(c, undefined));
      else if (pinyinQuery) {
        const via = pinyinVia(c, q, false);
        if (via !== undefined) contains.push(hit(c, via));
      }
    }
  }
  return [...starts, ...contains].slice(0, limit);
}
