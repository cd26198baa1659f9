/**
 * Which places' markers are in the page: up to `caps[group]` per group, of those `near` the
 * viewport. A marker already in the page keeps its place while it stays near, and the
 * group's room left goes to the others in data order, at most `maxNew` a pass. Chosen afresh
 * by data order alone, a pan over a national set took out ≈ 40 sites in mid-screen at every
 * pass and put others in (each swap an element out of the page and one in), flickering under
 * the pointer and costing the pan's frames their style, layout and paint.
 */
export function chooseMarkers<E, G extends string>(
  groups: Readonly<Record<G, Iterable<E>>>,
  live: ReadonlySet<E>,
  groupOf: (entry: E) => G,
  near: (entry: E) => boolean,
  caps: Readonly<Record<G, number>>,
  maxNew: number,
): { drop: E[]; add: E[]; more: boolean } {
  const count = {} as Record<G, number>;
  for (const group in caps) count[group] = 0;
  const drop: E[] = [];
  for (const entry of live) {
    const group = groupOf(entry);
    if (near(entry) && count[group] < caps[group]) count[group]++;
    else drop.push(entry);
  }
  // Zoomed out over a national set, each group's cap is met within its first few hundred
  // places, and the other thousands are not looked at.
  const add: E[] = [];
  for (const group in caps) {
    for (const entry of groups[group]) {
      if (count[group] >= caps[group] || add.length >= maxNew) break;
      if (live.has(entry) || !near(entry)) continue;
      count[group]++;
      add.push(entry);
    }
  }
  return { drop, add, more: add.length >= maxNew };
}
