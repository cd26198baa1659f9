import { Profiler, type ProfilerOnRenderCallback } from "react";
import { act } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FilterPanel } from "../../src/ui/FilterPanel";
import { Legend } from "../../src/ui/Legend";
import { PlaceLists } from "../../src/ui/PlaceLists";
import { setCamera, toggleIndustry } from "../../src/state/actions";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

const dataset = shippedDataset();

// The camera is a store slice of its own: a pan (a stream of setCamera calls from the
// map) must not render the side pane again. React's Profiler is off in the production
// build, so the count is taken here.
describe("a pan", () => {
  it("commits none of FilterPanel, PlaceLists and Legend over 50 camera changes", () => {
    const commits = new Map<string, number>();
    const onRender: ProfilerOnRenderCallback = (id) => commits.set(id, (commits.get(id) ?? 0) + 1);
    const { store } = renderWithStore(
      <>
        <Profiler id="FilterPanel" onRender={onRender}>
          <FilterPanel dataset={dataset} open />
        </Profiler>
        <Profiler id="PlaceLists" onRender={onRender}>
          <PlaceLists dataset={dataset} />
        </Profiler>
        <Profiler id="Legend" onRender={onRender}>
          <Legend dataset={dataset} compact={false} />
        </Profiler>
      </>,
      { dataset },
      "en",
    );
    commits.clear();

    for (let i = 0; i < 50; i++) {
      act(() => setCamera(store, { zoom: 9 + i / 50, lat: 32.4 + i / 1000, lng: 119.42 - i / 1000 }));
    }
    expect(store.getState().camera).toEqual({ zoom: 9 + 49 / 50, lat: 32.4 + 49 / 1000, lng: 119.42 - 49 / 1000 });
    expect(Object.fromEntries(commits)).toEqual({});

    // The profilers do count: a filter change commits all three.
    act(() => toggleIndustry(store, "metaverse"));
    expect([...commits.keys()].sort()).toEqual(["FilterPanel", "Legend", "PlaceLists"]);
  });
});
