// What `npm test` needs from the machine beyond node_modules: Debian's Chromium (the browser
// tests drive it) and a CJK font (the map's and lists' Chinese text must render). The decision
// is pure (planMachine) so tests/unit/test/machine.test.ts can check it for every case; probe()
// reads the real machine.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM_PACKAGE = "chromium";
const CJK_FONT_PACKAGE = "fonts-noto-cjk";

/**
 * @typedef {{ hasChromium: boolean, hasCjkFont: boolean, hasApt: boolean, isRoot: boolean, hasSudo: boolean }} Machine
 * @typedef {{ action: "none" }
 *   | { action: "install", packages: string[], commands: string[][] }
 *   | { action: "stop", packages: string[], command: string }} Plan
 */

/**
 * @param {Machine} machine
 * @returns {Plan}
 */
export function planMachine(machine) {
  const packages = [];
  if (!machine.hasChromium) packages.push(CHROMIUM_PACKAGE);
  if (!machine.hasCjkFont) packages.push(CJK_FONT_PACKAGE);
  if (packages.length === 0) return { action: "none" };
  const install = ["apt-get", "install", "-y", ...packages];
  if (machine.hasApt && (machine.isRoot || machine.hasSudo)) {
    // apt-get update first: a fresh image has no package lists. DEBIAN_FRONTEND keeps the
    // install from stopping at a question.
    const prefix = machine.isRoot ? ["env", "DEBIAN_FRONTEND=noninteractive"] : ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"];
    return {
      action: "install",
      packages,
      commands: [
        [...prefix, "apt-get", "update"],
        [...prefix, ...install],
      ],
    };
  }
  const sudo = machine.isRoot ? "" : "sudo ";
  return { action: "stop", packages, command: `${sudo}apt-get update && ${sudo}${install.join(" ")}` };
}

/** @param {string} cmd @param {string[]} args */
function succeeds(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** @returns {Machine} */
export function probe() {
  // The same places support/browser/chromium.ts looks.
  const hasChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => !!p && existsSync(p));
  let hasCjkFont = false;
  try {
    hasCjkFont = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim() !== "";
  } catch {
    hasCjkFont = succeeds("dpkg", ["-s", CJK_FONT_PACKAGE]);
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return {
    hasChromium,
    hasCjkFont,
    hasApt: existsSync("/usr/bin/apt-get"),
    isRoot,
    hasSudo: !isRoot && succeeds("sudo", ["-n", "true"]),
  };
}
