import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { WorkbenchState, WorkbenchStore } from "../../state/workbench";

export const WorkbenchContext = createContext<WorkbenchStore | null>(null);

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(WorkbenchContext);
  if (!store) throw new Error("useWorkbenchStore needs a WorkbenchContext provider");
  return store;
}

export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useWorkbenchStore(), selector);
}
