// The interactive map (ADR 0026): a progressive enhancement. Without JavaScript the page already shows the list,
// the buurt in words and, for lists, a map drawn on the server; this script only adds a map one can move and
// zoom, and in forms lets a resident pick the place (two hidden fields). Leaflet comes from npm (no CDN); the
// background tiles only when ZWERM_MAP_TILES_URL is set, else the wijken and buurten alone.
(function () {
  "use strict";
  var EN = document.documentElement.lang === "en";
  var T = EN
    ? { pick: "Use the middle of the map", clear: "Remove the place", picked: "Place chosen. You can still move it.",
        none: "No place chosen.", map: "Map", here: "About here" }
    : { pick: "Kies het midden van de kaart", clear: "Plek weghalen", picked: "Plek gekozen. Je kunt hem nog verplaatsen.",
        none: "Nog geen plek gekozen.", map: "Kaart", here: "Ongeveer hier" };
  var NL_CENTRE = [52.1, 5.3];

  function config() {
    var el = document.getElementById("zwerm-map-config");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  }

  function baseMap(el, cfg, options) {
    el.hidden = false;
    var map = L.map(el, Object.assign({ scrollWheelZoom: false, attributionControl: !!cfg.attribution }, options || {}));
    if (cfg.tiles) {
      L.tileLayer(cfg.tiles, { attribution: cfg.attribution || "", maxZoom: 19, minZoom: 6 }).addTo(map);
    }
    var outlines = null;
    if (cfg.outlines && cfg.outlines.features && cfg.outlines.features.length) {
      outlines = L.geoJSON(cfg.outlines, {
        interactive: false,
        style: { className: "location-map__buurt", weight: 1, fillOpacity: cfg.tiles ? 0 : 0.15 }
      }).addTo(map);
    }
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", el.getAttribute("data-label") || T.map);
    return { map: map, outlines: outlines };
  }

  function fit(made, points) {
    var bounds = made.outlines ? made.outlines.getBounds() : null;
    points.forEach(function (p) { bounds = bounds ? bounds.extend(p) : L.latLngBounds([p, p]); });
    if (bounds && bounds.isValid()) {
      made.map.fitBounds(bounds, { padding: [12, 12], maxZoom: 16 });
    } else {
      made.map.setView(NL_CENTRE, 7);
    }
  }

  function dot(latlng, cfg) {
    // A circle as wide as the grid cell: the place is "about here", never a pin on a house.
    return L.circle(latlng, { radius: (cfg.gridMetres || 100) / 2, className: "location-map__place", weight: 2 });
  }

  function picker(el, cfg) {
    var form = el.closest("fieldset") || el.closest("form");
    var lon = form.querySelector("[data-location=lon]");
    var lat = form.querySelector("[data-location=lat]");
    var made = baseMap(el, cfg);
    var marker = null;
    var status = document.createElement("p");
    status.className = "utrecht-paragraph zwerm-meta";
    status.setAttribute("aria-live", "polite");
    var pick = document.createElement("button");
    pick.type = "button";
    pick.className = "utrecht-button utrecht-button--secondary-action";
    pick.textContent = T.pick;
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "utrecht-button utrecht-button--subtle";
    clear.textContent = T.clear;
    var bar = document.createElement("p");
    bar.className = "location-picker__actions";
    bar.appendChild(pick);
    bar.appendChild(clear);
    el.insertAdjacentElement("afterend", status);
    el.insertAdjacentElement("afterend", bar);

    function set(latlng, announce) {
      lon.value = latlng.lng.toFixed(6);
      lat.value = latlng.lat.toFixed(6);
      if (marker) { marker.setLatLng(latlng); } else {
        marker = L.marker(latlng, { draggable: true, keyboard: true, title: T.here, alt: T.here }).addTo(made.map);
        marker.on("dragend", function () { set(marker.getLatLng(), true); });
      }
      clear.hidden = false;
      if (announce) { status.textContent = T.picked; }
    }
    function unset() {
      lon.value = "";
      lat.value = "";
      if (marker) { made.map.removeLayer(marker); marker = null; }
      clear.hidden = true;
      status.textContent = T.none;
    }
    made.map.on("click", function (e) { set(e.latlng, true); });
    pick.addEventListener("click", function () { set(made.map.getCenter(), true); });
    clear.addEventListener("click", unset);
    var start = lon.value && lat.value ? L.latLng(parseFloat(lat.value), parseFloat(lon.value)) : null;
    fit(made, start ? [start] : []);
    if (start) { set(start, false); } else { clear.hidden = true; }
  }

  function place(el, cfg) {
    var latlng = L.latLng(parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lon")));
    var made = baseMap(el, cfg, { dragging: true, zoomControl: true });
    // the view first: a circle cannot be placed on a map without one (Leaflet throws and the map stays blank)
    made.map.setView(latlng, 16);
    dot(latlng, cfg).addTo(made.map);
  }

  function points(el, cfg) {
    var source = document.getElementById(el.getAttribute("data-points-map"));
    var data = { features: [] };
    try { data = JSON.parse(source.textContent); } catch (e) { /* keep the server's map */ }
    var svg = el.parentNode.querySelector("[data-points-fallback]");
    var made = baseMap(el, cfg);
    if (svg) { svg.style.display = "none"; }
    var features = data.features || [];
    var latlngs = features.map(function (f) { return L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]); });
    fit(made, latlngs); // the view first: circles cannot be placed on a map without one
    features.forEach(function (f, i) {
      var link = document.createElement("a");
      link.href = f.properties.url;
      link.textContent = f.properties.title;
      link.className = "utrecht-link";
      // a dot of fixed size (as on the server's map): a circle of the grid cell is a speck at town scale; the
      // point is the cell's centre either way, never the place chosen
      L.circleMarker(latlngs[i], { radius: 7, className: "location-map__place", weight: 2, fillOpacity: 0.9 })
        .bindPopup(link)
        .addTo(made.map);
    });
  }

  function start() {
    if (typeof L === "undefined") { return; }
    var cfg = config();
    document.querySelectorAll("[data-location-picker]").forEach(function (el) { picker(el, cfg); });
    document.querySelectorAll("[data-location-map]").forEach(function (el) { place(el, cfg); });
    document.querySelectorAll("[data-points-map]").forEach(function (el) { points(el, cfg); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
