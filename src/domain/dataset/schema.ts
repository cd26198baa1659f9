import { z } from "zod/mini";

// Schemas for every file in data/ and for the bundle the app loads. They are the single
// description of the data's shape: the validator, the build and the browser all use them.
// zod/mini keeps the browser's share small (the full API weighs several times more).

export const AREA_IDS_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().check(z.regex(AREA_IDS_PATTERN, "must be a lower-case id such as 'eco-tech-city'"));
const nonEmpty = z.string().check(z.trim(), z.minLength(1, "must not be empty"));
const bilingual = z.strictObject({ zh: nonEmpty, en: nonEmpty });
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD"));
/** A policy section reference such as 二(一)1, 三(五) or 一(三). */
const section = z
  .string()
  .check(z.regex(/^[一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)\d*)?$/, "must be a section such as 二(一)1"));
const lngLat = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]);
const positive = z.number().check(z.positive("must be greater than 0"));
const opt = z.optional;
const nullable = z.nullable;

export const TIERS = ["key", "extended", "exploratory"] as const;
const AREA_KINDS = ["county", "zone"] as const;
export const PLACE_KINDS = ["county", "zone", "site"] as const;
export const SITE_STATUSES = ["designated", "candidate", "related-site"] as const;
/** Units of a site's size: 亩 (mu), hectares, square kilometres. */
export const SIZE_UNITS = ["mu", "ha", "km2"] as const;
export const POSITION_PRECISIONS = ["exact", "town", "none"] as const;
export const CONFIDENCES = ["high", "medium", "low"] as const;

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
const addressOnlyIfRead = <T extends { url?: string | undefined; verified?: boolean | undefined }>(v: T) =>
  v.url === undefined || v.verified === true;
const ADDRESS_ONLY_IF_READ = "an address may only be given for a page whose text was read (verified: true); list copies under `copies`";
/** File names for a download: plain lower-case names with their extension. */
const fileName = (ext: string) =>
  z.string().check(z.regex(new RegExp(`^[a-z0-9][a-z0-9._-]*\\.${ext}$`), `must be a lower-case file name ending in .${ext}`));

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
const industriesFileSchema = z.strictObject({
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

/**
 * A site's source: the policy, or a page whose text was read (`verified: true`, with its
 * address), or a report not read (`verified: false`, no address). `docNumber` is the
 * document number (文号) of an official document, such as 扬府发〔2025〕12号.
 */
const source = z
  .strictObject({
    title: nonEmpty,
    date: opt(isoDate),
    url: opt(z.url()),
    docNumber: opt(nonEmpty),
    verified: opt(z.boolean()),
    note: opt(bilingual),
  })
  .check(z.refine(addressOnlyIfRead, ADDRESS_ONLY_IF_READ));
type Source = z.infer<typeof source>;

/**
 * A source that can prove a designation: it has a title, a date, and an address or a
 * document number, so a reader can find the decision itself.
 */
export function isDesignationSource(s: Source): boolean {
  return s.title.trim() !== "" && s.date !== undefined && (s.url !== undefined || s.docNumber !== undefined);
}

/**
 * When and by what a designated site was designated: its `designationDate`, or else the date
 * of its first source that can prove it. Null for a site that is not designated, or not proved.
 */
export function designationOf(site: Pick<Site, "status" | "designationDate" | "sources">): { date: string; source: Source } | null {
  if (site.status !== "designated") return null;
  const proof = site.sources.find(isDesignationSource);
  if (!proof || proof.date === undefined) return null;
  return { date: site.designationDate ?? proof.date, source: proof };
}

const siteShape = {
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
  size: opt(z.strictObject({ value: positive, unit: z.enum(SIZE_UNITS), note: opt(bilingual) })),
  date: opt(z.strictObject({ value: isoDate, event: bilingual })),
  policySection: opt(section),
  sources: z.array(source).check(z.minLength(1, "a site needs at least one source")),
  confidence: z.enum(CONFIDENCES),
  /** The date of the designation when it differs from its source's date (designated sites only). */
  designationDate: opt(isoDate),
};
export const siteSchema = z.strictObject(siteShape).check(
  z.refine((site) => site.status !== "designated" || site.sources.some(isDesignationSource), {
    message: "a designated pilot park needs a source with a title, a date, and a URL or a document number (docNumber)",
    path: ["sources"],
  }),
  z.refine((site) => site.designationDate === undefined || site.status === "designated", {
    message: "only a designated pilot park has a designation date (leave it out, or set status to designated)",
    path: ["designationDate"],
  }),
);

const departmentSchema = z.strictObject({ id, name: bilingual });

/**
 * Whom investors contact: an office or person, as it publishes itself. Shown exactly as
 * written, never invented; every field is optional, but a contact says at least one thing.
 */
const contactShape = {
  name: opt(bilingual),
  phone: opt(nonEmpty),
  email: opt(z.email("must be an e-mail address")),
  url: opt(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  address: opt(bilingual),
  note: opt(bilingual),
};
const saysSomething = (c: Record<string, unknown>) => Object.keys(contactShape).some((k) => c[k] !== undefined);
const SAYS_NOTHING = "a contact needs at least one of name, phone, email, url, address or note";
const contactSchema = z.strictObject(contactShape).check(z.refine(saysSomething, SAYS_NOTHING));
/** contacts.json: the city's contact (shown for every area without its own) and each area's. */
const contactsFileSchema = z.strictObject({
  city: opt(contactSchema),
  areas: z.array(z.strictObject({ area: id, ...contactShape }).check(z.refine(saysSomething, SAYS_NOTHING))),
});

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
const programmesFileSchema = z.strictObject({
  participation: participationSchema,
  programmes: z.array(programmeSchema),
});

const targetsFileSchema = z.array(
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

const supportFileSchema = z.array(
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
/**
 * Where one feature's outline comes from, when it replaced the file's (an official outline
 * imported in the workbench): its source, the date of that source, and the licence or terms
 * under which it may be shown.
 */
const outlineProvenance = z.strictObject({ source: nonEmpty, date: isoDate, licence: nonEmpty, url: opt(z.url()), note: opt(bilingual) });
export const areaFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: opt(z.union([z.string(), z.number()])),
  properties: z.looseObject({ id, approximate: opt(z.boolean()), provenance: opt(outlineProvenance) }),
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

/**
 * data/pinyin-overrides.json: local readings where the pinyin library's are wrong for a place
 * name (江都 is jiāng dū, 圩 is wéi), Chinese text → its syllables without tones, one per
 * character, separated by spaces (ü written v or ü). Read by the build for the search keys
 * (src/domain/searchKeys.ts); optional.
 */
export const PINYIN_OVERRIDES_FILE = "pinyin-overrides.json";
// Only the build reads this file: marked pure, so the browser bundle leaves the schema out.
const reading = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-zü]+(?: [a-zü]+)*$/, "must be syllables without tones separated by single spaces, such as 'jiang du'"));
const HAN_ONLY = /^\p{Script=Han}+$/u;
export const pinyinOverridesSchema = /* @__PURE__ */ z.record(z.string(), reading).check(
  /* @__PURE__ */ z.superRefine((table, ctx) => {
    for (const [text, syllables] of Object.entries(table)) {
      if (!HAN_ONLY.test(text))
        ctx.addIssue({ code: "custom", input: text, path: [text], message: "the text must be Chinese characters only, such as 江都" });
      else if ([...text].length !== syllables.split(" ").length)
        ctx.addIssue({
          code: "custom",
          input: syllables,
          path: [text],
          message: `must have one syllable per character (${[...text].length} for ${text})`,
        });
    }
  }),
);

/**
 * Pinyin keys per place kind and id, one group per text of the place's `searchSources`
 * (src/domain/searchKeys.ts), each group its keys separated by spaces. Computed, never edited.
 */
const keyGroups = z.record(z.string(), z.array(z.string().check(z.regex(/^[a-z0-9 ]*$/, "must be lower-case letters, digits and spaces"))));
const searchKeysSchema = z.strictObject({ area: keyGroups, industry: keyGroups, site: keyGroups });

/**
 * A tiled dataset's drawing (docs/data.md#tiled-datasets): the build cut its polygons into
 * static vector tiles, so `geometry` holds no features and what the app needs per area without
 * its polygon was computed beside them. URLs are relative to dataset.json; a `pmtiles` archive,
 * when given, is read in place of the tile folder.
 */
const boundsTuple = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const tilesSchema = z.strictObject({
  url: nonEmpty,
  pmtiles: opt(nonEmpty),
  layer: nonEmpty,
  minzoom: z.int().check(z.gte(0)),
  maxzoom: z.int().check(z.lte(24)),
  bounds: boundsTuple,
  /** Per area: its box (framing), its label point, its drawn km² and whether the shape is schematic. */
  areas: z.record(z.string(), z.strictObject({ bbox: boundsTuple, label: lngLat, km2: z.number(), approximate: opt(z.boolean()) })),
  /** The overlap analysis of the published layout, computed at build time: its figures, without shapes. */
  overlap: opt(nonEmpty),
  /** The shapes of that analysis (src/domain/overlap/publishedGround.ts), loaded after the figures. */
  overlapGround: opt(nonEmpty),
});

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
  "contacts.json": contactsFileSchema,
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
  contacts: contactsFileSchema,
  geometry: featureCollectionSchema,
  /** Present when the build or the workbench's publish computed them; search falls back to names without. */
  searchKeys: opt(searchKeysSchema),
  tiles: opt(tilesSchema),
});

export type Bilingual = z.infer<typeof bilingual>;
export type Meta = z.infer<typeof metaSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Industry = z.infer<typeof industrySchema>;
export type Tier = (typeof TIERS)[number];
export type TierInfo = z.infer<typeof tierSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Citywide = z.infer<typeof citywideSchema>;
export type Site = z.infer<typeof siteSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Contacts = z.infer<typeof contactsFileSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type AreaFeature = z.infer<typeof areaFeatureSchema>;
export type OutlineProvenance = z.infer<typeof outlineProvenance>;
export type ContextCollection = z.infer<typeof contextSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type PinyinOverrides = z.infer<typeof pinyinOverridesSchema>;
export type SearchKeys = z.infer<typeof searchKeysSchema>;
export type DatasetTiles = z.infer<typeof tilesSchema>;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type SiteStatus = (typeof SITE_STATUSES)[number];
export type SizeUnit = (typeof SIZE_UNITS)[number];
export type PositionPrecision = (typeof POSITION_PRECISIONS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
