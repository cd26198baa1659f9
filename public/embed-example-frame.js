// The example host page, first part: starts the frame on the map. A classic script right
// after the frame, so the frame is given its address once, before anything else runs (the
// address is set here rather than in the HTML: a second navigation, to ?app=, raced the
// first one). For testing, ?app=URL points the frame at another copy of the app (http(s) only).
(function () {
  var frame = document.getElementById("map");
  var app = new URLSearchParams(location.search).get("app");
  frame.src = app && /^https?:\/\//i.test(app) ? app : frame.getAttribute("data-src");
})();
