// Types of machine.mjs for the TypeScript tests that import it.
export interface Machine {
  hasChromium: boolean;
  hasCjkFont: boolean;
  hasApt: boolean;
  isRoot: boolean;
  hasSudo: boolean;
}
export type Plan =
  | { action: "none" }
  | { action: "install"; packages: string[]; commands: string[][] }
  | { action: "stop"; packages: string[]; command: string };
export declare function planMachine(machine: Machine): Plan;
export declare function probe(): Machine;
