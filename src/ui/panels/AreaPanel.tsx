import { usePalette } from "../usePalette";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "../StoreContext";
import { selectArea, selectIndustry, toggleCompare } from "../../state/actions";
import { areaFacts, departmentList, departmentsById } from "../../domain/areaFacts";
import { contactFor, isWebUrl } from "../../domain/areaFacts";
import { industryColour } from "../../domain/palette";
import { whyHere } from "../../domain/whyHere";
import type { Area, Dataset } from "../../domain/dataset/schema";
import type { Lang } from "../../domain/labels";
import { Evidence, Fact, PanelShell, SiteButtons, TextList, landAreaText } from "./panelParts";
import { PrintButton } from "./PrintButton";

const MAX_COMPARE = 3;

type FigureSourceFields = Pick<Area["landArea"], "source" | "year" | "verified" | "url" | "copies" | "note">;

/**
 * Who publishes a figure and whether its text was read: a figure whose publisher's own page
 * was not seen says so, and lists the secondary copies that were (title and address). The
 * addresses are text, not links: an area panel links only within the app (and the panels
 * offer no link the data did not ask for), while a reader can still copy an address to check.
 */
function FigureSource({ figure, lang }: { figure: FigureSourceFields; lang: Lang }) {
  const { t } = useTranslation();
  const year = figure.year ? t("panel:sourceYear", { year: figure.year }) : t("panel:sourceNoYear");
  const read = figure.verified === true;
  return (
    <span className="muted small block figure-source">
      {t("panel:source", { source: figure.source[lang] + year })}
      {read && figure.url ? <span className="source-address"> {readableAddress(figure.url)}</span> : null}
      {read ? null : <span className="unverified"> · {t("panel:unverifiedFigure")}</span>}
      {figure.copies?.length ? (
        <span className="block">
          {t("panel:copiesSeen")}
          {figure.copies.map((c, n) => (
            <span key={n}>
              {n ? "; " : null}
              {c.title} <span className="source-address">{readableAddress(c.url)}</span>
            </span>
          ))}
        </span>
      ) : null}
      {figure.note ? <span className="block">{figure.note[lang]}</span> : null}
    </span>
  );
}

/** An address as a reader would type it: percent-encoded Chinese decoded (the address itself is unchanged). */
function readableAddress(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The city's own land area beside a county's: the counties' figures do not add up to it. */
function CityArea({ dataset, lang }: { dataset: Dataset; lang: Lang }) {
  const { t } = useTranslation();
  const { landAreaKm2, landAreaSource } = dataset.meta.city;
  const counties = dataset.areas.filter((a) => a.kind === "county");
  const sum = counties.reduce((s, a) => s + a.landArea.km2, 0);
  return (
    <Fact label={t("panel:cityArea")}>
      {t("panel:km2", { value: landAreaKm2 })}
      {landAreaSource ? <FigureSource figure={landAreaSource} lang={lang} /> : null}
      {Math.round(sum) !== landAreaKm2 ? (
        <span className="small block">{t("panel:countySum", { count: counties.length, sum: Math.round(sum) })}</span>
      ) : null}
    </Fact>
  );
}

/** One sentence per assigned industry saying why here, from the data alone (src/domain/whyHere.ts). */
function WhyHereLine({ dataset, areaId, industryId, lang }: { dataset: Dataset; areaId: string; industryId: string; lang: Lang }) {
  const { t } = useTranslation();
  const why = whyHere(dataset, areaId, industryId);
  if (!why) return null;
  const names = (items: readonly { name: Record<Lang, string> }[]) => items.map((x) => x.name[lang]).join(t("panel:whyList"));
  const parts = [
    why.alongside.length
      ? t("panel:whyAlongside", { section: why.section, areas: names(why.alongside) })
      : t("panel:whyOnly", { section: why.section }),
    why.parks.length ? t("panel:whyParks", { names: names(why.parks) }) : null,
    why.sites.length ? t("panel:whySites", { names: names(why.sites) }) : null,
  ].filter((p): p is string => p !== null);
  const sentence = parts.join(t("panel:whyJoin")) + t("panel:whyEnd");
  return (
    <p className="small why-here">
      <span className="why-here-label">{t("panel:whyHere")}</span> {sentence}
    </p>
  );
}

/** An area (county or functional zone): what the policy lays out there, and what else applies. */
export function AreaPanel({ dataset, id }: { dataset: Dataset; id: string }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const compare = useAppState((s) => s.compare);
  const palette = usePalette();
  const facts = areaFacts(dataset, id);
  if (!facts) return null;
  const { area, assignments, sites, containedIn, programmes } = facts;
  const zone = area.kind === "zone";
  const inCompare = compare.includes(id);
  const compareFull = !inCompare && compare.length >= MAX_COMPARE;

  return (
    <PanelShell name={area.name} lang={lang} kindLabel={t(area.kind)} onClose={() => selectArea(store, null)} className="area-panel">
      <div className="panel-actions">
        <button
          type="button"
          className="panel-toggle"
          aria-pressed={inCompare}
          disabled={compareFull}
          title={compareFull ? t("panel:compareFull") : undefined}
          onClick={() => toggleCompare(store, id)}
        >
          {inCompare ? t("panel:compareAdded") : t("panel:compareAdd")}
        </button>
        {inCompare && compare.length === 1 ? <span className="muted small">{t("panel:compareHint")}</span> : null}
        {compareFull ? <span className="muted small">{t("panel:compareFull")}</span> : null}
        <PrintButton target={{ area: id }} />
      </div>

      <dl className="facts">
        <Fact label={t("panel:kind")}>{t(area.kind)}</Fact>
        {area.code ? (
          <Fact label={t("panel:code")}>
            {area.code}
            {area.codeNote ? <span className="muted small"> ({area.codeNote[lang]})</span> : null}
          </Fact>
        ) : null}
        <Fact label={t("panel:landArea")}>
          {landAreaText(area, t)}
          {area.landArea.approximate ? <span className="small block">{t("panel:approxNote")}</span> : null}
          <FigureSource figure={area.landArea} lang={lang} />
        </Fact>
        {area.kind === "county" && dataset.meta.city.landAreaKm2 ? <CityArea dataset={dataset} lang={lang} /> : null}
        {containedIn.length ? (
          <Fact label={t("panel:containedIn")}>
            <span className="inline-buttons">
              {containedIn.map((c) => (
                <button key={c.id} type="button" className="link-button" onClick={() => selectArea(store, c.id)}>
                  {c.name[lang]}
                </button>
              ))}
            </span>
          </Fact>
        ) : null}
        {area.administers ? <Fact label={t("panel:administers")}>{area.administers[lang]}</Fact> : null}
      </dl>
      {zone ? <p className="panel-note schematic">{t("panel:schematic")}</p> : null}

      <h3>{t("panel:industries")}</h3>
      {assignments.length ? (
        <ul className="panel-items">
          {assignments.map(({ industry, assignment }) => {
            const tier = dataset.tiers.find((x) => x.id === industry.tier);
            return (
              <li key={industry.id} className="panel-item">
                <button type="button" className="link-button industry-button" onClick={() => selectIndustry(store, industry.id)}>
                  <span className="swatch" style={{ background: industryColour(industry.id, industry.tier, palette) }} aria-hidden="true" />
                  {industry.name[lang]}
                </button>
                <p className="small muted">
                  {tier ? `${tier.name[lang]} · ` : ""}
                  {t("panel:section", { section: assignment.section })}
                </p>
                <Evidence text={assignment.evidence} />
                <WhyHereLine dataset={dataset} areaId={id} industryId={industry.id} lang={lang} />
                <details>
                  <summary>{t("panel:directions")}</summary>
                  <h4>{t("panel:subDirections")}</h4>
                  <TextList items={industry.subDirections} lang={lang} />
                  <h4>{t("panel:products")}</h4>
                  <TextList items={industry.products} lang={lang} />
                </details>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("panel:noIndustries")}</p>
      )}
      <p className="small muted">{t("panel:citywideApply", { count: dataset.citywide.length })}</p>

      <h3>{t("panel:sites")}</h3>
      {sites.length ? (
        <SiteButtons sites={sites} lang={lang} onSelect={(id) => selectArea(store, id)} />
      ) : (
        <p className="small muted">{t("panel:noSites")}</p>
      )}

      <details className="panel-section">
        <summary>{t("panel:programmes", { count: programmes.length })}</summary>
        <p className="small muted">
          {dataset.participation.note[lang]} ({dataset.participation.section})
        </p>
        <ul className="panel-items">
          {programmes.map(({ programme, lead, alsoResponsible }) => (
            <li key={programme.id} className="panel-item">
              <strong>{programme.name[lang]}</strong> <span className="muted small">{programme.section}</span>
              {/* The 等 closes the lead list only; whoever the document names after it stays apart (三(一)). */}
              <p className="small">
                {t("panel:leadDepartments")}: {departmentList(lead, programme.listEndsWithEtc, lang)}
              </p>
              {alsoResponsible.length ? (
                <p className="small">
                  {t("panel:alsoResponsible")}: {departmentList(alsoResponsible, false, lang)}
                </p>
              ) : null}
              {programme.fundingChannels?.length ? (
                <>
                  <h4>{t("panel:fundingChannels")}</h4>
                  <TextList items={programme.fundingChannels} lang={lang} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </details>

      <details className="panel-section">
        <summary>{t("panel:support")}</summary>
        {dataset.support.map((s) => (
          <div key={s.id} className="panel-item">
            <strong>{s.name[lang]}</strong> <span className="muted small">{s.section}</span>
            <TextList items={s.measures} lang={lang} />
            <p className="small muted">
              {t("panel:leadDepartments")}: {departmentList(departmentsById(dataset, s.departments), s.listEndsWithEtc, lang)}
            </p>
          </div>
        ))}
      </details>

      <Contact dataset={dataset} areaId={id} lang={lang} />
    </PanelShell>
  );
}

/** Who to contact: exactly what the data's contacts give for this area (or the city), never invented. */
export function Contact({ dataset, areaId, lang }: { dataset: Dataset; areaId: string; lang: Lang }) {
  const { t } = useTranslation();
  const found = contactFor(dataset, areaId);
  const contact = found?.contact;
  const name = contact?.name?.[lang];
  const address = contact?.address?.[lang];
  const note = contact?.note?.[lang];
  const given = contact && (name || contact.phone || contact.email || contact.url || address || note);
  return (
    <div className="panel-contact">
      <h3>{t("panel:contact")}</h3>
      {given ? (
        <>
          {found.citywide ? <p className="small muted">{t("panel:contactCitywide")}</p> : null}
          <dl className="facts">
            {name ? <Fact label={t("panel:contactName")}>{name}</Fact> : null}
            {contact.phone ? (
              <Fact label={t("panel:contactPhone")}>
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a>
              </Fact>
            ) : null}
            {contact.email ? (
              <Fact label={t("panel:contactEmail")}>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </Fact>
            ) : null}
            {contact.url ? (
              <Fact label={t("panel:contactUrl")}>
                {isWebUrl(contact.url) ? (
                  <a href={contact.url} target="_blank" rel="noopener noreferrer">
                    {contact.url}
                  </a>
                ) : (
                  contact.url
                )}
              </Fact>
            ) : null}
            {address ? <Fact label={t("panel:contactAddress")}>{address}</Fact> : null}
            {note ? <Fact label={t("panel:contactNote")}>{note}</Fact> : null}
          </dl>
        </>
      ) : (
        <p className="small">{t("panel:noContact")}</p>
      )}
    </div>
  );
}
