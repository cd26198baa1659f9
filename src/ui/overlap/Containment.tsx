import type { Containment as Row } from "../../domain/overlap/types";
import type { Names, Tr } from "./model";

/** Which county each functional zone lies in, and with what share (schematic shapes: ≈). */
export function Containment({ rows, names, tr }: { rows: Row[]; names: Names; tr: Tr }) {
  const zones = [...new Set(rows.map((r) => r.zone))];
  if (!zones.length) return null;
  return (
    <section className="overlap-containment" aria-labelledby="overlap-containment-title">
      <h3 id="overlap-containment-title">{tr("overlap:containmentTitle")}</h3>
      <ul>
        {zones.map((zone) => (
          <li key={zone}>
            <strong>{names.area(zone)}</strong>:{" "}
            {tr("overlap:list", {
              items: rows
                .filter((r) => r.zone === zone && r.km2 >= 0.05)
                .sort((a, b) => b.shareOfZone - a.shareOfZone)
                .map((r) => tr("overlap:containmentPart", { county: names.area(r.county), share: r.shareOfZone * 100, km2: r.km2 })),
            })}
          </li>
        ))}
      </ul>
      <p className="muted small">{tr("overlap:containmentNote")}</p>
    </section>
  );
}
