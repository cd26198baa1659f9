import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { dismissNotice } from "../state/actions";

interface NoticeItem {
  id: string;
  title: string;
  items: string[];
}

/** Dismissible notices: ignored URL parts, configuration problems, missing WebGL, a map that failed to load. */
export function Notices() {
  const { t } = useTranslation();
  const store = useAppStore();
  const ignoredUrl = useAppState((s) => s.ignoredUrl);
  const configProblems = useAppState((s) => s.configProblems);
  const webgl = useAppState((s) => s.webgl);
  const mapCodeFailed = useAppState((s) => s.mapCodeFailed);
  const dismissed = useAppState((s) => s.dismissedNotices);
  const notices: NoticeItem[] = [];
  if (ignoredUrl.length) {
    notices.push({
      id: "url",
      title: t("urlIgnored"),
      items: ignoredUrl.map((p) => `${p.field}=${p.value} — ${p.reason}`),
    });
  }
  if (configProblems.length) {
    notices.push({ id: "config", title: t("configIgnored"), items: configProblems.map((p) => `${p.field}: ${p.reason}`) });
  }
  if (!webgl) notices.push({ id: "webgl", title: t("noWebgl"), items: [] });
  if (mapCodeFailed) notices.push({ id: "map-code", title: t("mapCodeFailed"), items: [] });
  const visible = notices.filter((n) => !dismissed.includes(n.id));
  if (!visible.length) return null;
  return (
    <div className="notices">
      {visible.map((n) => (
        <div key={n.id} className="notice" role="status" data-notice={n.id}>
          <div>
            <p>{n.title}</p>
            {n.items.length ? (
              <ul>
                {n.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="icon" aria-label={t("noticeDismiss")} onClick={() => dismissNotice(store, n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
