/** Fetches JSON, reporting bytes as they arrive so long loads can show progress. */
export async function fetchJson(
  url: string,
  onProgress?: (loaded: number, total: number | null) => void,
  signal?: AbortSignal,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new LoadError(`Could not reach ${url}`, (error as Error).message);
  }
  if (!response.ok) throw new LoadError(`${url} answered ${response.status} ${response.statusText}`.trim(), undefined, response.status);
  const totalHeader = response.headers.get("content-length");
  const total = totalHeader && !response.headers.get("content-encoding") ? Number(totalHeader) : null;
  let text: string;
  if (response.body && onProgress) {
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    text = new TextDecoder().decode(bytes);
  } else {
    text = await response.text();
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LoadError(`${url} is not valid JSON`, (error as Error).message);
  }
}

/** Fetches started before the code that reads them has arrived (`fetchJsonEarly`), by URL. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts fetching `url` now, for a reader whose code is still on its way (a lazy part's), so
 * the file and the code load side by side instead of one after the other. The next
 * `takeJson(url)` gets this fetch.
 */
export function fetchJsonEarly(url: string): void {
  if (early.has(url)) return;
  const pending = fetchJson(url);
  pending.catch(() => {}); // its failure is reported to whoever takes it
  early.set(url, pending);
}

/** The fetch `fetchJsonEarly` started for `url`, taken once (a retry fetches anew), else a new one. */
export function takeJson(url: string): Promise<unknown> {
  const pending = early.get(url);
  early.delete(url);
  return pending ?? fetchJson(url);
}

/** Fetches a file as text (the workbench reads data/ files as the text they are). */
export async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new LoadError(`Could not reach ${url}`, (error as Error).message);
  }
  if (!response.ok) throw new LoadError(`${url} answered ${response.status} ${response.statusText}`.trim(), undefined, response.status);
  return response.text();
}

export class LoadError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "LoadError";
  }
}
