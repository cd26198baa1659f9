import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import type { Dataset } from "../domain/dataset/schema";

/**
 * When the filter holds industries the policy lays out citywide, say so: otherwise the
 * map would look empty, as if the industry had no place in the city.
 */
export function CitywideNotice({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const industries = useAppState((s) => s.view.industries);
  const citywide = industries.filter((id) => dataset.citywide.some((c) => c.industry === id));
  if (!citywide.length) return null;
  const names = citywide.map((id) => dataset.industries.find((i) => i.id === id)?.name[lang] ?? id);
  const sections = [...new Set(citywide.map((id) => dataset.citywide.find((c) => c.industry === id)!.section))];
  return (
    <p className="citywide-notice" role="status" data-testid="citywide-notice">
      {t("citywideFilter", { names, sections })}
    </p>
  );
}
