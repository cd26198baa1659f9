import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

// Software WebGL and a closed network (the flags docs/performance.md prescribes), shared by
// the browser tests, the bench and the screenshot tool so all three draw on the same renderer.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-gpu-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    // Never skip silently: a browser test without a browser is a failure with instructions.
    throw new Error("No Chromium found for the browser tests. Set CHROMIUM_PATH, or on Debian: apt-get install -y chromium fonts-noto-cjk");
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
