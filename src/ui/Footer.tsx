import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import type { Dataset } from "../domain/dataset/schema";

/** Where the map comes from: the policy, its date, the date the data is as of. */
export function Provenance({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const { policy, asOf } = dataset.meta;
  return (
    <div className="provenance">
      <p>
        {t("policySource", { issuer: policy.issuer[lang], title: policy.title[lang], date: policy.date })} · {t("dataAsOf", { date: asOf })}{" "}
        · {t("schematicZones")}
      </p>
    </div>
  );
}
