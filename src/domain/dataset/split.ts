import type { Dataset } from "./schema.ts";
import { serializeFile } from "./serialize.ts";

// The way back from a bare dataset.json (one without the source files the build publishes
// beside it, data/files.json) to the files of data/, each in canonical form. It is lossy only
// where the dataset does not carry something (docs/data.md): READMEs and provenance files,
// the local pinyin readings (pinyin-overrides.json: the dataset carries the search keys made
// with them, not the table, so a draft opened from a bare dataset.json recomputes its keys
// without it), the map context (unless given), properties of geometry features other than id and
// `approximate` (a county's code and source, a zone's basis), and, when meta.json lists two
// geometry files of one kind, which feature came from which (all go to the first). Pure.

/** data/ as text, by path relative to data/ ("geometry/zones.geojson"). */
export type DataTexts = Record<string, string>;

export function split(dataset: Dataset, context?: unknown): DataTexts {
  const { meta } = dataset;
  const out: DataTexts = {};
  const put = (path: string, value: unknown) => (out[path] = serializeFile(path, value, meta));
  put("meta.json", meta);
  put("areas.json", dataset.areas);
  put("industries.json", { tiers: dataset.tiers, industries: dataset.industries });
  put("assignments.json", { assignments: dataset.assignments, citywide: dataset.citywide });
  put("sites.json", dataset.sites);
  put("departments.json", dataset.departments);
  put("programmes.json", { participation: dataset.participation, programmes: dataset.programmes });
  put("targets.json", dataset.targets);
  put("support.json", dataset.support);
  put("contacts.json", dataset.contacts);
  const fileOfKind = new Map<string, string>();
  for (const source of meta.geometry) if (!fileOfKind.has(source.kind)) fileOfKind.set(source.kind, source.file);
  const kindOf = new Map(dataset.areas.map((a) => [a.id, a.kind]));
  const byFile = new Map<string, unknown[]>(meta.geometry.map((g) => [g.file, []]));
  for (const feature of dataset.geometry.features) {
    const id = feature.properties.id;
    const file = fileOfKind.get(kindOf.get(id) ?? "");
    if (!file) continue;
    const properties = feature.properties.approximate === true ? { id, approximate: true } : { id };
    byFile.get(file)!.push({ type: "Feature", id, properties, geometry: feature.geometry });
  }
  for (const [file, features] of byFile) put(file, { type: "FeatureCollection", features });
  if (meta.context && context !== undefined && context !== null) put(meta.context.file, context);
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]!]),
  );
}
