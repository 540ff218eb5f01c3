// Shows the interview time in the viewer's own zone and a live countdown.
(function () {
  "use strict";
  function locale() {
    var tag = (navigator.languages && navigator.languages[0]) || navigator.language || "en-US";
    try { return Intl.getCanonicalLocales(tag)[0] || "en-US"; } catch (e) { return "en-US"; }
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function until(ms) {
    var m = Math.floor(ms / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
    if (d > 0) return plural(d, "day") + (h ? " " + plural(h, "hour") : "");
    if (h > 0) return plural(h, "hour") + " " + plural(m % 60, "minute");
    return m > 0 ? plural(m, "minute") : "less than a minute";
  }
  var el = document.getElementById("when");
  if (!el) return;
  var start = new Date(el.getAttribute("datetime")), end = new Date(el.getAttribute("data-ends"));
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    el.textContent = new Intl.DateTimeFormat(locale(), {
      weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short"
    }).format(start);
    var note = document.getElementById("zone-note");
    if (note && zone) note.textContent = "(your time zone: " + zone + ")";
  } catch (e) { /* keep the server-rendered time */ }
  var out = document.getElementById("countdown");
  function tick() {
    var now = Date.now();
    if (now < start.getTime()) out.textContent = "Starts in " + until(start.getTime() - now);
    else if (now < end.getTime()) out.textContent = "The interview time has come: it is in progress now.";
    else out.textContent = "The planned time has passed.";
  }
  tick();
  setInterval(tick, 30000);
})();
