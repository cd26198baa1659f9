import { useMemo } from "react";
import { useAppState } from "./StoreContext";
import { effectivePalette } from "../domain/palette";

/** The colour of every industry of the loaded dataset, with config.json's overrides applied. */
export function usePalette(): Record<string, string> {
  const industries = useAppState((s) => s.dataset?.industries);
  const overrides = useAppState((s) => s.config.palette);
  return useMemo(() => effectivePalette(industries ?? [], overrides), [industries, overrides]);
}
