import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import { localize } from "../domain/config/siteConfig";
import type { Dataset } from "../domain/dataset/schema";

/** Where the map comes from and what it is not: policy, data date, schematic notice, 审图号. */
export function Provenance({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const review = useAppState((s) => localize(s.config.reviewNumber, lang));
  const { policy, asOf } = dataset.meta;
  return (
    <div className="provenance">
      {review ? (
        <p className="review-number">{t("reviewNumber", { value: review })}</p>
      ) : (
        <p className="schematic-notice" data-testid="schematic-notice">
          {t("schematicNotice")}
        </p>
      )}
      <p>
        {t("policySource", { issuer: policy.issuer[lang], title: policy.title[lang], date: policy.date })} ·{" "}
        {t("dataAsOf", { date: asOf })} · {t("schematicZones")}
      </p>
    </div>
  );
}
