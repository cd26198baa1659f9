// The example host page, first part. For testing: ?app=URL points the frame at another copy of the app (http(s) only). A
// classic script right after the frame, run as the page is read, so the frame never starts on the default.
(function () {
  var app = new URLSearchParams(location.search).get("app");
  if (app && /^https?:\/\//i.test(app)) document.getElementById("map").src = app;
})();
