// The English strings of the first view's namespaces, in one chunk of their own: a reader of
// Chinese (the default) never downloads them (loadLanguage in src/i18n/i18n.ts).
import { en as translation } from "./messages.en";
import { en as share } from "./shareMessages.en";

export const english = { translation, share };
