import { describe, expect, it, vi } from "vitest";
import { act, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../../src/i18n/i18n";
import { createWorkbenchStore } from "../../src/state/workbench";
import { WorkbenchContext } from "../../src/ui/workbench/WorkbenchContext";
import { OutlineImportDialog } from "../../src/ui/workbench/OutlineImportDialog";
import { shippedDataset } from "../unit/data/loadShipped";
import type { Dataset } from "../../src/domain/dataset/schema";
import { TILE_THRESHOLD_BYTES } from "../../src/domain/dataset/tileThreshold";

// The outline dialog of a dataset published as vector tiles says that a new outline shows on
// the public map only after a rebuild; a one-file dataset's says nothing of it.

vi.mock("../../src/state/outlineDrawing", () => ({ startDrawing: () => {}, stopDrawing: () => {} }));

function dialog(dataset: Dataset, lang: "zh" | "en") {
  const store = createWorkbenchStore(lang);
  act(() => store.setState({ shown: dataset }));
  render(
    <WorkbenchContext.Provider value={store}>
      <I18nextProvider i18n={createI18n(lang)}>
        <OutlineImportDialog onClose={() => {}} />
      </I18nextProvider>
    </WorkbenchContext.Provider>,
  );
}

/** Yangzhou with its geometry padded past the threshold (a property no check reads). */
function overThreshold(): Dataset {
  const dataset = structuredClone(shippedDataset()) as Dataset;
  dataset.geometry.features[0]!.properties = { ...dataset.geometry.features[0]!.properties, padding: "x".repeat(TILE_THRESHOLD_BYTES) };
  return dataset;
}

describe("the outline dialog of a tiled dataset", () => {
  it("says, in English, that a new outline takes effect through a rebuild", () => {
    dialog(overThreshold(), "en");
    expect(screen.getByText(/published as vector tiles.*only after a rebuild \(npm run build\)/)).toBeInTheDocument();
  });

  it("says it in Chinese", () => {
    dialog(overThreshold(), "zh");
    expect(screen.getByText(/矢量瓦片.*重新构建\(npm run build\)/)).toBeInTheDocument();
  });

  it("says nothing of tiles for a dataset kept in one file", () => {
    dialog(shippedDataset(), "en");
    expect(screen.getByRole("heading", { name: "Import outline" })).toBeInTheDocument();
    expect(screen.queryByText(/vector tiles/)).toBeNull();
  });
});
