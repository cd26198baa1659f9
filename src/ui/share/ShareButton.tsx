import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Dataset } from "../../domain/dataset/schema";
import { LazyPart, lazyPart } from "../LazyPart";

// The dialog, its styles and the QR code library are not part of the first view: they load
// when the button is first used.
// A dialog that cannot load says so under the button, with Retry (LazyPart).
const ShareDialog = lazyPart(() => import("./ShareDialog"));

// Styled inline: the first view's stylesheet belongs to others, and share.css is lazy.

/** Header button that opens the share and export dialog; focus comes back here when it closes. */
export function ShareButton({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="header-button share-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {t("share:button")}
      </button>
      {open ? (
        <LazyPart part={ShareDialog} props={{ dataset, onClose: close }} name="share" failed="shareFailed" onDismiss={close} />
      ) : null}
    </>
  );
}
