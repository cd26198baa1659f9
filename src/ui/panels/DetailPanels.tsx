import type { Dataset } from "../../domain/dataset/schema";

/** Placeholder: the area, site, industry and compare panels (lazy-loaded). */
export default function DetailPanels(_props: { dataset: Dataset }) {
  return null;
}
