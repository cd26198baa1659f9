import { useMemo, useRef } from "react";
import type { Containment as Row } from "../../domain/overlap/types";
import type { Names, Tr } from "./model";
import { PAGE_SIZE, PageControls, usePage } from "./paging";

/** The rows per zone, in the order the zones first appear; slivers left out, largest share first. */
function byZone(rows: Row[]): Map<string, Row[]> {
  const zones = new Map<string, Row[]>();
  for (const row of rows) {
    let parts = zones.get(row.zone);
    if (!parts) zones.set(row.zone, (parts = []));
    if (row.km2 >= 0.05) parts.push(row);
  }
  for (const parts of zones.values()) parts.sort((a, b) => b.shareOfZone - a.shareOfZone);
  return zones;
}

/** Which county each functional zone lies in, and with what share (schematic shapes: ≈); many zones, a page at a time. */
export function Containment({ rows, names, tr }: { rows: Row[]; names: Names; tr: Tr }) {
  const zones = useMemo(() => [...byZone(rows)], [rows]);
  const page = usePage(zones.length, PAGE_SIZE.zones);
  const list = useRef<HTMLUListElement>(null);
  if (!zones.length) return null;
  return (
    <section className="overlap-containment" aria-labelledby="overlap-containment-title">
      <h3 id="overlap-containment-title">{tr("overlap:containmentTitle")}</h3>
      <ul ref={list}>
        {zones.slice(0, page.shown).map(([zone, parts]) => (
          <li key={zone}>
            <strong>{names.area(zone)}</strong>:{" "}
            {tr("overlap:list", {
              items: parts.map((r) =>
                tr("overlap:containmentPart", { county: names.area(r.county), share: r.shareOfZone * 100, km2: r.km2 }),
              ),
            })}
          </li>
        ))}
      </ul>
      <PageControls
        page={page}
        countKey="overlap:showingZones"
        tr={tr}
        focusTarget={(n) => list.current?.children[n] as HTMLElement | undefined}
      />
      <p className="muted small">{tr("overlap:containmentNote")}</p>
    </section>
  );
}
