import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { useAppState } from "../StoreContext";
import { usePalette } from "../usePalette";
import { addMessages } from "../../i18n/i18n";
import * as messages from "../../i18n/printMessages";
import { areaFacts, departmentList, departmentsById, industryFacts, profileBounds, programmeFacts } from "../../domain/areaFacts";
import { localize } from "../../domain/config/siteConfig";
import { geometryAttribution } from "../../domain/fromDataset";
import type { Bilingual, Dataset, Site } from "../../domain/dataset/schema";
import type { Lang } from "../../domain/labels";
import { takeFramedMapSnapshot } from "../mapSnapshot";
import { composeMapImage } from "../share/composeMapImage";
import { industryColour } from "../../domain/palette";
import { Contact } from "../panels/AreaPanel";
import { landAreaText, statusKey } from "../panels/panelParts";
import type { PrintTarget } from "../panels/PrintButton";
import "./print.css";
import { FRAMING_INTERRUPTED } from "../../contracts/snapshot";

// The printed profile: an A4 page (two at most) of one area or industry, in the page whenever
// a panel is open, so the Print button and the browser's own Ctrl+P print the same thing.
// On screen it is hidden; print.css shows it alone. The map is a composed PNG of the map
// framed on the place (the live WebGL canvas prints blank, and is never printed), its labels
// in the reader's language; its legend and sources are the profile's own text.

/** The map picture's width in device pixels: about 250 dpi across an A4 page's text width. */
const PRINT_WIDTH_PX = 1800;
const MAX_RATIO = 3;
// How long after a gesture interrupted the framing to ask for the picture again.
const RETRY_AFTER_GESTURE_MS = 1500;

type MapImage = { status: "making" } | { status: "ready"; src: string } | { status: "none" } | { status: "failed" };

export default function PrintProfile({ dataset, target, printAsked }: { dataset: Dataset; target: PrintTarget; printAsked: number }) {
  const { t, i18n } = useTranslation();
  addMessages(i18n, messages);
  const lang = useAppState((s) => s.view.lang);
  // The live view's address: the URL follows the store (urlSync) before React renders again,
  // and reading the view here renders the profile again whenever it changes.
  useAppState((s) => s.view);
  const link = window.location.href;
  const review = useAppState((s) => localize(s.config.reviewNumber, s.view.lang));
  const palette = usePalette();
  const image = useMapImage(dataset, target, lang);
  const qr = useQr(link);

  // A Print button's request waits for the map picture (it is ready, or there is none).
  const handled = useRef(printAsked);
  useEffect(() => {
    if (printAsked === handled.current || image.status === "making") return;
    handled.current = printAsked;
    window.print();
  }, [printAsked, image.status]);

  const shown =
    "area" in target
      ? (areaFacts(dataset, target.area)?.assignments.map((a) => a.industry) ?? [])
      : dataset.industries.filter((i) => i.id === target.industry);
  const name =
    "area" in target
      ? dataset.areas.find((a) => a.id === target.area)?.name
      : dataset.industries.find((i) => i.id === target.industry)?.name;
  if (!name) return null;
  return createPortal(
    <article
      className="print-profile"
      hidden
      lang={lang === "zh" ? "zh-CN" : "en"}
      data-print-target={"area" in target ? target.area : target.industry}
    >
      <header className="print-head">
        <p className="print-kicker">
          {dataset.meta.city.name[lang]} · {t("area" in target ? "print:areaProfile" : "print:industryProfile")}
        </p>
        <h1>{name[lang]}</h1>
        {name[other(lang)] !== name[lang] ? (
          <p className="print-alt-name" lang={other(lang) === "zh" ? "zh-CN" : "en"}>
            {name[other(lang)]}
          </p>
        ) : null}
      </header>
      <figure className="print-map">
        {image.status === "ready" ? (
          <>
            <img src={image.src} alt={t("print:mapAlt", { name: name[lang] })} data-testid="print-map" />
            {shown.length ? (
              <figcaption>
                <ul className="print-legend">
                  {shown.map((i) => (
                    <li key={i.id}>
                      <span className="print-swatch" style={{ background: industryColour(i.id, i.tier, palette) }} aria-hidden="true" />
                      {i.name[lang]}
                    </li>
                  ))}
                  {shown.length > 1 ? <li className="print-muted">{t("legendStripes")}</li> : null}
                </ul>
              </figcaption>
            ) : null}
          </>
        ) : (
          <figcaption className="print-muted">
            {t(image.status === "making" ? "print:mapPreparing" : image.status === "none" ? "print:noMap" : "print:mapFailed")}
          </figcaption>
        )}
      </figure>
      {"area" in target ? (
        <AreaProfile dataset={dataset} id={target.area} lang={lang} />
      ) : (
        <IndustryProfile dataset={dataset} id={target.industry} lang={lang} />
      )}
      <Programmes dataset={dataset} lang={lang} />
      <section className="print-contact">
        <Contact dataset={dataset} areaId={"area" in target ? target.area : ""} lang={lang} />
      </section>
      <footer className="print-foot">
        <div>
          <h2>{t("print:sources")}</h2>
          <Sources dataset={dataset} lang={lang} review={review} />
        </div>
        <div className="print-online">
          {qr ? <img src={qr} alt={t("print:qrAlt")} className="print-qr" /> : null}
          <div>
            <h2>{t("print:online")}</h2>
            <p className="print-link">{link}</p>
            <p className="print-muted">{t("print:onlineHelp")}</p>
          </div>
        </div>
      </footer>
    </article>,
    document.body,
  );
}

function other(lang: Lang): Lang {
  return lang === "zh" ? "en" : "zh";
}

/** The map framed on the target, composed when the profile opens (and again in another language). */
function useMapImage(dataset: Dataset, target: PrintTarget, lang: Lang): MapImage {
  // The target by its ids: a new object naming the same place is the same picture.
  const areaId = "area" in target ? target.area : null;
  const industryId = "industry" in target ? target.industry : null;
  // A panel opened from the address mounts the profile before the map's code has arrived:
  // the picture waits for the map ("making"), unless no map will come (no WebGL, code failed).
  const mapComing = useAppState((s) => s.webgl && !s.mapCodeFailed && !s.mapReady);
  const key = `${areaId}|${industryId}|${lang}`;
  const [made, setMade] = useState<{ key: string; image: MapImage } | null>(null);
  useEffect(() => {
    if (mapComing) return;
    const abort = new AbortController();
    let url: string | null = null;
    const compose = async (): Promise<MapImage> => {
      const bounds = profileBounds(dataset, areaId !== null ? { area: areaId } : { industry: industryId ?? "" });
      const mapEl = document.querySelector<HTMLElement>("[data-testid=map]");
      const width = mapEl?.getBoundingClientRect().width ?? 0;
      if (!bounds || !mapEl || width < 1) return { status: "none" };
      const ratio = Math.min(MAX_RATIO, Math.max(window.devicePixelRatio || 1, PRINT_WIDTH_PX / width));
      const picture = takeFramedMapSnapshot(bounds, ratio, (shot) => composeMapImage(mapEl, shot, null), abort.signal);
      if (!picture) return { status: "none" };
      const blob = await picture;
      if (abort.signal.aborted) return { status: "none" };
      url = URL.createObjectURL(blob);
      return { status: "ready", src: url };
    };
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      compose().then(
        (image) => !abort.signal.aborted && setMade({ key, image }),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          // The reader moved the map while it was framed: try again once they have let go.
          if (error instanceof Error && error.message === FRAMING_INTERRUPTED) {
            retry = setTimeout(attempt, RETRY_AFTER_GESTURE_MS);
            return;
          }
          console.warn("print map image:", error);
          setMade({ key, image: { status: "failed" } });
        },
      );
    void attempt();
    return () => {
      clearTimeout(retry);
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [key, areaId, industryId, dataset, mapComing]);
  return made?.key === key ? made.image : { status: "making" };
}

/** The link's QR code (the share dialog's generator, its own chunk). */
function useQr(link: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import("../share/qr")
      .then(({ qrDataUrl }) => live && setSrc(qrDataUrl(link, 3)))
      .catch((error: unknown) => console.warn("QR code:", error));
    return () => {
      live = false;
    };
  }, [link]);
  return src;
}

/** A bilingual list; `inline` runs it on as one paragraph (short items: directions, products). */
function Items({ items, lang, inline = false }: { items: readonly Bilingual[]; lang: Lang; inline?: boolean }) {
  return items.length ? (
    <ul className={inline ? "print-list print-inline" : "print-list"}>
      {items.map((item, n) => (
        <li key={n}>{item[lang]}</li>
      ))}
    </ul>
  ) : null;
}

function SiteList({ sites, lang }: { sites: readonly Site[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <ul className="print-list">
      {sites.map((s) => (
        <li key={s.id}>{t("print:siteStatus", { name: s.name[lang], status: t(statusKey(s.status)) })}</li>
      ))}
    </ul>
  );
}

function AreaProfile({ dataset, id, lang }: { dataset: Dataset; id: string; lang: Lang }) {
  const { t } = useTranslation();
  const facts = areaFacts(dataset, id);
  if (!facts) return null;
  const { area, assignments, sites, containedIn } = facts;
  return (
    <>
      <dl className="print-facts">
        <div>
          <dt>{t("panel:kind")}</dt>
          <dd>{t(area.kind)}</dd>
        </div>
        <div>
          <dt>{t("panel:landArea")}</dt>
          <dd>{landAreaText(area, t)}</dd>
        </div>
        {containedIn.length ? (
          <div>
            <dt>{t("panel:containedIn")}</dt>
            <dd>{containedIn.map((c) => c.name[lang]).join(lang === "zh" ? "、" : ", ")}</dd>
          </div>
        ) : null}
      </dl>
      {area.kind === "zone" ? <p className="print-muted">{t("panel:schematic")}</p> : null}
      <section>
        <h2>{t("panel:industries")}</h2>
        {assignments.length ? (
          assignments.map(({ industry, assignment }) => (
            <div key={industry.id} className="print-industry">
              <h3>
                {industry.name[lang]} <span className="print-muted">{t("panel:section", { section: assignment.section })}</span>
              </h3>
              <blockquote className="print-evidence">{assignment.evidence}</blockquote>
              <div className="print-columns">
                <div>
                  <h4>{t("panel:subDirections")}</h4>
                  <Items items={industry.subDirections} lang={lang} inline />
                </div>
                <div>
                  <h4>{t("panel:products")}</h4>
                  <Items items={industry.products} lang={lang} inline />
                </div>
              </div>
            </div>
          ))
        ) : (
          <p>{t("panel:noIndustries")}</p>
        )}
        <p className="print-muted">{t("panel:citywideApply", { count: dataset.citywide.length })}</p>
      </section>
      <section>
        <h2>{t("panel:sites")}</h2>
        {sites.length ? <SiteList sites={sites} lang={lang} /> : <p className="print-muted">{t("panel:noSites")}</p>}
      </section>
    </>
  );
}

function IndustryProfile({ dataset, id, lang }: { dataset: Dataset; id: string; lang: Lang }) {
  const { t } = useTranslation();
  const facts = industryFacts(dataset, id);
  if (!facts) return null;
  const { industry, tier, areas, citywide, sites } = facts;
  const evidence = citywide
    ? [{ section: citywide.section, evidence: citywide.evidence }, ...(citywide.moreEvidence ?? [])]
    : [...new Map(areas.map(({ assignment }) => [assignment.evidence, assignment.section]))].map(([evidence, section]) => ({
        evidence,
        section,
      }));
  return (
    <>
      <p>
        {t("panel:tier")}: {tier ? tier.name[lang] : industry.tier} · {t("panel:section", { section: industry.section })}
      </p>
      <p>{industry.description[lang]}</p>
      <section>
        <h2>{t("print:layoutAreas")}</h2>
        <p>{citywide ? t("print:citywide") : areas.map(({ area }) => area.name[lang]).join(lang === "zh" ? "、" : ", ")}</p>
        {evidence.map(({ evidence, section }) => (
          <blockquote key={`${section}|${evidence}`} className="print-evidence">
            {evidence} <span className="print-muted">{t("panel:section", { section })}</span>
          </blockquote>
        ))}
      </section>
      <div className="print-columns">
        <section>
          <h2>{t("panel:subDirections")}</h2>
          <Items items={industry.subDirections} lang={lang} inline />
          {industry.aims?.length ? (
            <>
              <h2>{t("panel:aims")}</h2>
              <Items items={industry.aims} lang={lang} inline />
            </>
          ) : null}
        </section>
        <section>
          <h2>{t("panel:products")}</h2>
          <Items items={industry.products} lang={lang} inline />
        </section>
      </div>
      {sites.length ? (
        <section>
          <h2>{t("panel:industrySites")}</h2>
          <SiteList sites={sites} lang={lang} />
        </section>
      ) : null}
    </>
  );
}

/** The key programmes with their lead departments, and the support measures: they apply to every area. */
function Programmes({ dataset, lang }: { dataset: Dataset; lang: Lang }) {
  const { t } = useTranslation();
  const programmes = dataset.programmes.map((p) => programmeFacts(dataset, p));
  return (
    <div className="print-policy">
      <section>
        <h2>{t("panel:programmes", { count: programmes.length })}</h2>
        <p className="print-muted">
          {dataset.participation.note[lang]} ({dataset.participation.section})
        </p>
        <ul className="print-list">
          {programmes.map(({ programme, lead, alsoResponsible }) => (
            <li key={programme.id}>
              <strong>{programme.name[lang]}</strong> <span className="print-muted">{programme.section}</span>
              <br />
              {t("panel:leadDepartments")}: {departmentList(lead, programme.listEndsWithEtc, lang)}
              {alsoResponsible.length ? (
                <>
                  {"; "}
                  {t("panel:alsoResponsible")}: {departmentList(alsoResponsible, false, lang)}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t("panel:support")}</h2>
        {dataset.support.map((s) => (
          <div key={s.id} className="print-support">
            <h3>
              {s.name[lang]} <span className="print-muted">{s.section}</span>
            </h3>
            <Items items={s.measures} lang={lang} />
            <p className="print-muted">
              {t("panel:leadDepartments")}: {departmentList(departmentsById(dataset, s.departments), s.listEndsWithEtc, lang)}
            </p>
          </div>
        ))}
      </section>
    </div>
  );
}

function Sources({ dataset, lang, review }: { dataset: Dataset; lang: Lang; review: string | undefined }) {
  const { t } = useTranslation();
  const { policy, asOf } = dataset.meta;
  return (
    <ul className="print-list print-muted">
      <li>{t("policySource", { issuer: policy.issuer[lang], title: policy.title[lang], date: policy.date })}</li>
      <li>{geometryAttribution(dataset.meta, lang)}</li>
      <li>{t("dataAsOf", { date: asOf })}</li>
      <li>{review ? t("reviewNumber", { value: review }) : t("schematicNotice")}</li>
    </ul>
  );
}
