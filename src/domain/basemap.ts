/** Which official basemap is under the areas; "none" unless a deployment configured a key. */
export type Basemap = "none" | "vector" | "imagery";
