import type { DataIssue } from "./dataIssue.ts";
import { zodIssuesToDataIssues } from "./zodIssues.ts";
import { crossCheck } from "./crossCheck.ts";
import { z } from "zod/mini";
import { DATA_FILES, areaFeatureSchema, contextSchema, type AreaFeature, type Dataset } from "./schema.ts";

type FileName = keyof typeof DATA_FILES;
export type Parsed = { [K in FileName]: z.infer<(typeof DATA_FILES)[K]> };

/** Raw contents of data/: parsed JSON by file name relative to data/ (e.g. "geometry/zones.geojson"). */
export type RawDataFiles = Record<string, unknown>;

export interface AssembleResult {
  dataset: Dataset | null;
  issues: DataIssue[];
}

/**
 * Checks every file of data/ against its schema and against each other, and merges them
 * into the one document the browser loads. Pure: the caller reads the files.
 */
export function assembleDataset(files: RawDataFiles): AssembleResult {
  const issues: DataIssue[] = [];
  const parsed: Partial<Parsed> = {};
  for (const name of Object.keys(DATA_FILES) as FileName[]) {
    if (!(name in files)) {
      issues.push({ file: name, record: null, field: null, reason: "file is missing" });
      continue;
    }
    const result = DATA_FILES[name].safeParse(files[name]);
    if (result.success) (parsed as Record<string, unknown>)[name] = result.data;
    else issues.push(...zodIssuesToDataIssues(name, files[name], result.error));
  }
  if (issues.length) return { dataset: null, issues };
  const p = parsed as Parsed;
  const meta = p["meta.json"];

  const geometry = loadGeometry(files, meta, issues);
  checkContext(files, meta, issues);
  crossCheck(p, geometry, issues);
  if (issues.length) return { dataset: null, issues };

  const areaKind = new Map(p["areas.json"].map((a) => [a.id, a.kind]));
  const dataset: Dataset = {
    meta,
    areas: p["areas.json"],
    tiers: p["industries.json"].tiers,
    industries: p["industries.json"].industries,
    assignments: p["assignments.json"].assignments,
    citywide: p["assignments.json"].citywide,
    sites: p["sites.json"],
    departments: p["departments.json"],
    participation: p["programmes.json"].participation,
    programmes: p["programmes.json"].programmes,
    targets: p["targets.json"],
    support: p["support.json"],
    contacts: p["contacts.json"],
    geometry: {
      type: "FeatureCollection",
      features: geometry.features.map(({ feature, approximate }) => ({
        type: "Feature",
        id: feature.properties.id,
        properties: {
          id: feature.properties.id,
          kind: areaKind.get(feature.properties.id),
          approximate,
          ...(feature.properties.provenance ? { provenance: feature.properties.provenance } : {}),
        },
        geometry: feature.geometry,
      })),
    },
  };
  return { dataset, issues };
}

interface LoadedFeature {
  file: string;
  feature: AreaFeature;
  kind: "county" | "zone";
  approximate: boolean;
}

export interface LoadedGeometry {
  features: LoadedFeature[];
  /** Area ids whose geometry exists but could not be read: already reported, so not "without geometry". */
  reported: Set<string>;
  /** Kinds with a geometry file that is missing or not a FeatureCollection: their areas' absence is already reported. */
  unreadKinds: Set<string>;
}

const collectionEnvelope = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) });

function loadGeometry(files: RawDataFiles, meta: Parsed["meta.json"], issues: DataIssue[]): LoadedGeometry {
  const out: LoadedGeometry = { features: [], reported: new Set(), unreadKinds: new Set() };
  meta.geometry.forEach((source, index) => {
    const raw = files[source.file];
    if (raw === undefined) {
      issues.push({ file: "meta.json", record: `geometry[${index}]`, field: "file", reason: `geometry file "${source.file}" is missing` });
      out.unreadKinds.add(source.kind);
      return;
    }
    const envelope = collectionEnvelope.safeParse(raw);
    if (!envelope.success) {
      issues.push(...zodIssuesToDataIssues(source.file, raw, envelope.error));
      out.unreadKinds.add(source.kind);
      return;
    }
    // Feature by feature, so one bad feature neither hides the checks of the others nor
    // makes every area of the file look as if it had no geometry.
    envelope.data.features.forEach((rawFeature, i) => {
      const result = areaFeatureSchema.safeParse(rawFeature);
      if (!result.success) {
        // Named like the cross-checks (crossCheck.ts) name a feature: by its area id.
        const gid = featureIdOf(rawFeature);
        const record = gid ?? `features[${i}]`;
        for (const issue of zodIssuesToDataIssues(source.file, rawFeature, result.error)) issues.push({ ...issue, record });
        if (gid) out.reported.add(gid);
        return;
      }
      const feature = result.data;
      // A feature's own flag wins over its file's: an official outline imported into a file
      // of schematic extents says `approximate: false` for itself.
      const approximate = feature.properties.approximate ?? source.approximate === true;
      out.features.push({ file: source.file, feature, kind: source.kind, approximate });
    });
  });
  return out;
}

function featureIdOf(feature: unknown): string | null {
  if (!feature || typeof feature !== "object") return null;
  const { id, properties } = feature as { id?: unknown; properties?: { id?: unknown } };
  if (properties && typeof properties === "object" && typeof properties.id === "string") return properties.id;
  return typeof id === "string" ? id : null;
}

/** The map context is decoration at run time (dropped quietly if bad), so the build is where it must be checked. */
function checkContext(files: RawDataFiles, meta: Parsed["meta.json"], issues: DataIssue[]): void {
  if (!meta.context) return;
  const raw = files[meta.context.file];
  if (raw === undefined) {
    issues.push({ file: "meta.json", record: "context", field: "file", reason: `context file "${meta.context.file}" is missing` });
    return;
  }
  const result = contextSchema.safeParse(raw);
  if (!result.success) issues.push(...zodIssuesToDataIssues(meta.context.file, raw, result.error));
}
