import { SIZE_UNITS, type SizeUnit } from "../dataset/schema.ts";

// A site's size as the sources give it (亩 for land in Chinese reporting, hectares or km² in
// others), and the same figure in the other units for display. 1 亩 = 10 000 / 15 m² exactly.

const SQUARE_METRES: Record<SizeUnit, number> = { mu: 10_000 / 15, ha: 10_000, km2: 1_000_000 };

export function convertSize(value: number, from: SizeUnit, to: SizeUnit): number {
  return from === to ? value : (value * SQUARE_METRES[from]) / SQUARE_METRES[to];
}

/** The figure in every unit, the given one unchanged. */
export function sizeInAllUnits(size: { value: number; unit: SizeUnit }): Record<SizeUnit, number> {
  return Object.fromEntries(SIZE_UNITS.map((u) => [u, convertSize(size.value, size.unit, u)])) as Record<SizeUnit, number>;
}

/** A converted figure rounded for reading: three significant digits, never more decimals than needed. */
export function roundForDisplay(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

const UNIT_WORDS: Record<string, SizeUnit> = {
  mu: "mu",
  亩: "mu",
  ha: "ha",
  hectare: "ha",
  hectares: "ha",
  公顷: "ha",
  km2: "km2",
  "km²": "km2",
  "sq km": "km2",
  平方公里: "km2",
  平方千米: "km2",
};

/** A unit as written in a spreadsheet or form (亩, mu, 公顷, ha, km², 平方公里, …), or null. */
export function parseSizeUnit(text: string): SizeUnit | null {
  return UNIT_WORDS[text.trim().toLowerCase()] ?? null;
}
