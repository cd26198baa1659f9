import { PLACE_KINDS, TIERS, type PlaceKind, type Tier } from "../dataset/schema";
import { LANGS, type Lang } from "../labels";

// The one table of the shareable view's fields: for each, how the URL reads and writes
// it, how an embed host's `set` is checked, its default, its canonical form, and whether
// a change adds a history entry. The URL (src/domain/url), the embed messages
// (src/domain/embed), the store's actions and the filter panel all read it, so a rule
// (a message, an order, the dropped-tier rule) is written once.

export type Match = "any" | "all";
/** The map or the planners' overlap view (the URL and embed field `view`; internally the pane). */
export type Pane = "map" | "overlap";
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

export const MATCHES = ["any", "all"] as const satisfies readonly Match[];
const PANES = ["map", "overlap"] as const satisfies readonly Pane[];

/** The view in its public form: the URL parameters and the embed fields, by their public names. */
export interface UrlState {
  lang: Lang | null; // null: not in the URL (the device's last choice, else zh, applies)
  industries: string[];
  match: Match;
  tiers: Tier[];
  kinds: PlaceKind[];
  area: string | null;
  industry: string | null;
  view: Pane;
  embed: boolean;
  camera: Camera | null;
}

/** What the rules need to know about the dataset: the valid ids, in canonical order. */
export interface UrlVocabulary {
  areaIds: readonly string[];
  siteIds: readonly string[];
  industries: readonly { id: string; tier: Tier }[];
}

export interface IgnoredPart {
  field: string;
  value: string;
  reason: string;
}

/** Opening or closing a panel, or switching view, is a step Back should undo; the rest replaces the entry. */
type HistoryMode = "push" | "replace";

/** The one canonical order of a list: `order`'s items that are in `wanted`, each once. */
export function ordered<T extends string>(wanted: readonly T[], order: readonly T[]): T[] {
  const set = new Set(wanted);
  return order.filter((x) => set.has(x));
}

/** A list with `item` added or removed, in canonical order (the filter controls). */
export function toggled<T extends string>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return ordered(next, order);
}

export function industryOrder(vocab: Pick<UrlVocabulary, "industries">): string[] {
  return vocab.industries.map((i) => i.id);
}

/**
 * The one home of the rule "industries of a dropped tier leave the filter": the
 * industries of `industries` whose tier is among `tiers` (an unknown id counts as key,
 * as it always has).
 */
export function industriesWithinTiers(
  industries: readonly string[],
  tiers: readonly Tier[],
  vocab: Pick<UrlVocabulary, "industries">,
): string[] {
  const tierOf = new Map(vocab.industries.map((i) => [i.id, i.tier]));
  return industries.filter((id) => tiers.includes(tierOf.get(id) ?? "key"));
}

// ---------------------------------------------------------------------------------------
// Checks: each returns null for a valid value, else the one reason text.

interface Context {
  vocab: UrlVocabulary;
  /** The tiers in force: industries are checked against them. */
  tiers: readonly Tier[];
}

type Check = (item: string, ctx: Context) => string | null;
/** Where a rule reports what it leaves out (the caller shows the value). */
type Report = (value: unknown, reason: string) => void;

const oneOf =
  (values: readonly string[], reason: string): Check =>
  (item) =>
    values.includes(item) ? null : reason;

const knownIndustry: Check = (id, { vocab }) => (vocab.industries.some((i) => i.id === id) ? null : "unknown industry");
const industryInTiers: Check = (id, { vocab, tiers }) => {
  const tier = vocab.industries.find((i) => i.id === id)?.tier;
  return tier === undefined || tiers.includes(tier) ? null : `its tier (${tier}) is not among the selected tiers`;
};
const knownPlace: Check = (id, { vocab }) => (vocab.areaIds.includes(id) || vocab.siteIds.includes(id) ? null : "unknown area or site");

const CAMERA_REASON = "must be zoom/lat/lng with zoom 0–22, lat −85–85, lng −180–180";

function parseCamera(value: string): Camera | null {
  const parts = value.split("/");
  if (parts.length !== 3 || parts.some((p) => p.trim() === "")) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180) return null;
  return { zoom, lat, lng };
}

/**
 * A small negative number rounds to "-0.0000", which reads back as -0 and is then
 * written "0.0000": one view, two links. Zero is written without a sign.
 */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

export function formatCamera(camera: Camera): string {
  return `${fixed(camera.zoom, 2)}/${fixed(camera.lat, 4)}/${fixed(camera.lng, 4)}`;
}

// ---------------------------------------------------------------------------------------
// The table.

export interface FieldRule<K extends keyof UrlState> {
  /** The URL parameter's name. */
  param: string;
  history: HistoryMode;
  /** A fresh default value (lists are copied, so no caller shares them). */
  initial(): UrlState[K];
  /** Reads the URL's text; undefined when nothing valid is left (each invalid part reported). */
  fromUrl(text: string, ctx: Context, report: Report): UrlState[K] | undefined;
  /** Checks an embed `set` value; absent: the field is the URL's only. */
  fromEmbed?(value: unknown, ctx: Context, report: Report): UrlState[K] | undefined;
  /** The canonical URL text, or null when the value is the default (then the parameter is left out). */
  toUrl(value: UrlState[K], vocab: UrlVocabulary): string | null;
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A one-of field (lang, match, view): the same reason for any value not in the list. */
function enumRule<K extends keyof UrlState>(
  param: string,
  history: HistoryMode,
  values: readonly string[],
  reason: string,
  initial: UrlState[K],
  isDefault: (v: UrlState[K]) => boolean,
): FieldRule<K> {
  const check = oneOf(values, reason);
  const read = (value: unknown, ctx: Context, report: Report) => {
    if (typeof value === "string" && check(value, ctx) === null) return value as UrlState[K];
    report(value, reason);
    return undefined;
  };
  return {
    param,
    history,
    initial: () => initial,
    fromUrl: read,
    fromEmbed: read,
    toUrl: (v) => (isDefault(v) ? null : String(v)),
  };
}

/**
 * A list of ids. The URL checks each item through all the checks in turn; an embed
 * `set` checks the whole list against one check after the other (first the ids, then the
 * tiers), as each did before the table.
 */
function listRule<K extends "tiers" | "kinds" | "industries">(
  param: string,
  checks: readonly Check[],
  order: (vocab: UrlVocabulary) => readonly string[],
  initial: () => UrlState[K],
  isDefault: (v: readonly string[]) => boolean,
): FieldRule<K> {
  return {
    param,
    history: "replace",
    initial,
    fromUrl(text, ctx, report) {
      const valid = list(text).filter((item) => {
        for (const check of checks) {
          const reason = check(item, ctx);
          if (reason !== null) {
            report(item, reason);
            return false;
          }
        }
        return true;
      });
      return ordered(valid, order(ctx.vocab)) as UrlState[K];
    },
    fromEmbed(value, ctx, report) {
      if (!Array.isArray(value)) {
        report(value, "must be an array of ids");
        return undefined;
      }
      let valid: string[] = [];
      for (const item of value as unknown[]) {
        if (typeof item !== "string") report(item, "must be an id (a string)");
        else valid.push(item);
      }
      for (const check of checks) {
        valid = valid.filter((item) => {
          const reason = check(item, ctx);
          if (reason !== null) report(item, reason);
          return reason === null;
        });
      }
      return ordered(valid, order(ctx.vocab)) as UrlState[K];
    },
    toUrl(value, vocab) {
      const items = ordered(value as readonly string[], order(vocab));
      return isDefault(items) ? null : items.map(encodeURIComponent).join(",");
    },
  };
}

/** An id or nothing (area, industry); an embed host sets null to close. */
function idRule<K extends "area" | "industry">(param: string, check: Check, typeReason: string): FieldRule<K> {
  return {
    param,
    history: "push",
    initial: () => null,
    fromUrl(text, ctx, report) {
      const reason = check(text, ctx);
      if (reason === null) return text;
      report(text, reason);
      return undefined;
    },
    fromEmbed(value, ctx, report) {
      if (value === null) return null;
      if (typeof value !== "string") {
        report(value, typeReason);
        return undefined;
      }
      const reason = check(value, ctx);
      if (reason === null) return value;
      report(value, reason);
      return undefined;
    },
    toUrl: (v) => (v ? encodeURIComponent(v) : null),
  };
}

export const FIELD_RULES: { [K in keyof UrlState]: FieldRule<K> } = {
  lang: enumRule<"lang">("lang", "replace", LANGS, "must be zh or en", null, (v) => v === null || v === "zh"),
  industries: listRule<"industries">(
    "industries",
    [knownIndustry, industryInTiers],
    industryOrder,
    () => [],
    (v) => v.length === 0,
  ),
  match: enumRule<"match">("match", "replace", MATCHES, "must be any or all", "any", (v) => v === "any"),
  tiers: listRule<"tiers">(
    "tiers",
    [oneOf(TIERS, "unknown tier")],
    () => TIERS,
    () => [...TIERS],
    (v) => v.length === TIERS.length,
  ),
  kinds: listRule<"kinds">(
    "kinds",
    [oneOf(PLACE_KINDS, "unknown kind of place")],
    () => PLACE_KINDS,
    () => [...PLACE_KINDS],
    (v) => v.length === PLACE_KINDS.length,
  ),
  area: idRule<"area">("area", knownPlace, "must be an area or site id, or null"),
  industry: idRule<"industry">("industry", knownIndustry, "must be an industry id, or null"),
  view: enumRule<"view">("view", "push", PANES, "must be map or overlap", "map", (v) => v === "map"),
  embed: {
    param: "embed",
    history: "replace",
    initial: () => false,
    fromUrl(text, _ctx, report) {
      if (text === "1") return true;
      if (text === "0") return false;
      report(text, "must be 1");
      return undefined;
    },
    toUrl: (v) => (v ? "1" : null),
  },
  camera: {
    param: "map",
    history: "replace",
    initial: () => null,
    fromUrl(text, _ctx, report) {
      const camera = parseCamera(text);
      if (camera) return camera;
      report(text, CAMERA_REASON);
      return undefined;
    },
    toUrl: (v) => (v ? formatCamera(v) : null),
  },
};

/** The order the URL writes its parameters in (the canonical link). */
export const WRITE_ORDER = [
  "lang",
  "industries",
  "match",
  "tiers",
  "kinds",
  "area",
  "industry",
  "view",
  "embed",
  "camera",
] as const satisfies readonly (keyof UrlState)[];

/** The order fields are read and checked in: industries after tiers, which they are checked against. */
export const READ_ORDER = [
  "lang",
  "match",
  "tiers",
  "kinds",
  "industries",
  "area",
  "industry",
  "view",
  "embed",
  "camera",
] as const satisfies readonly (keyof UrlState)[];

/** The fields whose change adds a history entry. */
export const PUSH_FIELDS: readonly (keyof UrlState)[] = WRITE_ORDER.filter((k) => FIELD_RULES[k].history === "push");

export function defaultUrlState(): UrlState {
  const state = {} as Record<keyof UrlState, unknown>;
  for (const key of WRITE_ORDER) state[key] = FIELD_RULES[key].initial();
  return state as unknown as UrlState;
}

/** The checking context for a field: the tiers in force. */
export function contextOf(vocab: UrlVocabulary, tiers: readonly Tier[]): Context {
  return { vocab, tiers };
}
