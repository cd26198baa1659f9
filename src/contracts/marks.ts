// Performance marks the map sets on the page's timeline. They are a contract with
// whatever watches the page from outside the app's imports: the browser tests, the
// bench and Lighthouse's user-timings audit read them by name.

export const PERF_MARKS = {
  /** The first complete picture of the dataset. */
  mapReady: "map-ready",
  /** The picture after a state change (filter, language, selection) has been applied. */
  mapUpdated: "map-updated",
} as const;
