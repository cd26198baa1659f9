import type { Dataset } from "./dataset/schema";

export interface SearchHit {
  type: "area" | "site" | "industry";
  id: string;
  name: { zh: string; en: string };
}

/**
 * Finds areas, industries and sites whose name (either language, short names and the
 * policy's spellings included) contains the query; names that start with it come first.
 */
export function searchPlaces(dataset: Dataset, query: string, limit = 8): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const candidates: (SearchHit & { keys: string[] })[] = [
    ...dataset.areas.map((a) => ({
      type: "area" as const,
      id: a.id,
      name: a.name,
      keys: [a.name.zh, a.name.en, a.shortName?.zh, a.shortName?.en, ...(a.aliases ?? [])].filter(Boolean) as string[],
    })),
    ...dataset.industries.map((i) => ({ type: "industry" as const, id: i.id, name: i.name, keys: [i.name.zh, i.name.en] })),
    ...dataset.sites.map((s) => ({ type: "site" as const, id: s.id, name: s.name, keys: [s.name.zh, s.name.en] })),
  ];
  const scored = candidates.flatMap((c) => {
    const keys = c.keys.map((k) => k.toLowerCase());
    if (keys.some((k) => k.startsWith(q))) return [{ c, score: 0 }];
    if (keys.some((k) => k.includes(q))) return [{ c, score: 1 }];
    return [];
  });
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ c }) => ({ type: c.type, id: c.id, name: c.name }));
}
