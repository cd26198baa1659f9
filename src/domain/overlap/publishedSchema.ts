import { z } from "zod/mini";
import type { OverlapAnalysis } from "./types";
import type { PublishedGround } from "./publishedGround";

// A tiled dataset's analysis is read from two published files (publishedGround.ts), not computed
// here. They are checked like every other data file: a damaged, truncated or stale file is said
// in the planner view and the rest of the page keeps working, instead of the view failing
// somewhere in its rendering. The figures are checked in full (they are small: ≈ 2 MB at national
// size); the shapes only down to each feature's geometry type (millions of coordinates).

const km2 = z.number().check(z.gte(0));
const share = z.number().check(z.gte(0));
// Id lists and a finding's numbers are checked by one function each, not element by element
// through the schema: at national size they are most of the file's values (an industry's list
// names hundreds of areas), and zod's per-element path made the check about twice as slow
// (≈ 250 against ≈ 130 ms for the national set's 1.9 MB, cold, in node).
const ids = z.custom<string[]>((v) => Array.isArray(v) && v.every((x) => typeof x === "string"), "must be a list of ids");
const numbers = z.custom<Record<string, number>>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "number"),
  "must be an object of numbers",
);
const noShape = z.null();

const figuresSchema = z.object({
  industries: z.array(
    z.object({ industry: z.string(), areas: ids, sumKm2: km2, unionKm2: km2, doubleCountedKm2: z.number(), approximate: z.boolean() }),
  ),
  pairs: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      sharedIndustries: ids,
      overlapKm2: km2,
      shareOfA: share,
      shareOfB: share,
      approximate: z.boolean(),
      intersection: noShape,
    }),
  ),
  areas: z.array(z.object({ area: z.string(), industries: ids })),
  containment: z.array(z.object({ zone: z.string(), county: z.string(), km2, shareOfZone: share, approximate: z.literal(true) })),
  findings: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["same-ground", "industry-in-areas", "industries-in-area"]),
      weight: z.number(),
      industries: ids,
      areas: ids,
      figures: numbers,
      approximate: z.boolean(),
      geometry: noShape,
    }),
  ),
  omittedDisjointPairs: z.optional(z.number().check(z.gte(0))),
  tookMs: z.number(),
});

const groundSchema = z.record(
  z.string(),
  z.object({
    type: z.literal("Feature"),
    geometry: z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) }),
  }),
);

/** What a published file holds, or the reasons it does not (at most three, each with its path). */
type Read<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function problemsOf(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
}

/**
 * The published figures (`tiles.overlap`), checked against the dataset they were published with:
 * every area and industry they name must be one of the dataset's, or the file is another
 * dataset's (published before a rebuild, or copied from elsewhere).
 */
export function readPublishedFigures(
  raw: unknown,
  known: { areas: ReadonlySet<string>; industries: ReadonlySet<string> },
): Read<OverlapAnalysis> {
  const parsed = figuresSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error.issues) };
  const figures = parsed.data as OverlapAnalysis;
  const unknown: string[] = [];
  const check = (set: ReadonlySet<string>, kind: string, list: readonly string[]) => {
    for (const id of list) if (!set.has(id)) unknown.push(`${kind} ${id}`);
  };
  const areas = (...list: string[]) => check(known.areas, "area", list);
  const industries = (...list: string[]) => check(known.industries, "industry", list);
  for (const i of figures.industries) {
    industries(i.industry);
    areas(...i.areas);
  }
  for (const p of figures.pairs) {
    areas(p.a, p.b);
    industries(...p.sharedIndustries);
  }
  for (const a of figures.areas) {
    areas(a.area);
    industries(...a.industries);
  }
  for (const c of figures.containment) areas(c.zone, c.county);
  for (const f of figures.findings) {
    areas(...f.areas);
    industries(...f.industries);
  }
  if (unknown.length) {
    const listed = [...new Set(unknown)];
    return { ok: false, problems: [`names ${listed.length} that this dataset does not have (${listed.slice(0, 3).join(", ")})`] };
  }
  return { ok: true, value: figures };
}

/** The published shapes (`tiles.overlapGround`): a record of polygon features. */
export function readPublishedGround(raw: unknown): Read<PublishedGround> {
  const parsed = groundSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: raw as PublishedGround } : { ok: false, problems: problemsOf(parsed.error.issues) };
}
