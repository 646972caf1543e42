// facilitator.js: the facilitator screen follows the room live. The server says on an event
// stream when a result arrives; the panel is then fetched again. Without JavaScript the page
// reloads itself every few seconds instead (a meta refresh inside noscript).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.getElementById("panel");
  if (!panel || !window.EventSource) return;
  var loading = false, again = false;
  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    fetch("/facilitator/panel", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
      .then(function (html) { panel.innerHTML = html; })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        loading = false;
        if (again) { again = false; refresh(); }
      });
  }
  var stream = new EventSource("/facilitator/events");
  stream.addEventListener("results", refresh);
});
