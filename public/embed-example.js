// The example host page's script (a file, so the page runs under a strict CSP).
// The helper beside this page (embed-host.js, types in embed-host.d.ts): copy both.
import { connectIndustryMap } from "./embed-host.js";

const frame = document.getElementById("map");
const log = document.getElementById("log");
const status = document.getElementById("status");
const appOrigin = new URL(frame.src, location.href).origin;

function note(text) {
  const line = document.createElement("div");
  line.textContent = text; // as text, never as HTML
  log.appendChild(line);
}

// Only the map's own window, from its origin, is listened to; it is posted to at that origin only.
const map = connectIndustryMap(frame, { origin: appOrigin });
map.on("height", (height) => {
  if (height > 0) frame.style.height = Math.ceil(height) + "px";
});
map.ready().then((ready) => {
  status.textContent = `The map is ready (contract version ${ready.version}${ready.webgl ? "" : ", without WebGL"}).`;
});

// This page's log shows every message, raw, with the same checks the helper makes.
window.received = [];
window.addEventListener("message", (event) => {
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || typeof data !== "object" || typeof data.type !== "string") return;
  window.received.push(data);
  note(JSON.stringify(data));
});

for (const button of document.querySelectorAll("button[data-set]")) {
  button.addEventListener("click", async () => {
    const patch = JSON.parse(button.getAttribute("data-set"));
    note("→ set " + JSON.stringify(patch));
    try {
      const { state, ignored } = await map.set(patch);
      status.textContent = `Now showing: ${state.industries.join(", ") || "all industries"}${state.area ? ", " + state.area + " open" : ""}.`;
      if (ignored.length > 0) status.textContent += ` Ignored: ${ignored.map((i) => i.field + " " + i.value).join(", ")}.`;
    } catch (error) {
      status.textContent = `Not applied: ${error.message}`;
    }
  });
}

// For the browser tests (and the curious, in the console): the connected helper.
window.industryMap = map;
