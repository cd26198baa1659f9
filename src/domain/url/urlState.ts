import { PLACE_KINDS, TIERS, type PlaceKind, type Tier } from "../dataset/schema";
import { LANGS, type Lang } from "../labels";

// The shareable view state and its canonical query-string form (docs/embedding.md).

export type Match = "any" | "all";
export type View = "map" | "overlap";
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

export interface UrlState {
  lang: Lang | null; // null: not in the URL (the device's last choice, else zh, applies)
  industries: string[];
  match: Match;
  tiers: Tier[];
  kinds: PlaceKind[];
  area: string | null;
  industry: string | null;
  view: View;
  embed: boolean;
  camera: Camera | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  lang: null,
  industries: [],
  match: "any",
  tiers: [...TIERS],
  kinds: [...PLACE_KINDS],
  area: null,
  industry: null,
  view: "map",
  embed: false,
  camera: null,
};

/** What the parser needs to know about the dataset: the valid ids, in canonical order. */
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

const PARAM_ORDER = ["lang", "industries", "match", "tiers", "kinds", "area", "industry", "view", "embed", "map"] as const;

function list(value: string): string[] {
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}

function ordered<T extends string>(wanted: readonly T[], order: readonly T[]): T[] {
  const set = new Set(wanted);
  return order.filter((x) => set.has(x));
}

/** Reads a query string; unknown parameters and invalid values are left out and reported. */
export function parseUrlState(search: string, vocab: UrlVocabulary): { state: UrlState; ignored: IgnoredPart[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_URL_STATE, tiers: [...DEFAULT_URL_STATE.tiers], kinds: [...DEFAULT_URL_STATE.kinds] };
  const ignored: IgnoredPart[] = [];
  const ignore = (field: string, value: string, reason: string) => ignored.push({ field, value, reason });
  const seen = new Set<string>();

  for (const [key, value] of params) {
    if (!(PARAM_ORDER as readonly string[]).includes(key)) {
      ignore(key, value, "unknown parameter");
      continue;
    }
    if (seen.has(key)) {
      ignore(key, value, "repeated parameter (the first one counts)");
      continue;
    }
    seen.add(key);
  }

  const get = (key: string) => (params.has(key) ? (params.get(key) ?? "") : null);

  const lang = get("lang");
  if (lang !== null) {
    if ((LANGS as readonly string[]).includes(lang)) state.lang = lang as Lang;
    else ignore("lang", lang, "must be zh or en");
  }

  const match = get("match");
  if (match !== null) {
    if (match === "any" || match === "all") state.match = match;
    else ignore("match", match, "must be any or all");
  }

  const tiers = get("tiers");
  if (tiers !== null) {
    const valid: Tier[] = [];
    for (const t of list(tiers)) {
      if ((TIERS as readonly string[]).includes(t)) valid.push(t as Tier);
      else ignore("tiers", t, "unknown tier");
    }
    state.tiers = ordered(valid, TIERS);
  }

  const kinds = get("kinds");
  if (kinds !== null) {
    const valid: PlaceKind[] = [];
    for (const k of list(kinds)) {
      if ((PLACE_KINDS as readonly string[]).includes(k)) valid.push(k as PlaceKind);
      else ignore("kinds", k, "unknown kind of place");
    }
    state.kinds = ordered(valid, PLACE_KINDS);
  }

  const industries = get("industries");
  if (industries !== null) {
    const tierOf = new Map(vocab.industries.map((i) => [i.id, i.tier]));
    const valid: string[] = [];
    for (const id of list(industries)) {
      const tier = tierOf.get(id);
      if (!tier) ignore("industries", id, "unknown industry");
      else if (!state.tiers.includes(tier)) ignore("industries", id, `its tier (${tier}) is not among the selected tiers`);
      else valid.push(id);
    }
    state.industries = ordered(valid, vocab.industries.map((i) => i.id));
  }

  const area = get("area");
  if (area !== null) {
    if (vocab.areaIds.includes(area) || vocab.siteIds.includes(area)) state.area = area;
    else ignore("area", area, "unknown area or site");
  }

  const industry = get("industry");
  if (industry !== null) {
    if (vocab.industries.some((i) => i.id === industry)) state.industry = industry;
    else ignore("industry", industry, "unknown industry");
  }

  const view = get("view");
  if (view !== null) {
    if (view === "map" || view === "overlap") state.view = view;
    else ignore("view", view, "must be map or overlap");
  }

  const embed = get("embed");
  if (embed !== null) {
    if (embed === "1") state.embed = true;
    else if (embed !== "0") ignore("embed", embed, "must be 1");
  }

  const map = get("map");
  if (map !== null) {
    const camera = parseCamera(map);
    if (camera) state.camera = camera;
    else ignore("map", map, "must be zoom/lat/lng with zoom 0–22, lat −85–85, lng −180–180");
  }

  return { state, ignored };
}

export function parseCamera(value: string): Camera | null {
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

/** The canonical query string (without "?"): table order, defaults omitted, lists in data order. */
export function serializeUrlState(state: UrlState, vocab: UrlVocabulary): string {
  const parts: string[] = [];
  const industryOrder = vocab.industries.map((i) => i.id);
  if (state.lang !== null && state.lang !== "zh") parts.push(`lang=${state.lang}`);
  const industries = ordered(state.industries, industryOrder);
  if (industries.length) parts.push(`industries=${industries.map(encodeURIComponent).join(",")}`);
  if (state.match !== "any") parts.push(`match=${state.match}`);
  const tiers = ordered(state.tiers, TIERS);
  if (tiers.length !== TIERS.length) parts.push(`tiers=${tiers.join(",")}`);
  const kinds = ordered(state.kinds, PLACE_KINDS);
  if (kinds.length !== PLACE_KINDS.length) parts.push(`kinds=${kinds.join(",")}`);
  if (state.area) parts.push(`area=${encodeURIComponent(state.area)}`);
  if (state.industry) parts.push(`industry=${encodeURIComponent(state.industry)}`);
  if (state.view !== "map") parts.push(`view=${state.view}`);
  if (state.embed) parts.push("embed=1");
  if (state.camera) parts.push(`map=${formatCamera(state.camera)}`);
  return parts.join("&");
}
