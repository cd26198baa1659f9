import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { AppState, AppStore } from "../state/store";

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useAppStore needs a StoreContext provider");
  return store;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
