// `pretest`: makes sure the machine has what the browser tests need (machine.mjs), installing
// it where the user may install Debian packages, else stopping at once with the command to run.
import { spawnSync } from "node:child_process";
import { planMachine, probe } from "./machine.mjs";

const plan = planMachine(probe());
if (plan.action === "stop") {
  console.error(`npm test needs ${plan.packages.join(" and ")} (Debian packages), which are missing and cannot be installed from here.`);
  console.error(`Install them, then run npm test again:\n\n  ${plan.command}\n`);
  console.error("(Or set CHROMIUM_PATH to another Chromium.)");
  process.exit(1);
}
if (plan.action === "install") {
  console.log(`npm test: installing ${plan.packages.join(" and ")} (needed by the browser tests) with apt-get …`);
  for (const [cmd, ...args] of plan.commands) {
    console.log(`  $ ${[cmd, ...args].join(" ")}`);
    const result = spawnSync(cmd, args, { stdio: "inherit" });
    if (result.status !== 0) {
      console.error(`\`${[cmd, ...args].join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
      process.exit(1);
    }
  }
  const after = planMachine(probe());
  if (after.action !== "none") {
    console.error(`still missing after the install: ${after.packages.join(", ")}`);
    process.exit(1);
  }
}
