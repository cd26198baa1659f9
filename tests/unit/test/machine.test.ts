import { describe, expect, it } from "vitest";
import { planMachine, type Machine } from "../../../scripts/test/machine.mjs";

// `pretest` (scripts/test/prepare-machine.mjs) installs Chromium and a CJK font where it may,
// and otherwise stops with the exact command.
const ready: Machine = { hasChromium: true, hasCjkFont: true, hasApt: true, isRoot: false, hasSudo: false };

describe("preparing the machine for npm test", () => {
  it("does nothing when Chromium and a CJK font are there, whoever runs it", () => {
    for (const who of [{ isRoot: true }, { hasSudo: true }, {}]) expect(planMachine({ ...ready, ...who })).toEqual({ action: "none" });
  });

  it("as root, updates the package lists and installs only what is missing", () => {
    expect(planMachine({ ...ready, isRoot: true, hasChromium: false, hasCjkFont: false })).toEqual({
      action: "install",
      packages: ["chromium", "fonts-noto-cjk"],
      commands: [
        ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "update"],
        ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "chromium", "fonts-noto-cjk"],
      ],
    });
    expect(planMachine({ ...ready, isRoot: true, hasCjkFont: false })).toMatchObject({
      action: "install",
      packages: ["fonts-noto-cjk"],
      commands: [expect.anything(), ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "fonts-noto-cjk"]],
    });
  });

  it("with passwordless sudo, installs through sudo -n (never a password prompt)", () => {
    expect(planMachine({ ...ready, hasSudo: true, hasChromium: false })).toEqual({
      action: "install",
      packages: ["chromium"],
      commands: [
        ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "update"],
        ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "chromium"],
      ],
    });
  });

  it("without root or passwordless sudo, stops with the exact command", () => {
    expect(planMachine({ ...ready, hasChromium: false, hasCjkFont: false })).toEqual({
      action: "stop",
      packages: ["chromium", "fonts-noto-cjk"],
      command: "sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk",
    });
    expect(planMachine({ ...ready, hasCjkFont: false })).toEqual({
      action: "stop",
      packages: ["fonts-noto-cjk"],
      command: "sudo apt-get update && sudo apt-get install -y fonts-noto-cjk",
    });
  });

  it("without apt-get, stops even as root, with the Debian command", () => {
    expect(planMachine({ ...ready, hasApt: false, isRoot: true, hasChromium: false })).toEqual({
      action: "stop",
      packages: ["chromium"],
      command: "apt-get update && apt-get install -y chromium",
    });
  });
});
