import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { StoreContext } from "../../src/ui/StoreContext";
import { createAppStore, initialState, type AppState, type AppStore } from "../../src/state/store";
import { createI18n } from "../../src/i18n/i18n";
import { english } from "../../src/i18n/english";

/** Renders a component with its own store and i18n, as the app provides them. */
export function renderWithStore(ui: ReactElement, state: Partial<AppState> = {}, lang: "zh" | "en" = "zh"): { store: AppStore } {
  const store = createAppStore({ ...initialState(lang), ...state });
  render(
    <StoreContext.Provider value={store}>
      <I18nextProvider i18n={createI18n(lang, { en: english })}>{ui}</I18nextProvider>
    </StoreContext.Provider>,
  );
  return { store };
}
