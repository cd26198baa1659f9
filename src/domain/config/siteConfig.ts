import type { Lang } from "../labels";
import { z } from "zod/mini";

// Site configuration: config.json beside the built app. Every field is optional, and a
// field that fails its schema is dropped (and reported) while the valid ones still apply.

const text = z.string().check(z.trim(), z.minLength(1, "must not be empty"));
const localized = z.union([text, z.strictObject({ zh: z.optional(text), en: z.optional(text) })]);
const hexColour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, "must be a colour written #rrggbb"));
const webUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

export const siteConfigShape = {
  /** Page title; a string for both languages or {zh, en}. */
  title: localized,
  /** Origins allowed to embed the app and exchange messages with it (in addition to its own). */
  allowedOrigins: z.array(
    z.pipe(
      webUrl,
      z.transform((u: string) => new URL(u).origin),
    ),
  ),
  /** A 天地图 key: enables the official basemap (nothing is fetched from outside without it). */
  tiandituKey: z.string().check(z.regex(/^[0-9a-fA-F]{32}$/, "must be a 32-character 天地图 key")),
  /** The map-review number line (审图号), shown at the lower left. */
  reviewNumber: localized,
  /** Colour overrides by industry id. */
  palette: z.record(z.string(), hexColour),
  /** Where the dataset is loaded from, relative to the page (another city on the same schema). */
  dataUrl: text,
  contextUrl: text,
  /** false switches the maintainers' workbench (edit.html) off: the page then says so. */
  workbench: z.boolean(),
} as const;

/**
 * Fields this file no longer reads, with where they went: a deployment that still sets one
 * is told, rather than left with a silent "unknown field".
 */
const MOVED: Record<string, string> = {
  contact: "no longer read from config.json: contacts are data, in data/contacts.json (see docs/data.md)",
};

export type SiteConfig = { -readonly [K in keyof typeof siteConfigShape]?: z.output<(typeof siteConfigShape)[K]> };
export type Localized = z.infer<typeof localized>;

export interface ConfigProblem {
  field: string;
  reason: string;
}

/** Keeps the valid fields of a configuration and names every field it had to drop. */
export function readSiteConfig(raw: unknown): { config: SiteConfig; problems: ConfigProblem[] } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { config: {}, problems: [{ field: "(file)", reason: "must be a JSON object" }] };
  }
  const config: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("$") || key.startsWith("_")) continue; // "$schema" and "_comment" entries are documentation
    // Own fields only: a plain lookup finds "constructor", "toString" and the like on
    // Object.prototype, which are no schemas, and one such key threw away the whole file.
    const schema = Object.hasOwn(siteConfigShape, key) ? (siteConfigShape as Record<string, z.ZodMiniType>)[key] : undefined;
    if (!schema) {
      problems.push({ field: key, reason: Object.hasOwn(MOVED, key) ? MOVED[key]! : "unknown field" });
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) config[key] = result.data;
    else {
      for (const issue of result.error.issues) {
        const path = [key, ...issue.path.map((p) => String(p))].join(".");
        problems.push({ field: path, reason: issue.message });
      }
    }
  }
  return { config: config as SiteConfig, problems };
}

export function localize(value: Localized | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  return value[lang] ?? value[lang === "zh" ? "en" : "zh"];
}
