// harness report: filters, search, expand/collapse, copy. Reads the DOM only; never writes HTML strings.
(function () {
  "use strict";
  var checks = Array.prototype.slice.call(document.querySelectorAll("details.check"));
  var rows = Array.prototype.slice.call(document.querySelectorAll(".matrix tbody tr"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-status-filter]"));
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  // Lower-cased text per check, computed once: searching 200 checks stays instant.
  var texts = checks.map(function (c) { return c.textContent.toLowerCase(); });

  function apply() {
    var allowed = {};
    boxes.forEach(function (b) { allowed[b.getAttribute("data-status-filter")] = b.checked; });
    var q = search ? search.value.trim().toLowerCase() : "";
    var visible = 0;
    checks.forEach(function (c, i) {
      var ok = allowed[c.getAttribute("data-status")] !== false && (q === "" || texts[i].indexOf(q) >= 0);
      c.classList.toggle("hidden", !ok);
      if (rows[i]) rows[i].classList.toggle("hidden", !ok);
      if (ok) visible++;
    });
    if (shown) shown.textContent = visible === checks.length ? "" : visible + " of " + checks.length + " shown";
  }

  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (search) search.addEventListener("input", apply);

  // Clicking a summary count shows only that status.
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (a) {
    a.addEventListener("click", function () {
      var want = a.getAttribute("data-filter");
      boxes.forEach(function (b) { b.checked = b.getAttribute("data-status-filter") === want; });
      apply();
    });
  });

  function setAll(open) { checks.forEach(function (c) { if (!c.classList.contains("hidden")) c.open = open; }); }
  var ea = document.getElementById("expand-all");
  var ca = document.getElementById("collapse-all");
  if (ea) ea.addEventListener("click", function () { setAll(true); });
  if (ca) ca.addEventListener("click", function () { setAll(false); });

  // Following a link into a collapsed check or log opens it first.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (b) {
    b.addEventListener("click", function () {
      var text = document.getElementById(b.getAttribute("data-copy")).textContent;
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { b.textContent = "copied"; });
    });
  });
  // Marks a page whose script ran to the end (the browser test checks it; CSP blocking inline JS would leave it unset).
  document.documentElement.setAttribute("data-ready", "1");
})();
