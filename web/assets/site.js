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

  // Place autocomplete (the lookup page): the ARIA 1.2 combobox pattern over the server's
  // text input. Suggestions come from the `places` query asked by trusted-document id over
  // GET, so identical prefixes are answered from the public cache.
  $$("input[data-places]").forEach(function (input) {
    var list = $("#" + input.id + "-options");
    var country = $(input.getAttribute("data-country"));
    if (!list || !window.fetch) return;
    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(status);
    var items = [], active = -1, timer = 0, asked = "", controller = null, cache = {};
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var close = function () {
      list.hidden = true; active = -1; asked = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };
    var mark = function (index) {
      active = index;
      $$("[role=option]", list).forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index < 0) return input.removeAttribute("aria-activedescendant");
      input.setAttribute("aria-activedescendant", list.id + "-" + index);
      list.children[index].scrollIntoView({ block: "nearest" });
    };
    // Another suggestion with the same name in the same country but another state: both show their state.
    var namesake = function (place) {
      return place.division && items.some(function (other) { return other !== place && other.name === place.name && other.country.code === place.country.code && (!other.division || other.division.code !== place.division.code); });
    };
    var choose = function (index) {
      var place = items[index];
      var option = country && $("option[value='" + place.country.code + "']", country);
      // The country goes in its select when listed there; else in the text ("Name, Country").
      if (country) country.value = option ? place.country.code : $("option[value='']", country) ? "" : country.value;
      // A namesake in the list goes with its state ("Tonalá, Chiapas"), so the lookup takes that one.
      var name = namesake(place) ? place.name + ", " + place.division.name : place.name;
      input.value = option ? name : name + ", " + place.country.name;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    };
    var show = function (places) {
      items = places; list.textContent = "";
      places.forEach(function (place, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = place.name + (namesake(place) ? " (" + place.division.name + ")" : "") + ", " + place.country.name + " — " + (input.getAttribute("data-kind-" + place.kind.toLowerCase()) || "");
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = !places.length;
      input.setAttribute("aria-expanded", places.length ? "true" : "false");
      active = -1; input.removeAttribute("aria-activedescendant");
      status.textContent = places.length ? input.getAttribute("data-count").replace("{count}", places.length) : "";
    };
    var ask = function () {
      var text = input.value.trim();
      var variables = { search: text, first: 6, lang: input.getAttribute("data-lang") };
      if (country && country.value) variables.country = country.value;
      var key = JSON.stringify(variables);
      if (text.length < 2) return close();
      if (key === asked) return;
      asked = key;
      if (cache[key]) return show(cache[key]);
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch("/graphql?documentId=" + encodeURIComponent(input.getAttribute("data-places")) + "&variables=" + encodeURIComponent(key), { headers: { accept: "application/json" }, signal: controller && controller.signal })
        .then(function (response) { return response.json(); })
        .then(function (body) { cache[key] = (body.data && body.data.places) || []; if (asked === key) show(cache[key]); })
        .catch(function () { if (asked === key) { asked = ""; close(); } });
    };
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 250); });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open) { asked = ""; return ask(); }
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        mark(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault(); choose(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault(); close();
      }
    });
    input.addEventListener("blur", close);
  });

  // "Use my location": the device's position in the form's hidden lat/lon fields; a typed
  // place wins over it on the server, so the place field is emptied (and typing clears it).
  $$("[data-geolocate]").forEach(function (button) {
    var place = $(button.getAttribute("data-geolocate"));
    var lat = $("#f-lat"), lon = $("#f-lon"), status = $("#f-geo-status");
    if (!navigator.geolocation || !place || !lat || !lon) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(function (position) {
        // Four decimals (about 10 m) are enough to find the nearest office, and share a cache.
        lat.value = position.coords.latitude.toFixed(4);
        lon.value = position.coords.longitude.toFixed(4);
        place.value = "";
        status.textContent = button.getAttribute("data-located").replace("{latitude}", lat.value).replace("{longitude}", lon.value);
      }, function () {
        status.textContent = button.getAttribute("data-failed");
        place.focus();
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
    });
    place.addEventListener("input", function () {
      if (!lat.value) return;
      lat.value = lon.value = ""; status.textContent = "";
    });
  });

  window.Enlace = { $: $, $$: $$, fold: fold };

  // In a frame on the CRM site (/embed, and the office pages and lookup it links to): tell
  // the page around it how tall this page is, so its frame fits (web/assets/embed-frame.js).
  if (window.parent !== window && window.parent.postMessage) {
    var lastHeight = 0;
    var postHeight = function () {
      var height = Math.ceil(document.documentElement.scrollHeight);
      if (height === lastHeight) return;
      lastHeight = height;
      window.parent.postMessage({ type: "enlace:height", height: height }, "*");
    };
    window.addEventListener("load", postHeight);
    window.addEventListener("resize", postHeight);
    if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.body);
    postHeight();
  }

  // The lookup works offline once visited: its service worker keeps the pages' shell and the
  // directory's offline data (web/assets/sw.js). Registered from the lookup page only.
  var offline = $("[data-offline-lang]");
  if (offline && "serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js?lang=" + offline.getAttribute("data-offline-lang"), { scope: "/" }).catch(function () {});
  }
})();
