import { useTranslation } from "react-i18next";
import { useAppState } from "../StoreContext";
import { serializeUrlState } from "../../domain/url/urlState";
import { urlOfView } from "../../domain/view/viewState";
import { vocabularyOf } from "../../state/urlSync";
import { useAppTitle } from "../useAppTitle";
import type { Dataset } from "../../domain/dataset/schema";

/**
 * A ready-to-paste iframe for site owners: the current view in embed mode (no header or
 * footer), lazily loaded, titled for screen readers. Text only: shown in a read-only field.
 */
export function EmbedSnippet({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const view = useAppState((s) => s.view);
  const camera = useAppState((s) => s.camera);
  const title = useAppTitle();
  const query = serializeUrlState({ ...urlOfView(view, camera), embed: true }, vocabularyOf(dataset));
  const src = `${location.origin}${location.pathname}?${query}`;
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const snippet = `<iframe src="${escape(src)}" title="${escape(title)}" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <section aria-labelledby="share-embed-heading">
      <h3 id="share-embed-heading">{t("share:embedHeading")}</h3>
      <textarea
        className="share-snippet"
        readOnly
        rows={4}
        value={snippet}
        aria-label={t("share:embedLabel")}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="share-help">{t("share:embedHelp")}</p>
    </section>
  );
}
