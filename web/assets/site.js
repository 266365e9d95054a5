// Enlace web pages: the small script that enhances server-rendered pages. Everything
// works without it; it adds filtering as you type, printing, and (on the lookup page)
// place autocomplete and the device's location. No dependencies, nothing from elsewhere.
(function () {
  "use strict";
  var $ = function (selector, root) { return (root || document).querySelector(selector); };
  var $$ = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };
  var fold = function (text) { return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };

  // Filtering the rows of a table as you type (the form still searches the whole directory on submit).
  $$("[data-filter-rows]").forEach(function (input) {
    var table = $(input.getAttribute("data-filter-rows"));
    if (!table) return;
    var rows = $$("tbody tr", table);
    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(status);
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = fold(row.textContent);
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown++;
      });
      status.textContent = shown + " / " + rows.length;
    });
  });

  $$("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  window.Enlace = { $: $, $$: $$, fold: fold };
})();
