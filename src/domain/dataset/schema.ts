import { z } from "zod/mini";

// Schemas for every file in data/ and for the bundle the app loads. They are the single
// description of the data's shape: the validator, the build and the browser all use them.
// zod/mini keeps the browser's share small (the full API weighs several times more).

export const AREA_IDS_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().check(z.regex(AREA_IDS_PATTERN, "must be a lower-case id such as 'eco-tech-city'"));
const nonEmpty = z.string().check(z.trim(), z.minLength(1, "must not be empty"));
export const bilingual = z.strictObject({ zh: nonEmpty, en: nonEmpty });
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"));
/** A policy section reference such as 二(一)1, 三(五) or 一(三). */
const section = z.string().check(z.regex(/^[一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)\d*)?$/, "must be a section such as 二(一)1"));
const lngLat = z.tuple([
  z.number().check(z.gte(-180), z.lte(180)),
  z.number().check(z.gte(-90), z.lte(90)),
]);
const positive = z.number().check(z.positive("must be greater than 0"));
const opt = z.optional;
const nullable = z.nullable;

export const TIERS = ["key", "extended", "exploratory"] as const;
export const AREA_KINDS = ["county", "zone"] as const;
export const PLACE_KINDS = ["county", "zone", "site"] as const;
export const SITE_STATUSES = ["designated", "candidate", "related-site"] as const;

/** A web page whose text was read: the only kind of address the data may carry. */
const webPage = z.strictObject({ title: nonEmpty, url: z.url() });
/**
 * Where a figure comes from. `source` names its publisher (and document) as a reader would
 * look it up; `verified: true` only when the publisher's own text was read, and then `url`
 * is its address. Otherwise the figure is shown as unverified, with the secondary `copies`
 * whose text was read.
 */
const figureSourceShape = {
  source: bilingual,
  year: opt(z.int().check(z.gte(1900), z.lte(2100))),
  verified: opt(z.boolean()),
  url: opt(z.url()),
  copies: opt(z.array(webPage)),
  note: opt(bilingual),
};
const addressOnlyIfRead = <T extends { url?: string | undefined; verified?: boolean | undefined }>(v: T) => v.url === undefined || v.verified === true;
const ADDRESS_ONLY_IF_READ = "an address may only be given for a page whose text was read (verified: true); list copies under `copies`";
/** File names for a download: plain lower-case names with their extension. */
const fileName = (ext: string) => z.string().check(z.regex(new RegExp(`^[a-z0-9][a-z0-9._-]*\\.${ext}$`), `must be a lower-case file name ending in .${ext}`));

export const metaSchema = z.strictObject({
  id,
  city: z.strictObject({
    name: bilingual,
    code: nullable(z.string()),
    landAreaKm2: nullable(positive),
    /** The city's own published figure (not the sum of its counties'). */
    landAreaSource: opt(z.strictObject(figureSourceShape).check(z.refine(addressOnlyIfRead, ADDRESS_ONLY_IF_READ))),
  }),
  /** Names of the files the share dialog writes; without them, names made from `id`. */
  exportNames: opt(z.strictObject({ png: fileName("png"), csv: fileName("csv") })),
  policy: z.strictObject({
    issuer: bilingual,
    title: bilingual,
    date: isoDate,
    url: nullable(z.url()),
    note: opt(bilingual),
  }),
  asOf: isoDate,
  bounds: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .check(z.refine(([w, s, e, n]) => w < e && s < n, "must be [west, south, east, north] with west < east and south < north")),
  geometry: z
    .array(
      z.strictObject({
        file: nonEmpty,
        kind: z.enum(AREA_KINDS),
        provenance: opt(nonEmpty),
        /** The line the map's attribution shows for this file (its source and caveats). */
        attribution: opt(bilingual),
        approximate: opt(z.boolean()),
      }),
    )
    .check(z.minLength(1, "list at least one geometry file")),
  context: opt(z.strictObject({ file: nonEmpty, provenance: opt(nonEmpty) })),
});

const landArea = z
  .strictObject({
    km2: positive,
    range: opt(z.tuple([positive, positive])),
    approximate: z.boolean(),
    ...figureSourceShape,
  })
  .check(z.refine(addressOnlyIfRead, ADDRESS_ONLY_IF_READ));

export const areaSchema = z.strictObject({
  id,
  kind: z.enum(AREA_KINDS),
  code: nullable(z.string().check(z.regex(/^\d{6}$/, "must be a six-digit division code"))),
  codeNote: opt(bilingual),
  name: bilingual,
  shortName: opt(bilingual),
  aliases: opt(z.array(nonEmpty)),
  seat: opt(lngLat),
  containedIn: opt(z.array(id)),
  administers: opt(bilingual),
  landArea,
});

const industrySchema = z.strictObject({
  id,
  tier: z.enum(TIERS),
  section,
  name: bilingual,
  description: bilingual,
  subDirections: z.array(bilingual),
  products: z.array(bilingual),
  /** What the paragraph stresses beyond its lists (its core, its aims), quoted: `zh` verbatim. */
  aims: opt(z.array(bilingual)),
});
const tierSchema = z.strictObject({ id: z.enum(TIERS), section, name: bilingual, evidence: nonEmpty });
export const industriesFileSchema = z.strictObject({
  tiers: z.array(tierSchema),
  industries: z.array(industrySchema),
});

const assignmentSchema = z.strictObject({ industry: id, area: id, section, evidence: nonEmpty });
const citation = z.strictObject({ section, evidence: nonEmpty });
// `moreEvidence`: further sentences naming the industry, each cited with its own section
// (the 4 extended fields are named in the preamble of 二 as well as in 二(二)).
const citywideSchema = z.strictObject({ industry: id, section, evidence: nonEmpty, moreEvidence: opt(z.array(citation)) });
export const assignmentsFileSchema = z.strictObject({
  assignments: z.array(assignmentSchema),
  citywide: z.array(citywideSchema),
});

/** A site's source: the policy, or a page whose text was read (`verified: true`, with its address), or a report not read (`verified: false`, no address). */
const source = z
  .strictObject({ title: nonEmpty, date: opt(isoDate), url: opt(z.url()), verified: opt(z.boolean()), note: opt(bilingual) })
  .check(z.refine(addressOnlyIfRead, ADDRESS_ONLY_IF_READ));
export const siteSchema = z.strictObject({
  id,
  kind: z.literal("site"),
  status: z.enum(SITE_STATUSES),
  name: bilingual,
  industries: z.array(id),
  area: nullable(id),
  position: z.discriminatedUnion("precision", [
    z.strictObject({ precision: z.literal("exact"), coordinates: lngLat }),
    z.strictObject({ precision: z.literal("town"), coordinates: lngLat }),
    z.strictObject({ precision: z.literal("none") }),
  ]),
  location: bilingual,
  size: opt(z.strictObject({ value: positive, unit: z.enum(["mu", "ha", "km2"]), note: opt(bilingual) })),
  date: opt(z.strictObject({ value: isoDate, event: bilingual })),
  policySection: opt(section),
  sources: z.array(source).check(z.minLength(1, "a site needs at least one source")),
  confidence: z.enum(["high", "medium", "low"]),
});

export const departmentSchema = z.strictObject({ id, name: bilingual });

const programmeSchema = z
  .strictObject({
    id,
    section,
    name: bilingual,
    summary: bilingual,
    departments: z.array(id).check(z.minLength(1, "list at least one department")),
    /**
     * Where the document splits the list: the first `leadCount` departments are the ones its
     * 等 closes ("…等按职责分工负责"), the rest are named after that, also responsible, with no 等
     * (三(一)). Absent: the whole list is one, closed by 等 when `listEndsWithEtc`.
     */
    leadCount: opt(z.int().check(z.positive("must be greater than 0"))),
    listEndsWithEtc: z.boolean(),
    platforms: opt(z.array(z.strictObject({ zh: nonEmpty, en: nonEmpty, site: opt(id) }))),
    fundingChannels: opt(z.array(bilingual)),
  })
  .check(
    z.refine((p) => p.leadCount === undefined || p.leadCount < p.departments.length, {
      message: "must be less than the number of departments (leave it out when the whole list is led)",
      path: ["leadCount"],
    }),
  );
const participationSchema = z.strictObject({ section, evidence: nonEmpty, areas: z.literal("all"), note: bilingual });
export const programmesFileSchema = z.strictObject({
  participation: participationSchema,
  programmes: z.array(programmeSchema),
});

export const targetsFileSchema = z.array(
  z.strictObject({
    year: z.int().check(z.gte(2000), z.lte(2100)),
    section,
    items: z.array(
      z.strictObject({
        id,
        measure: nullable(z.enum(["pilot-parks", "key-products", "application-scenarios"])),
        atLeast: opt(z.int().check(z.positive())),
        text: bilingual,
      }),
    ),
  }),
);

export const supportFileSchema = z.array(
  z.strictObject({
    id,
    section,
    name: bilingual,
    measures: z.array(bilingual).check(z.minLength(1, "list at least one measure")),
    departments: z.array(id).check(z.minLength(1, "list at least one department")),
    listEndsWithEtc: z.boolean(),
  }),
);

const polygonGeometry = z.strictObject({
  type: z.enum(["Polygon", "MultiPolygon"]),
  coordinates: z.array(z.unknown()),
});
export const areaFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: opt(z.union([z.string(), z.number()])),
  properties: z.looseObject({ id, approximate: opt(z.boolean()) }),
  geometry: polygonGeometry,
});
export const featureCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(areaFeatureSchema),
});

const contextFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: opt(z.union([z.string(), z.number()])),
  properties: z.looseObject({ id, role: z.enum(["city-outline", "neighbour", "neighbour-label"]) }),
  geometry: z.object({ type: z.enum(["Polygon", "MultiPolygon", "Point"]), coordinates: z.array(z.unknown()) }),
});
export const contextSchema = z.object({ type: z.literal("FeatureCollection"), features: z.array(contextFeatureSchema) });

/** Every file the dataset is made of, by name, with its schema. */
export const DATA_FILES = {
  "meta.json": metaSchema,
  "areas.json": z.array(areaSchema),
  "industries.json": industriesFileSchema,
  "assignments.json": assignmentsFileSchema,
  "sites.json": z.array(siteSchema),
  "departments.json": z.array(departmentSchema),
  "programmes.json": programmesFileSchema,
  "targets.json": targetsFileSchema,
  "support.json": supportFileSchema,
} as const;

/** What the browser loads: all files of data/ in one document, geometry merged. */
export const datasetSchema = z.strictObject({
  meta: metaSchema,
  areas: z.array(areaSchema),
  tiers: z.array(tierSchema),
  industries: z.array(industrySchema),
  assignments: z.array(assignmentSchema),
  citywide: z.array(citywideSchema),
  sites: z.array(siteSchema),
  departments: z.array(departmentSchema),
  participation: participationSchema,
  programmes: z.array(programmeSchema),
  targets: targetsFileSchema,
  support: supportFileSchema,
  geometry: featureCollectionSchema,
});

export type Bilingual = z.infer<typeof bilingual>;
export type Meta = z.infer<typeof metaSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Industry = z.infer<typeof industrySchema>;
export type Tier = (typeof TIERS)[number];
export type TierInfo = z.infer<typeof tierSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Citywide = z.infer<typeof citywideSchema>;
export type Citation = z.infer<typeof citation>;
export type Site = z.infer<typeof siteSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type AreaFeature = z.infer<typeof areaFeatureSchema>;
export type ContextCollection = z.infer<typeof contextSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type PlaceKind = (typeof PLACE_KINDS)[number];
