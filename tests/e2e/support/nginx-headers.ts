import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve } from "node:path";

/** One `location` block of an nginx snippet: its modifier, path, headers and `return` code. */
export interface NginxLocation {
  modifier: "" | "=" | "^~" | "~" | "~*";
  path: string;
  headers: [string, string][];
  returns?: number;
}

/**
 * Reads the `location` blocks of deploy/nginx.conf: `add_header Name "value" [always];` lines
 * and `return CODE;`. Enough nginx for a snippet of flat location blocks, which is what the
 * file is; anything else inside a block is ignored (try_files: the server below serves files).
 */
export function parseNginxLocations(text: string): NginxLocation[] {
  const source = text.replace(/#.*$/gm, "");
  const out: NginxLocation[] = [];
  const block = /location\s+(?:(=|\^~|~\*|~)\s+)?(\S+)\s*\{([^}]*)\}/g;
  for (const m of source.matchAll(block)) {
    const body = m[3]!;
    const headers: [string, string][] = [];
    for (const h of body.matchAll(/add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+?))(?:\s+always)?\s*;/g)) headers.push([h[1]!, h[2] ?? h[3]!]);
    const ret = /return\s+(\d+)/.exec(body);
    out.push({ modifier: (m[1] ?? "") as NginxLocation["modifier"], path: m[2]!, headers, returns: ret ? Number(ret[1]) : undefined });
  }
  return out;
}

/** nginx's choice: an exact match; else the longest prefix, unless `^~` the first matching regex; else that prefix. */
export function matchLocation(locations: NginxLocation[], uri: string): NginxLocation | undefined {
  const exact = locations.find((l) => l.modifier === "=" && l.path === uri);
  if (exact) return exact;
  const prefix = locations
    .filter((l) => (l.modifier === "" || l.modifier === "^~") && uri.startsWith(l.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (prefix?.modifier === "^~") return prefix;
  const regex = locations.find(
    (l) => (l.modifier === "~" || l.modifier === "~*") && new RegExp(l.path, l.modifier === "~*" ? "i" : "").test(uri),
  );
  return regex ?? prefix;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pbf": "application/x-protobuf",
  ".d.ts": "text/plain; charset=utf-8",
};

/**
 * A static file server for dist/ that answers as nginx with the snippet would: each response
 * carries the headers of the location nginx would pick. Directory URLs serve index.html.
 */
export async function serveWithNginxHeaders(
  dir: string,
  confPath: string,
): Promise<{ server: Server; baseUrl: string; locations: NginxLocation[] }> {
  const locations = parseNginxLocations(readFileSync(confPath, "utf8"));
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const uri = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const location = matchLocation(locations, uri);
    let file = resolve(join(root, uri));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    const status = location?.returns ?? (file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? 200 : 404);
    // `always`: nginx adds the headers to error responses too.
    for (const [name, value] of location?.headers ?? []) res.setHeader(name, value);
    if (status !== 200) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, baseUrl: `http://127.0.0.1:${address.port}/`, locations };
}
