import type { Page } from "playwright-core";

// What this browser keeps in IndexedDB (the planner's and the workbench's drafts), read the
// way idb-keyval stores them: one object store "drafts" in the app's database.

export const DB = "yangzhou-industry-map";

/** What this browser keeps, by key (read as idb-keyval stores it). */
export function storedDrafts(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    (db) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onupgradeneeded = () => open.result.createObjectStore("drafts");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const out: Record<string, unknown> = {};
          const tx = open.result.transaction("drafts", "readonly");
          const cursor = tx.objectStore("drafts").openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            out[String(c.key)] = c.value;
            c.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(out);
          };
        };
      }),
    DB,
  );
}
