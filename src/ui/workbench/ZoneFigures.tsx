import { useEffect, useState } from "react";
import type { Dataset } from "../../domain/dataset/schema";
import { areaKm2 } from "../../domain/geometry/areaKm2";
import { overlapInputFrom } from "../../domain/overlap/overlapInput";
import type { Containment } from "../../domain/overlap/types";
import { runOverlapAnalysis } from "../../state/runOverlapAnalysis";
import { useDialogT } from "./dialogParts";

// What the planner's view computes from the outlines, for the draft and for the outline about
// to replace one: each zone's drawn area and the counties it lies in (the overlap analysis,
// run again in its worker whenever the outlines change).

type Figures = { km2: Map<string, number>; containment: Containment[] };

function useFigures(dataset: Dataset | null): Figures | null {
  const [figures, setFigures] = useState<{ of: Dataset; figures: Figures } | null>(null);
  useEffect(() => {
    if (!dataset) return;
    let live = true;
    const km2 = new Map(
      dataset.geometry.features.map((f) => [f.properties.id, areaKm2(f.geometry as unknown as Parameters<typeof areaKm2>[0])]),
    );
    runOverlapAnalysis(overlapInputFrom(dataset)).then(
      (analysis) => live && setFigures({ of: dataset, figures: { km2, containment: analysis.containment } }),
      () => live && setFigures({ of: dataset, figures: { km2, containment: [] } }),
    );
    return () => {
      live = false;
    };
  }, [dataset]);
  return figures && figures.of === dataset ? figures.figures : null;
}

export function ZoneFigures({ now, proposed }: { now: Dataset | null; proposed: Dataset | null }) {
  const { t, lang } = useDialogT();
  const before = useFigures(now);
  const after = useFigures(proposed);
  if (!now) return null;
  const name = (id: string) => now.areas.find((a) => a.id === id)?.name[lang] ?? id;
  const zones = now.areas.filter((a) => a.kind === "zone");
  const describe = (figures: Figures | null, zone: string) => {
    if (!figures) return t("workbenchDialogs:figuresComputing");
    const km2 = figures.km2.get(zone);
    const parts = figures.containment
      .filter((c) => c.zone === zone && c.km2 >= 0.05)
      .sort((a, b) => b.shareOfZone - a.shareOfZone)
      .map((c) => t("workbenchDialogs:figuresIn", { share: (c.shareOfZone * 100).toFixed(1), county: name(c.county) }));
    const area = km2 === undefined ? "—" : t("workbenchDialogs:figuresKm2", { value: km2.toFixed(1) });
    return `${area} · ${parts.length ? parts.join(", ") : t("workbenchDialogs:figuresNowhere")}`;
  };
  return (
    <table className="wb-figures" data-testid="zone-figures">
      <caption>{t("workbenchDialogs:figuresTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("workbenchDialogs:outlineArea")}</th>
          <th scope="col">{t("workbenchDialogs:figuresNow")}</th>
          {proposed ? <th scope="col">{t("workbenchDialogs:figuresNew")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {zones.map((zone) => (
          <tr key={zone.id} data-zone={zone.id}>
            <th scope="row">{zone.name[lang]}</th>
            <td>{describe(before, zone.id)}</td>
            {proposed ? <td>{describe(after, zone.id)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
