import type { Dataset, Tier } from "./dataset/schema";
import type { Match } from "./url/urlState";

// What the policy lays out where: the pure questions every view asks of the dataset.

/** Industry ids assigned to each area, in the dataset's industry order. */
export function industriesByArea(dataset: Pick<Dataset, "industries" | "assignments" | "areas">): Map<string, string[]> {
  const order = new Map(dataset.industries.map((i, n) => [i.id, n]));
  const result = new Map<string, string[]>(dataset.areas.map((a) => [a.id, []]));
  for (const a of dataset.assignments) result.get(a.area)?.push(a.industry);
  for (const list of result.values()) list.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  return result;
}

/** Area ids each industry is assigned to, in the dataset's area order. */
export function areasByIndustry(dataset: Pick<Dataset, "industries" | "assignments" | "areas">): Map<string, string[]> {
  const order = new Map(dataset.areas.map((a, n) => [a.id, n]));
  const result = new Map<string, string[]>(dataset.industries.map((i) => [i.id, []]));
  for (const a of dataset.assignments) result.get(a.industry)?.push(a.area);
  for (const list of result.values()) list.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  return result;
}

/** Industries of the given tiers, as a set, so colouring and filters ignore the others. */
export function industriesInTiers(dataset: Pick<Dataset, "industries">, tiers: readonly Tier[]): Set<string> {
  return new Set(dataset.industries.filter((i) => tiers.includes(i.tier)).map((i) => i.id));
}

/** Does a place carrying `carried` pass the industry filter? No filter lets everything through. */
export function passesIndustryFilter(carried: readonly string[], wanted: readonly string[], match: Match): boolean {
  if (wanted.length === 0) return true;
  return match === "all" ? wanted.every((w) => carried.includes(w)) : wanted.some((w) => carried.includes(w));
}
