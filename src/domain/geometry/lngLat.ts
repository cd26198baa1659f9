// Named tuples for positions and extents, so a bare [number, number] says which is which.

/** A position: longitude, then latitude (GeoJSON's order). */
export type LngLat = [lng: number, lat: number];

/** An extent: west, south, east, north (GeoJSON's bbox order). */
export type Bounds = [west: number, south: number, east: number, north: number];
