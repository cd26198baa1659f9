import { TIERS } from "../dataset/schema";
import type { Lang } from "../labels";
import {
  contextOf,
  FIELD_RULES,
  industriesWithinTiers,
  READ_ORDER,
  type FieldRule,
  type IgnoredPart,
  type UrlState,
  type UrlVocabulary,
} from "../view/viewFields";
import type { ViewState } from "../view/viewState";

// The embed messages of the embedding contract (docs/embedding.md): the host's `set` is
// checked by the same rules as the URL, and the app's `state` is plain JSON.

const MESSAGE_PREFIX = "industry-map:";

/** The state fields a host can read (`state`) and write (`set`); the camera is not one of them. */
export type ViewFields = Pick<UrlState, "industries" | "match" | "tiers" | "kinds" | "area" | "industry" | "view"> & {
  lang: Lang;
};

export const VIEW_FIELDS = [
  "lang",
  "industries",
  "match",
  "tiers",
  "kinds",
  "area",
  "industry",
  "view",
] as const satisfies readonly (keyof ViewFields)[];

/** The contract's version, carried by `ready`; raised only on a breaking change. */
export const CONTRACT_VERSION = 1;

/** The longest `id` a host may give a `set` or `get` (it is echoed as `replyTo`). */
export const MAX_ID_LENGTH = 64;

export interface StateMessage extends ViewFields {
  type: "industry-map:state";
  /** The `id` of the `set` or `get` this state answers; absent on a change the host did not ask about. */
  replyTo?: string;
}

interface ErrorMessage {
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

/** The fields a host may set, in the order they are checked (industries after tiers). */
const SET_ORDER = READ_ORDER.filter((k): k is keyof ViewFields => (VIEW_FIELDS as readonly string[]).includes(k));

/**
 * Checks an `industry-map:set` message: the valid fields form the patch, every invalid
 * part is named. `current` (the view in force) gives the tiers that industries are
 * checked against when the message does not set tiers itself. The rules are the view
 * table's (src/domain/view/viewFields.ts), as the URL's are.
 */
export function validateSet(message: unknown, vocab: UrlVocabulary, current?: Pick<ViewFields, "tiers">): SetCheck {
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

  for (const key of SET_ORDER) {
    if (!fields.has(key)) continue;
    const rule = FIELD_RULES[key] as FieldRule<typeof key>;
    const ctx = contextOf(vocab, patch.tiers ?? current?.tiers ?? TIERS);
    const value = rule.fromEmbed!(fields.get(key), ctx, (v, reason) => ignore(key, v, reason));
    if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
  }

  return id === undefined ? { patch, ignored } : { patch, ignored, id };
}

/**
 * The view after a patch. Tiers set without industries also drop the industries of the
 * tiers no longer in use, as the tier control does.
 */
export function applyPatch<V extends ViewFields>(view: V, patch: Partial<ViewFields>, vocab: UrlVocabulary): V {
  const next: V = { ...view, ...patch };
  if (patch.tiers && !patch.industries) next.industries = industriesWithinTiers(view.industries, patch.tiers, vocab);
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
        : {
            type: "industry-map:error",
            ignored,
            replyTo: id,
            applied: VIEW_FIELDS.filter((f) => Object.prototype.hasOwnProperty.call(check.patch, f)),
          },
    );
  }
  if (id !== undefined || viewFieldsChanged(before, after)) answers.push(stateMessage(after, id));
  return answers;
}

/** The app's view as the embed fields name it (the pane is `view`). */
export function fieldsOfView(view: ViewState): ViewFields {
  return {
    lang: view.lang,
    industries: view.industries,
    match: view.match,
    tiers: view.tiers,
    kinds: view.kinds,
    area: view.area,
    industry: view.industry,
    view: view.pane,
  };
}

/** The app's view with embed fields applied (after applyPatch). */
export function viewWithFields(view: ViewState, fields: ViewFields): ViewState {
  const { view: pane, ...rest } = fields;
  return { ...view, ...rest, pane };
}
