import qrcode from "qrcode-generator";

// Loaded only when the share dialog shows a QR code (its own chunk).

/** A QR code of `text` as a data: URL (GIF), with the four-module quiet zone scanners need. */
export function qrDataUrl(text: string, cellSize = 4): string {
  const code = qrcode(0, "M");
  // Bytes of the UTF-8 form, so any link survives (a canonical link is ASCII anyway).
  code.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  code.make();
  return code.createDataURL(cellSize, cellSize * 4);
}
