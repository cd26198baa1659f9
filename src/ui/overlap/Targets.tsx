import type { Dataset } from "../../domain/dataset/schema";
import type { Lang } from "../../domain/labels";
import type { Tr } from "./model";

/**
 * Progress against the policy's targets (一(三)), from what the data holds: pilot parks count
 * the sites with status "designated"; key products and application scenarios have no records
 * in the data, and the view says so rather than show a number.
 */
export function Targets({ dataset, lang, tr }: { dataset: Dataset; lang: Lang; tr: Tr }) {
  const parks = dataset.sites.filter((s) => s.status === "designated").length;
  const measured = dataset.targets.flatMap((g) => g.items.filter((i) => i.measure).map((item) => ({ year: g.year, item })));
  const other = dataset.targets.flatMap((g) => g.items.filter((i) => !i.measure).map((item) => ({ year: g.year, item })));
  const section = dataset.targets[0]?.section;
  return (
    <div className="overlap-targets">
      <h3>{tr("overlap:targets", { section: section ?? "" })}</h3>
      <ul className="overlap-target-list">
        {measured.map(({ year, item }) => {
          const isParks = item.measure === "pilot-parks";
          return (
            <li key={item.id} data-target={item.id}>
              <span className="overlap-target-year">{tr("overlap:targetYear", { year })}</span>
              <span className="overlap-target-text">{item.text[lang]}</span>
              {isParks ? (
                <span className="overlap-target-value">
                  <meter min={0} max={item.atLeast ?? 1} value={Math.min(parks, item.atLeast ?? parks)} aria-hidden="true" />
                  {tr("overlap:progress", { count: parks, target: item.atLeast ?? "?" })}
                </span>
              ) : (
                <span className="overlap-target-value missing">{tr("overlap:notRecorded")}</span>
              )}
            </li>
          );
        })}
      </ul>
      {parks === 0 ? <p className="overlap-note">{tr("overlap:noParks")}</p> : null}
      {other.length ? (
        <details className="overlap-other-targets">
          <summary>{tr("overlap:otherTargets")}</summary>
          <ul>
            {other.map(({ year, item }) => (
              <li key={item.id}>
                {tr("overlap:targetYear", { year })}: {item.text[lang]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
