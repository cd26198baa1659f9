import { PLACE_KINDS, TIERS, type PlaceKind, type Tier } from "../dataset/schema";
import { LANGS, type Lang } from "../labels";
import type { IgnoredPart, UrlState, UrlVocabulary } from "../url/urlState";

// The embed messages of the embedding contract (docs/embedding.md): the host's `set` is
// checked by the same rules as the URL, and the app's `state` is plain JSON.

export const MESSAGE_PREFIX = "industry-map:";

/** The state fields a host can read (`state`) and write (`set`); the camera is not one of them. */
export type ViewFields = Pick<UrlState, "industries" | "match" | "tiers" | "kinds" | "area" | "industry" | "view"> & {
  lang: Lang;
};

export const VIEW_FIELDS = ["lang", "industries", "match", "tiers", "kinds", "area", "industry", "view"] as const satisfies readonly (keyof ViewFields)[];

/** The contract's version, carried by `ready`; raised only on a breaking change. */
export const CONTRACT_VERSION = 1;

/** The longest `id` a host may give a `set` or `get` (it is echoed as `replyTo`). */
export const MAX_ID_LENGTH = 64;

export interface StateMessage extends ViewFields {
  type: "industry-map:state";
  /** The `id` of the `set` or `get` this state answers; absent on a change the host did not ask about. */
  replyTo?: string;
}

export interface ErrorMessage {
  type: "industry-map:error";
  ignored: IgnoredPart[];
  /** Only in reply to a `set` with an `id`: that id. */
  replyTo?: string;
  /** Only with `replyTo`: the fields of the `set` that took effect (empty when nothing could be applied). */
  applied?: (keyof ViewFields)[];
}

/** What the app posts to its host. */
export type AppMessage =
  | { type: "industry-map:ready"; webgl: boolean; version: typeof CONTRACT_VERSION }
  | StateMessage
  | { type: "industry-map:height"; height: number }
  | ErrorMessage;

export type KnownMessage = { type: `industry-map:${string}` } & Record<string, unknown>;

/** A plain object whose `type` is a string starting "industry-map:". Never throws. */
export function isKnownMessage(data: unknown): data is KnownMessage {
  try {
    if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
    const proto = Object.getPrototypeOf(data) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    const type = (data as { type?: unknown }).type;
    return typeof type === "string" && type.startsWith(MESSAGE_PREFIX);
  } catch {
    return false;
  }
}

const ID_REASON = `must be a string of at most ${MAX_ID_LENGTH} characters`;

/** An id a host may give: a string of at most 64 characters (as String.length counts them). */
function isValidId(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_ID_LENGTH;
}

/** A checked `set`: what to apply, what was ignored, and the id to answer to (when it had a valid one). */
export interface SetCheck {
  patch: Partial<ViewFields>;
  ignored: IgnoredPart[];
  id?: string;
}

/** How a value is named in an `error` report: strings as they are, anything else as JSON. */
function shown(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function ordered<T extends string>(wanted: readonly T[], order: readonly T[]): T[] {
  const set = new Set(wanted);
  return order.filter((x) => set.has(x));
}

/**
 * Checks an `industry-map:set` message: the valid fields form the patch, every invalid
 * part is named. `current` (the view in force) gives the tiers that industries are
 * checked against when the message does not set tiers itself.
 */
export function validateSet(
  message: unknown,
  vocab: UrlVocabulary,
  current?: Pick<ViewFields, "tiers">,
): SetCheck {
  const patch: Partial<ViewFields> = {};
  const ignored: IgnoredPart[] = [];
  const ignore = (field: string, value: unknown, reason: string) => ignored.push({ field, value: shown(value), reason });
  if (!isKnownMessage(message) || message.type !== "industry-map:set") {
    return { patch, ignored: [{ field: "type", value: "", reason: "not an industry-map:set message" }] };
  }

  let entries: [string, unknown][];
  try {
    entries = Object.entries(message);
  } catch {
    return { patch, ignored: [{ field: "(message)", value: "", reason: "could not be read" }] };
  }
  const fields = new Map<string, unknown>();
  let id: string | undefined;
  for (const [key, value] of entries) {
    if (key === "type") continue;
    if (key === "id") {
      if (isValidId(value)) id = value;
      else ignore("id", value, ID_REASON);
    } else if ((VIEW_FIELDS as readonly string[]).includes(key)) fields.set(key, value);
    else ignore(key, value, "unknown field");
  }

  const list = <T extends string>(field: string, value: unknown, allowed: (id: string) => boolean, reason: string): T[] | null => {
    if (!Array.isArray(value)) {
      ignore(field, value, "must be an array of ids");
      return null;
    }
    const valid: T[] = [];
    for (const item of value as unknown[]) {
      if (typeof item !== "string") ignore(field, item, "must be an id (a string)");
      else if (!allowed(item)) ignore(field, item, reason);
      else valid.push(item as T);
    }
    return valid;
  };

  if (fields.has("lang")) {
    const lang = fields.get("lang");
    if (typeof lang === "string" && (LANGS as readonly string[]).includes(lang)) patch.lang = lang as Lang;
    else ignore("lang", lang, "must be zh or en");
  }

  if (fields.has("match")) {
    const match = fields.get("match");
    if (match === "any" || match === "all") patch.match = match;
    else ignore("match", match, "must be any or all");
  }

  if (fields.has("tiers")) {
    const tiers = list<Tier>("tiers", fields.get("tiers"), (t) => (TIERS as readonly string[]).includes(t), "unknown tier");
    if (tiers) patch.tiers = ordered(tiers, TIERS);
  }

  if (fields.has("kinds")) {
    const kinds = list<PlaceKind>("kinds", fields.get("kinds"), (k) => (PLACE_KINDS as readonly string[]).includes(k), "unknown kind of place");
    if (kinds) patch.kinds = ordered(kinds, PLACE_KINDS);
  }

  if (fields.has("industries")) {
    const tierOf = new Map(vocab.industries.map((i) => [i.id, i.tier]));
    const tiers = patch.tiers ?? current?.tiers ?? TIERS;
    const value = fields.get("industries");
    const known = list<string>("industries", value, (id) => tierOf.has(id), "unknown industry");
    if (known) {
      const valid = known.filter((id) => {
        const tier = tierOf.get(id)!;
        if (tiers.includes(tier)) return true;
        ignore("industries", id, `its tier (${tier}) is not among the selected tiers`);
        return false;
      });
      patch.industries = ordered(valid, vocab.industries.map((i) => i.id));
    }
  }

  if (fields.has("area")) {
    const area = fields.get("area");
    if (area === null) patch.area = null;
    else if (typeof area !== "string") ignore("area", area, "must be an area or site id, or null");
    else if (vocab.areaIds.includes(area) || vocab.siteIds.includes(area)) patch.area = area;
    else ignore("area", area, "unknown area or site");
  }

  if (fields.has("industry")) {
    const industry = fields.get("industry");
    if (industry === null) patch.industry = null;
    else if (typeof industry !== "string") ignore("industry", industry, "must be an industry id, or null");
    else if (vocab.industries.some((i) => i.id === industry)) patch.industry = industry;
    else ignore("industry", industry, "unknown industry");
  }

  if (fields.has("view")) {
    const view = fields.get("view");
    if (view === "map" || view === "overlap") patch.view = view;
    else ignore("view", view, "must be map or overlap");
  }

  return id === undefined ? { patch, ignored } : { patch, ignored, id };
}

/**
 * The view after a patch. Tiers set without industries also drop the industries of the
 * tiers no longer in use, as the tier control does.
 */
export function applyPatch<V extends ViewFields>(view: V, patch: Partial<ViewFields>, vocab: UrlVocabulary): V {
  const next: V = { ...view, ...patch };
  if (patch.tiers && !patch.industries) {
    const tierOf = new Map(vocab.industries.map((i) => [i.id, i.tier]));
    next.industries = view.industries.filter((id) => patch.tiers!.includes(tierOf.get(id) ?? "key"));
  }
  return next;
}

/** The `state` message: arrays of ids, unset selections null; `replyTo` when it answers a host's id. */
export function stateMessage(view: ViewFields, replyTo?: string): StateMessage {
  return {
    type: "industry-map:state",
    ...(replyTo === undefined ? {} : { replyTo }),
    lang: view.lang,
    industries: [...view.industries],
    match: view.match,
    tiers: [...view.tiers],
    kinds: [...view.kinds],
    area: view.area ?? null,
    industry: view.industry ?? null,
    view: view.view,
  };
}

/** Whether two views differ in a field the `state` message carries (the camera does not count). */
export function viewFieldsChanged(a: ViewFields, b: ViewFields): boolean {
  return VIEW_FIELDS.some((f) => {
    const x = a[f];
    const y = b[f];
    if (Array.isArray(x) && Array.isArray(y)) return x.length !== y.length || x.some((v, i) => v !== y[i]);
    return x !== y;
  });
}

/**
 * Checks an `industry-map:get` message: the id to echo, if any. An id that is not a valid
 * one is reported (the state is still sent, without `replyTo`). Other fields carry nothing
 * and are let be, so that a later version may add some.
 */
export function validateGet(message: unknown): { id?: string; ignored: IgnoredPart[] } {
  if (!isKnownMessage(message) || message.type !== "industry-map:get") {
    return { ignored: [{ field: "type", value: "", reason: "not an industry-map:get message" }] };
  }
  let hasId: boolean;
  let id: unknown;
  try {
    hasId = Object.prototype.hasOwnProperty.call(message, "id");
    id = hasId ? message.id : undefined;
  } catch {
    return { ignored: [{ field: "(message)", value: "", reason: "could not be read" }] };
  }
  if (!hasId) return { ignored: [] };
  if (isValidId(id)) return { id, ignored: [] };
  return { ignored: [{ field: "id", value: shown(id), reason: ID_REASON }] };
}

/**
 * The messages that answer a checked `set`, in the order they are posted, once the patch is
 * applied (as one change) and `after` is the view in force:
 * - with an id: one `error` (replyTo, and the fields that took effect) when parts were
 *   ignored, then always one `state` with `replyTo`, the current state if nothing changed;
 * - without: the `error` when parts were ignored, then one `state` only if the view changed.
 */
export function answerSet(check: SetCheck, before: ViewFields, after: ViewFields): AppMessage[] {
  const { id, ignored } = check;
  const answers: AppMessage[] = [];
  if (ignored.length > 0) {
    answers.push(
      id === undefined
        ? { type: "industry-map:error", ignored }
        : { type: "industry-map:error", ignored, replyTo: id, applied: VIEW_FIELDS.filter((f) => Object.prototype.hasOwnProperty.call(check.patch, f)) },
    );
  }
  if (id !== undefined || viewFieldsChanged(before, after)) answers.push(stateMessage(after, id));
  return answers;
}
