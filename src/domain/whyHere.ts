import type { Area, Dataset, Site } from "./dataset/schema";
import { datasetIndex } from "./datasetIndex";

// The area panel's "why here" line for one assigned industry, gathered only from the data:
// the policy's layout sentence and its section, the other areas that sentence names, the
// related sites in this area carrying the industry, and the designated parks among them.
// Nothing is added that the data does not hold; the words around it are the panel's.

export interface WhyHere {
  /** The policy section that lays the industry out here (e.g. 二(一)1). */
  section: string;
  /** The other areas the same industry is laid out in, in the dataset's area order. */
  alongside: Area[];
  /** Designated parks in this area carrying the industry. */
  parks: Site[];
  /** Other related sites (and candidates) in this area carrying the industry. */
  sites: Site[];
}

export function whyHere(
  dataset: Pick<Dataset, "areas" | "sites" | "industries" | "assignments">,
  areaId: string,
  industryId: string,
): WhyHere | null {
  const index = datasetIndex(dataset);
  const laidOut = index.assignmentsByIndustry.get(industryId) ?? [];
  const here = laidOut.find((a) => a.area === areaId);
  if (!here) return null;
  const alongside = laidOut
    .filter((a) => a.area !== areaId)
    .map((a) => index.areaById.get(a.area))
    .filter((a): a is Area => a !== undefined);
  const carrying = (index.sitesByArea.get(areaId) ?? []).filter((s) => s.industries.includes(industryId));
  return {
    section: here.section,
    alongside,
    parks: carrying.filter((s) => s.status === "designated"),
    sites: carrying.filter((s) => s.status !== "designated"),
  };
}
