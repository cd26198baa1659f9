import type { Dataset } from "./dataset/schema";

export interface SearchHit {
  type: "area" | "site" | "industry";
  id: string;
  name: { zh: string; en: string };
}

type Candidate = SearchHit & { keys: string[] };

// The lower-cased names are built once per dataset: at national size (13,000 places) doing
// it on every keystroke is most of the search's cost.
const candidatesCache = new WeakMap<object, Candidate[]>();

function candidatesOf(dataset: Pick<Dataset, "areas" | "industries" | "sites">): Candidate[] {
  const known = candidatesCache.get(dataset);
  if (known) return known;
  const lower = (keys: (string | undefined)[]) => keys.filter((k): k is string => Boolean(k)).map((k) => k.toLowerCase());
  const candidates: Candidate[] = [
    ...dataset.areas.map((a) => ({
      type: "area" as const,
      id: a.id,
      name: a.name,
      keys: lower([a.name.zh, a.name.en, a.shortName?.zh, a.shortName?.en, ...(a.aliases ?? [])]),
    })),
    ...dataset.industries.map((i) => ({ type: "industry" as const, id: i.id, name: i.name, keys: lower([i.name.zh, i.name.en]) })),
    ...dataset.sites.map((s) => ({ type: "site" as const, id: s.id, name: s.name, keys: lower([s.name.zh, s.name.en]) })),
  ];
  candidatesCache.set(dataset, candidates);
  return candidates;
}

/**
 * Finds areas, industries and sites whose name (either language, short names and the
 * policy's spellings included) contains the query; names that start with it come first.
 */
export function searchPlaces(dataset: Pick<Dataset, "areas" | "industries" | "sites">, query: string, limit = 8): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  // Two passes in data order: prefix matches, then the rest; stop as soon as `limit` is reached.
  const starts: Candidate[] = [];
  const contains: Candidate[] = [];
  for (const c of candidatesOf(dataset)) {
    if (c.keys.some((k) => k.startsWith(q))) {
      starts.push(c);
      if (starts.length >= limit) break;
    } else if (contains.length < limit && c.keys.some((k) => k.includes(q))) contains.push(c);
  }
  return [...starts, ...contains].slice(0, limit).map(({ type, id, name }) => ({ type, id, name }));
}
