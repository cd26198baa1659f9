import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

// The toolbar's two import buttons. Each dialog is its own chunk, loaded on first use, and
// brings its library later still (SheetJS when a spreadsheet is read, the outline readers
// when an outline file is, terra-draw when drawing starts).

const SheetImportDialog = lazy(() => import("./SheetImportDialog").then((m) => ({ default: m.SheetImportDialog })));
const OutlineImportDialog = lazy(() => import("./OutlineImportDialog").then((m) => ({ default: m.OutlineImportDialog })));

export function ImportTools() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<"sheet" | "outline" | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <button type="button" aria-expanded={open === "sheet"} onClick={() => setOpen(open === "sheet" ? null : "sheet")}>
        {t("workbench:importSheet")}
      </button>
      <button type="button" aria-expanded={open === "outline"} onClick={() => setOpen(open === "outline" ? null : "outline")}>
        {t("workbench:importOutline")}
      </button>
      {open ? (
        <Suspense fallback={<p role="status">{t("workbench:loading")}</p>}>
          {open === "sheet" ? <SheetImportDialog onClose={close} /> : <OutlineImportDialog onClose={close} />}
        </Suspense>
      ) : null}
    </>
  );
}
