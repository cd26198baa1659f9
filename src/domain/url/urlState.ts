import {
  defaultUrlState,
  contextOf,
  FIELD_RULES,
  READ_ORDER,
  WRITE_ORDER,
  type FieldRule,
  type IgnoredPart,
  type UrlState,
  type UrlVocabulary,
} from "../view/viewFields";

// The shareable view state and its canonical query-string form (docs/embedding.md). The
// fields' rules are those of the view table (src/domain/view/viewFields.ts).

export { formatCamera, type Camera, type IgnoredPart, type Match, type UrlState, type UrlVocabulary } from "../view/viewFields";

export const DEFAULT_URL_STATE: UrlState = defaultUrlState();

const PARAMS = new Map(WRITE_ORDER.map((key) => [FIELD_RULES[key].param, key]));

/** Reads a query string; unknown parameters and invalid values are left out and reported. */
export function parseUrlState(search: string, vocab: UrlVocabulary): { state: UrlState; ignored: IgnoredPart[] } {
  const params = new URLSearchParams(search);
  const state = defaultUrlState();
  const ignored: IgnoredPart[] = [];
  const seen = new Set<string>();

  for (const [key, value] of params) {
    if (!PARAMS.has(key)) {
      ignored.push({ field: key, value, reason: "unknown parameter" });
      continue;
    }
    if (seen.has(key)) {
      ignored.push({ field: key, value, reason: "repeated parameter (the first one counts)" });
      continue;
    }
    seen.add(key);
  }

  for (const key of READ_ORDER) {
    const rule = FIELD_RULES[key] as FieldRule<typeof key>;
    if (!params.has(rule.param)) continue;
    const text = params.get(rule.param) ?? "";
    const report = (value: unknown, reason: string) => ignored.push({ field: rule.param, value: String(value), reason });
    const value = rule.fromUrl(text, contextOf(vocab, state.tiers), report);
    if (value !== undefined) (state as Record<keyof UrlState, unknown>)[key] = value;
  }

  return { state, ignored };
}

/** The canonical query string (without "?"): table order, defaults omitted, lists in data order. */
export function serializeUrlState(state: UrlState, vocab: UrlVocabulary): string {
  const parts: string[] = [];
  for (const key of WRITE_ORDER) {
    const rule = FIELD_RULES[key] as FieldRule<typeof key>;
    const text = rule.toUrl(state[key] as never, vocab);
    if (text !== null) parts.push(`${rule.param}=${text}`);
  }
  return parts.join("&");
}
