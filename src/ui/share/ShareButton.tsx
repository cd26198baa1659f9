import type { Dataset } from "../../domain/dataset/schema";

/** Placeholder: share link / QR / PNG / CSV entry point. */
export function ShareButton(_props: { dataset: Dataset }) {
  return null;
}
