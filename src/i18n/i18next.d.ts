// Keys typed from the message objects: a misspelt or missing key (`t("resett")`,
// `t("panel:clos")`) fails `tsc` instead of showing the key to the reader. Only the keys:
// typing the values too would make i18next demand a string for every unformatted
// {{placeholder}}, and the views pass counts and figures there.
import "i18next";
import type { zh } from "./messages";
import type { zh as share } from "./shareMessages";
import type { zh as panel } from "./panelMessages";
import type { zh as overlap } from "./overlapMessages";
import type { zh as workbenchImport } from "./workbenchImportMessages";
import type { zh as print } from "./printMessages";
import type { zh as workbench } from "./workbenchMessages";
import type { zh as workbenchDialogs } from "./workbenchDialogMessages";
import type { zh as workbenchSite } from "./workbenchSiteMessages";
import type { zh as reasons } from "./reasonMessages";

type Keys<T> = Record<keyof T, string>;

declare module "i18next" {
  interface CustomTypeOptions {
    // For the types every namespace is reachable from any `t`, with its prefix ("panel:close");
    // unprefixed keys are the first's. At run time the default is "translation" alone
    // (src/i18n/i18n.ts), so an unprefixed key never resolves in another chunk's strings.
    defaultNS: [
      "translation",
      "share",
      "panel",
      "overlap",
      "workbenchImport",
      "print",
      "workbench",
      "workbenchDialogs",
      "workbenchSite",
      "reasons",
    ];
    resources: {
      translation: Keys<typeof zh>;
      share: Keys<typeof share>;
      panel: Keys<typeof panel>;
      overlap: Keys<typeof overlap>;
      workbenchImport: Keys<typeof workbenchImport>;
      print: Keys<typeof print>;
      workbench: Keys<typeof workbench>;
      workbenchDialogs: Keys<typeof workbenchDialogs>;
      workbenchSite: Keys<typeof workbenchSite>;
      reasons: Keys<typeof reasons>;
    };
  }
}
