// Enlace: the border lookup without a network (service worker, scope "/").
// Online, pages come from the network as usual and the offline data is refreshed. Offline,
// a lookup (/lookup?nationality=…&place=…) is answered from the data kept on the phone
// (/offline/data.json: every office, the region's places) with the ranking module the
// server ranks with (/offline/rank-core.js), saying the date of the data; the place
// autocomplete answers from the same place index; pages seen before reopen from the cache.
/* eslint-disable no-var */
var exports = {};
importScripts("/offline/rank-core.js");
var core = exports;
var CACHE = "enlace-offline-v1";
var LANG = new URL(self.location.href).searchParams.get("lang") || "es";
var DATA = "/offline/data.json?lang=" + LANG;
var SHELL = "/lookup?lang=" + LANG;
var REFRESH_MS = 10 * 60 * 1000;
var lastRefresh = 0;
var loaded = null;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll([DATA, SHELL, "/manifest.webmanifest?lang=" + LANG]); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

/** The offline data, parsed once per copy kept. */
function data() {
  return caches.open(CACHE).then(function (cache) { return cache.match(DATA); }).then(function (response) {
    if (!response) return null;
    var etag = response.headers.get("etag") || "";
    if (loaded && loaded.etag === etag) return loaded.value;
    return response.json().then(function (value) { loaded = { etag: etag, value: value }; return value; });
  });
}

/** Fetches the offline data again when the network is back (at most every 10 minutes). */
function refresh() {
  if (Date.now() - lastRefresh < REFRESH_MS) return Promise.resolve();
  lastRefresh = Date.now();
  return fetch(DATA, { cache: "no-cache" }).then(function (response) {
    if (response.ok) return caches.open(CACHE).then(function (cache) { return cache.put(DATA, response); });
  }).catch(function () {});
}

var fold = function (text) { return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim(); };
var esc = function (text) { return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); };

/** The country a text names (its name in the page's language or its code); undefined if none. */
function countryNamed(d, text) {
  return Object.keys(d.countries).filter(function (code) { return fold(d.countries[code][0]) === fold(text) || code.toLowerCase() === fold(text); })[0];
}

/** The divisions (states, provinces, departments) a text names, by name, abbreviation or ISO code: [country, admin1, code, name, keys]. */
function divisionsNamed(d, text, country) {
  var key = fold(text);
  return (d.divisions || []).filter(function (v) { return v[4].indexOf(key) >= 0 && (!country || v[0] === country); });
}

/** A place's division, from its country and admin1 code. */
function divisionOf(d, p) {
  return p[7] ? (d.divisions || []).filter(function (v) { return v[0] === p[1] && v[1] === p[7]; })[0] : undefined;
}

/** Places of the index whose name (or other name) is the key, or starts with it, in the country and divisions given; the larger and the border posts first. */
function matching(d, key, country, within, limit) {
  if (!key) return [];
  var exact = [], prefix = [];
  d.places.forEach(function (p) {
    if (country && p[1] !== country) return;
    if (within && !within.some(function (v) { return v[0] === p[1] && v[1] === p[7]; })) return;
    var own = fold(p[0]);
    if (own === key || p[6].indexOf(key) >= 0) exact.push(p);
    else if (own.indexOf(key) === 0 || (" " + own).indexOf(" " + key) >= 0) prefix.push(p);
  });
  var rank = function (a, b) { return (a[4] === "CITY") - (b[4] === "CITY") || b[5] - a[5]; };
  return exact.sort(rank).concat(prefix.sort(rank)).slice(0, limit);
}

/**
 * Places for a text as typed, as the server reads it: "Name, Country", "Name, State",
 * "Name (State)", "Name, State, Country"; a trailing part that is a country is read as
 * one first, then as a state ("San Diego, CA").
 */
function findPlaces(d, text, country, limit) {
  var three = /^(.+?)\s*,\s*([^,]+?)\s*,\s*([^,]+)$/.exec(text);
  var named = three && countryNamed(d, three[3]);
  var within = named && (!country || country === named) && divisionsNamed(d, three[2], named);
  if (within && within.length) return matching(d, fold(three[1]), named, within, limit);
  var tail = /^(.+?)\s*(?:\(([^()]+)\)|,\s*([^,]+))$/.exec(text);
  if (tail) {
    var part = tail[2] || tail[3];
    var inCountry = countryNamed(d, part);
    if (inCountry && country && inCountry !== country) inCountry = undefined;
    var found = inCountry ? matching(d, fold(tail[1]), inCountry, null, limit) : [];
    if (found.length) return found;
    var divisions = divisionsNamed(d, part, country);
    if (divisions.length) return matching(d, fold(tail[1]), country, divisions, limit);
    if (inCountry) return found;
  }
  return matching(d, fold(text), country, null, limit);
}

/** The nearest place of the index to a point (its country is the point's, offline). */
function nearestPlace(d, lat, lon) {
  var best = null, bestD = Infinity;
  d.places.forEach(function (p) {
    var dist = core.haversineKm({ latitude: lat, longitude: lon }, { latitude: p[2], longitude: p[3] });
    if (dist < bestD) { bestD = dist; best = p; }
  });
  return best;
}

var officeIndex = null;
/** The active offices by sending country, as rank-core.ts ranks them. */
function officesBySender(d) {
  if (officeIndex && officeIndex.revision === d.revision) return officeIndex.bySender;
  var bySender = {};
  d.offices.forEach(function (o) {
    if (o[5] !== "ACTIVE") return;
    var located = o[9] !== null && o[10] !== null;
    var coverage = new Map(Object.keys(o[12]).map(function (c) { return [c, o[12][c]]; }));
    var office = { id: o[0], kind: o[2], latitude: located ? o[9] : null, longitude: located ? o[10] : null, precision: o[11], coverage: coverage, procedures: new Set(o[13]), xyz: located ? core.unitVector(o[9], o[10]) : null, row: o };
    (bySender[o[7]] = bySender[o[7]] || []).push(office);
  });
  officeIndex = { revision: d.revision, bySender: bySender };
  return bySender;
}

function say(d, key, params) {
  var text = d.messages[key] || key;
  return text.replace(/\{(\w+)\}/g, function (whole, name) { return params && params[name] !== undefined ? params[name] : whole; });
}

function card(d, r, placeCountry) {
  var o = r.office.row;
  var host = d.countries[o[8]] ? d.countries[o[8]][0] : o[8];
  var basis = r.basis === "RESIDENT" ? say(d, "lookup.basisResident", { country: host }) : r.basis === "CONCURRENT_ACCREDITATION" ? say(d, "lookup.basisConcurrent", { country: placeCountry, host: host }) : say(d, "lookup.basisNone");
  var phones = o[14], emails = o[15], website = o[16];
  var dial = phones.filter(function (p) { return p[0]; })[0];
  var contact = "";
  if (dial) contact += '<a class="call-button" href="tel:' + esc(dial[0]) + '">' + esc(say(d, "lookup.call", { number: dial[1] })) + "</a>";
  phones.filter(function (p) { return p !== dial; }).forEach(function (p) { contact += '<p>' + (p[0] ? '<a href="tel:' + esc(p[0]) + '">' + esc(p[1]) + "</a>" : esc(p[1])) + "</p>"; });
  emails.forEach(function (e) { contact += '<p><a href="mailto:' + esc(e) + '">' + esc(e) + "</a></p>"; });
  if (website && /^https?:\/\//.test(website)) contact += '<p class="website"><a href="' + esc(website) + '" rel="noopener noreferrer external">' + esc(new URL(website).hostname) + "</a></p>";
  if (!contact) contact = '<span class="muted">' + esc(say(d, "office.noContact")) + "</span>";
  var caveats = o[6].map(function (c) { return '<li class="notice caveat" data-caveat="' + esc(c) + '"><strong>' + esc(say(d, "caveat." + c)) + "</strong></li>"; }).join("");
  var distance = r.distanceKm == null ? "" : new Intl.NumberFormat(d.lang, { maximumFractionDigits: r.distanceKm < 100 ? 1 : 0 }).format(r.distanceKm) + " km";
  return '<li class="' + (r.basis === "NONE" ? "no-cover" : "covers") + '" data-office="' + esc(o[0]) + '" data-basis="' + esc(r.basis) + '">' +
    "<h3>" + esc(o[1]) + "</h3><p class=\"basis\"><strong>" + esc(basis) + "</strong></p>" +
    '<p class="muted">' + esc(o[3]) + " · " + esc(o[4] ? o[4] + ", " : "") + esc(host) + "</p>" +
    (caveats ? '<ul class="plain caveats">' + caveats + "</ul>" : "") +
    '<dl class="details"><div><dt>' + esc(say(d, "lookup.distance")) + "</dt><dd>" + esc(distance) + "</dd></div>" +
    "<div><dt>" + esc(say(d, "office.contact")) + "</dt><dd>" + contact + "</dd></div></dl></li>";
}

/** The lookup's answer from the offline data: the same ranking (rank-core.js), a simpler page. */
function offlineAnswer(url, d) {
  var q = url.searchParams;
  var nationalities = q.getAll("nationality").map(function (c) { return c.toUpperCase(); }).filter(function (c) { return /^[A-Z]{2}$/.test(c); }).slice(0, 10);
  var country = (q.get("country") || "").toUpperCase() || undefined;
  var lat = Number(q.get("lat")), lon = Number(q.get("lon"));
  var place = null, placeCountry, placeName;
  if (q.get("place")) {
    var found = findPlaces(d, q.get("place"), country, 1)[0];
    if (found) { place = { latitude: found[2], longitude: found[3] }; placeCountry = country || found[1]; placeName = found[0] + (/[,(]/.test(q.get("place")) && divisionOf(d, found) ? " (" + divisionOf(d, found)[3] + ")" : ""); }
  } else if (isFinite(lat) && isFinite(lon) && q.get("lat") && q.get("lon")) {
    var near = nearestPlace(d, lat, lon);
    place = { latitude: lat, longitude: lon }; placeCountry = country || (near && near[1]); placeName = near ? near[0] : lat + ", " + lon;
  }
  var body;
  if (!place || !nationalities.length) {
    body = '<p class="notice error">' + esc(say(d, "offline.placeNotFound", { place: q.get("place") || "" })) + "</p>";
  } else {
    var bySender = officesBySender(d);
    var groups = nationalities.map(function (n) { return bySender[n] || []; });
    var ranked = core.rankOffices(groups, { nationalities: nationalities, placeCountry: placeCountry, latitude: place.latitude, longitude: place.longitude, procedure: q.get("procedure") || undefined, first: 5 });
    var countryName = function (c) { return d.countries[c] ? d.countries[c][0] : c; };
    body = '<p class="place-understood" data-place-country="' + esc(placeCountry) + '"><strong>' + esc(placeName + ", " + countryName(placeCountry)) + "</strong></p>" +
      nationalities.map(function (n) {
        var byId = {};
        (bySender[n] || []).forEach(function (o) { byId[o.id] = o; });
        var results = (ranked.get(n) || []).map(function (r) { return { office: byId[r.id], basis: r.basis, distanceKm: r.distanceKm == null ? null : Math.round(r.distanceKm * 10) / 10 }; });
        return '<section class="nationality" data-nationality="' + esc(n) + '"><h2>' + esc(say(d, "lookup.officesOf", { country: countryName(n) })) + "</h2>" +
          (results.length ? '<ol class="results">' + results.map(function (r) { return card(d, r, countryName(placeCountry)); }).join("") + "</ol>" : '<p class="notice">' + esc(say(d, "offline.noOffice")) + "</p>") + "</section>";
      }).join("");
  }
  var date = new Intl.DateTimeFormat(d.lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(d.readOn + "T00:00:00Z"));
  var html = '<!doctype html><html lang="' + esc(d.lang) + '"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>' + esc(say(d, "lookup.title")) + "</title>" +
    '<link rel="stylesheet" href="/assets/site.css"/></head><body><main id="main"><h1>' + esc(say(d, "lookup.title")) + "</h1>" +
    '<p class="notice offline" data-offline-date="' + esc(d.readOn) + '">' + esc(say(d, "offline.dataOf", { date: date })) + "</p>" +
    '<div class="lookup-results" id="results">' + body + '</div><p><a href="/lookup?lang=' + esc(d.lang) + '">' + esc(say(d, "offline.newSearch")) + "</a></p></main></body></html>";
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/** The autocomplete's answer (the `places` query's shape) from the place index. */
function offlinePlaces(url, d) {
  var variables = {};
  try { variables = JSON.parse(url.searchParams.get("variables") || "{}"); } catch (e) { variables = {}; }
  var places = findPlaces(d, String(variables.search || ""), variables.country || undefined, Math.min(20, variables.first || 6)).map(function (p) {
    var division = divisionOf(d, p);
    return { name: p[0], kind: p[4], country: { code: p[1], name: d.countries[p[1]] ? d.countries[p[1]][0] : p[1] }, division: division ? { code: division[2], name: division[3] } : null };
  });
  return new Response(JSON.stringify({ data: { places: places } }), { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

function fromCache(request) {
  return caches.open(CACHE).then(function (cache) { return cache.match(request, { ignoreVary: true }); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/assets/") === 0) {
    // Any version of an asset will do offline (the offline page links them without ?v=).
    event.respondWith(caches.open(CACHE).then(function (cache) { return cache.match(request).then(function (exact) { return exact || (navigator.onLine === false ? cache.match(request, { ignoreSearch: true }) : undefined); }); }).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) { var copy = response.clone(); caches.open(CACHE).then(function (cache) { cache.put(request, copy); }); }
        return response;
      }).catch(function () { return caches.open(CACHE).then(function (cache) { return cache.match(request, { ignoreSearch: true }); }); });
    }));
    return;
  }
  if (url.pathname === "/graphql" && url.searchParams.get("documentId") && /"search"/.test(url.searchParams.get("variables") || "")) {
    event.respondWith(fetch(request).catch(function () { return data().then(function (d) { return d ? offlinePlaces(url, d) : Response.error(); }); }));
    return;
  }
  if (url.pathname === "/offline/data.json") {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) { var copy = response.clone(); caches.open(CACHE).then(function (cache) { cache.put(DATA, copy); }); }
      return response;
    }).catch(function () { return fromCache(DATA); }));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(refresh());
      if (response.ok && url.pathname === "/lookup") { var copy = response.clone(); caches.open(CACHE).then(function (cache) { cache.put(request, copy); }); }
      return response;
    }).catch(function () {
      var asked = url.pathname === "/lookup" && url.searchParams.get("nationality") && (url.searchParams.get("place") || url.searchParams.get("lat"));
      if (asked) return data().then(function (d) { return d ? offlineAnswer(url, d) : fromCache(SHELL); });
      return fromCache(request).then(function (hit) { return hit || fromCache(SHELL); });
    }));
  }
});
