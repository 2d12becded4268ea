/* Carto Desktop interactive map: draws the data written by carto_desktop/interactive.py with Leaflet.
   Everything it needs is in this file's page; it asks the network for nothing. MIT licence. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("carto-data").textContent);
  var T = D.texts, U = D.ui, C = D.colours, A = D.areas;
  var SEP = D.lang === "fr" ? "\u00a0: " : ": ";
  var FADED = 0.12;
  var sector = null;  /* the sector shown, on a sectors map */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  document.getElementById("title").textContent = T.title;
  document.getElementById("subtitle").textContent = T.subtitle;
  document.getElementById("about").textContent = U.about;
  document.getElementById("sources").textContent = T.sources;
  document.getElementById("meta").textContent = T.meta;
  document.getElementById("disclaimer").textContent = T.disclaimer;
  var footnote = document.getElementById("footnote");  /* rows not on the map: always in sight, as on paper */
  footnote.textContent = T.footnote;
  footnote.hidden = !T.footnote;

  /* coordinates: integers on a grid of D.step metres from D.origin, each ring delta-encoded */
  var ox = D.origin[0], oy = D.origin[1], st = D.step;
  function ring(r) {
    var out = [], x = 0, y = 0;
    for (var i = 0; i < r.length; i += 2) { x += r[i]; y += r[i + 1]; out.push([oy + y * st, ox + x * st]); }
    return out;
  }
  function polys(g) { return g.map(function (p) { return p.map(ring); }); }
  function point(xy, i) { return [oy + xy[2 * i + 1] * st, ox + xy[2 * i] * st]; }

  var renderer = D.canvas ? L.canvas({ padding: 0.3 }) : L.svg({ padding: 0.3 });
  var map = L.map("map", {
    crs: L.CRS.Simple, minZoom: -30, maxZoom: 10, zoomSnap: 0.25, zoomDelta: 0.5, wheelPxPerZoomLevel: 90,
    attributionControl: false, zoomControl: false, renderer: renderer
  });
  map.getContainer().style.background = C.water;
  L.control.zoom({ position: "topleft", zoomInTitle: U.zoom_in, zoomOutTitle: U.zoom_out }).addTo(map);
  /* back to the whole map, under the zoom buttons */
  var reset = L.control({ position: "topleft" });
  var rbtn = el("button", "carto-reset", "\u2302");
  rbtn.type = "button"; rbtn.title = U.reset; rbtn.setAttribute("aria-label", U.reset);
  reset.onAdd = function () { L.DomEvent.disableClickPropagation(rbtn); return rbtn; };
  reset.addTo(map);
  rbtn.addEventListener("click", function () { resetAll(); });
  var view = L.latLngBounds([D.view[1], D.view[0]], [D.view[3], D.view[2]]);
  map.fitBounds(view, { padding: [8, 8] });
  var home = map.getZoom();
  map.setMinZoom(home - 1);
  map.setMaxZoom(home + 8);
  L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
  var places = map.createPane("carto-places");
  places.style.zIndex = 620;
  places.style.pointerEvents = "none";
  var labelsPane = map.createPane("carto-labels");
  labelsPane.style.zIndex = 630;
  labelsPane.style.pointerEvents = "none";
  var top = map.createPane("carto-top");
  top.style.zIndex = 640;
  top.style.pointerEvents = "none";

  /* hatch patterns as on the static page: grey "/" for "no data"; for the blank areas of a region reported
     for as a whole (rows naming only the region), the region's purple, the other way */
  function makeHatch(id, colour, rising, clear) {  /* clear: no white ground (over a sector's colours) */
    if (!D.canvas) {
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("width", "0"); svg.setAttribute("height", "0"); svg.style.position = "absolute";
      var pattern = document.createElementNS(ns, "pattern");
      pattern.setAttribute("id", id); pattern.setAttribute("patternUnits", "userSpaceOnUse");
      pattern.setAttribute("width", "6"); pattern.setAttribute("height", "6");
      pattern.setAttribute("patternTransform", rising ? "rotate(45)" : "rotate(-45)");
      var bg = document.createElementNS(ns, "rect");
      bg.setAttribute("width", "6"); bg.setAttribute("height", "6"); bg.setAttribute("fill", "#ffffff");
      var stripe = document.createElementNS(ns, "rect");
      stripe.setAttribute("width", "1.2"); stripe.setAttribute("height", "6"); stripe.setAttribute("fill", colour);
      if (!clear) { pattern.appendChild(bg); }
      pattern.appendChild(stripe); svg.appendChild(pattern); document.body.appendChild(svg);
      return "url(#" + id + ")";
    }
    /* on a canvas, the same hatch as a pattern (Leaflet hands fillColor to the canvas as it is) */
    var tile = document.createElement("canvas");
    tile.width = tile.height = 6;
    var g = tile.getContext("2d");
    if (!clear) { g.fillStyle = "#ffffff"; g.fillRect(0, 0, 6, 6); }
    g.strokeStyle = colour; g.lineWidth = 1;
    g.beginPath();
    if (rising) { g.moveTo(-1, 7); g.lineTo(7, -1); } else { g.moveTo(-1, -1); g.lineTo(7, 7); }
    g.stroke();
    return g.createPattern(tile, "repeat");
  }
  var hatch = makeHatch("carto-hatch", "#9e9e9e", true);
  var largerHatch = D.larger ? makeHatch("carto-larger-hatch", D.larger.edge, false) : null;
  var regionHatch = D.larger && D.larger.sector ? makeHatch("carto-region-hatch", D.larger.edge, false, true) : null;

  /* the offline tile pack, one picture under everything */
  if (D.basemap) {
    var bb = D.basemap.bounds;
    L.imageOverlay(D.basemap.image, [[bb[1], bb[0]], [bb[3], bb[2]]], { interactive: false }).addTo(map);
  }
  /* neighbouring countries, light grey (only outlined over a tile pack), with their names */
  D.neighbours.geoms.forEach(function (g) {
    L.polygon(polys(g), {
      fillColor: C.neighbours, fillOpacity: D.basemap ? 0 : 1, color: D.basemap ? "#666666" : "#b0b0b0", weight: 0.7,
      interactive: false
    }).addTo(map);
  });
  /* a name nobody can point at (a neighbouring country, a region around): `cls` gives its look */
  function contextName(lab, cls) {
    L.marker(point(lab.xy, 0), {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: cls, html: el("span", null, lab.name), iconSize: null })
    }).addTo(map);
  }
  D.neighbours.labels.forEach(function (lab) { contextName(lab, "carto-country"); });

  /* the regions around a region's map: their borders and names, light grey, as on the static page */
  if (D.context) {
    if (D.context.borders.length) {
      L.polyline(D.context.borders.map(function (l) { return ring(l); }), {
        color: D.context.edge, weight: 0.8, interactive: false
      }).addTo(map);
    }
    D.context.labels.forEach(function (lab) { contextName(lab, "carto-context"); });
  }

  var kind = D.kind;
  var light = kind === "points" || kind === "symbols" || kind === "sectors";
  var grid = kind === "grid";
  var admin = null, placeLayers = [];
  if (grid) {  /* admin areas white under the cells, outlined in grey above them */
    admin = D.places;
    admin.geoms.forEach(function (g) {
      L.polygon(polys(g), { fillColor: "#ffffff", fillOpacity: 1, stroke: false, interactive: false }).addTo(map);
    });
  }

  var anyAbsent = kind === "presence" && A.entry && A.entry.some(function (e) { return e !== 0; });
  var edge = light ? C.base_edge : (anyAbsent ? C.base_edge : C.area_edge);
  function baseFill(i) {
    if (A.larger && A.larger[i] && largerHatch) { return largerHatch; }
    if (light) { return C.base; }
    if (A.no_data && A.no_data[i] && hatch && kind === "choropleth") { return hatch; }
    return A.palette[A.fill[i]];
  }
  var areaLayers = A.geoms.map(function (g, i) {
    var layer = L.polygon(polys(g), {
      fillColor: baseFill(i), fillOpacity: 1, color: edge, weight: A.geoms.length > 3000 ? 0.25 : (light ? 0.6 : 0.5),
      cartoArea: i
    });
    layer.on("mouseover", function () { show(i); });
    layer.on("mouseout", function () { if (pinned === null) { clear(); } });
    layer.on("click", function (ev) { L.DomEvent.stopPropagation(ev); pin(i); });
    return layer.addTo(map);
  });
  if (grid) {
    placeLayers = admin.geoms.map(function (g) {
      return L.polygon(polys(g), { fill: false, color: "#8c8c8c", weight: 0.8, interactive: false }).addTo(map);
    });
  }
  /* rivers and lakes over the areas (they do not catch the pointer), as on the static page */
  var R = D.reference;
  R.rivers.forEach(function (r) {
    L.polyline(r.lines.map(function (l) { return ring(l); }), {
      color: R.colours.water_edge, weight: r.wide ? 1.6 : 1, interactive: false
    }).addTo(map);
  });
  R.lakes.forEach(function (lake) {
    L.polygon(polys(lake.geom), {
      fillColor: R.colours.water, fillOpacity: 1, color: R.colours.water_edge, weight: 0.7, interactive: false
    }).addTo(map);
    if (lake.name) { label(point(lake.spot, 0), lake.name, "carto-lake"); }
  });
  function label(latlng, text, cls) {
    return L.marker(latlng, {
      interactive: false, keyboard: false, pane: "carto-labels",
      icon: L.divIcon({ className: cls, html: el("span", null, text), iconSize: null })
    }).addTo(map);
  }
  D.parents.forEach(function (g) {
    L.polygon(polys(g), { fill: false, color: C.parent_edge, weight: 1.2, interactive: false }).addTo(map);
  });
  var largerLayers = [];  /* regions the table reports for as a whole, outlined boldly as on the static page */
  if (D.larger) {
    D.larger.outlines.forEach(function (g) {
      largerLayers.push(L.polygon(polys(g), regionHatch ?  /* a sectors map: shown with the sector it reports */
        { fill: true, fillColor: regionHatch, fillOpacity: 0, opacity: 0, color: D.larger.edge, weight: 2,
          interactive: false } :
        { fill: false, color: D.larger.edge, weight: 2, interactive: false }).addTo(map));
    });
  }
  D.outer.forEach(function (g) {
    L.polygon(polys(g), { fill: false, color: "#333333", weight: 1.6, interactive: false }).addTo(map);
  });

  /* the capital and the main towns, named */
  R.towns.forEach(function (t) {
    L.circleMarker(point(t.xy, 0), {
      radius: 2.6, fillColor: R.colours.town, fillOpacity: 1, color: "#ffffff", weight: 0.8, interactive: false,
      pane: "carto-places"
    }).addTo(map);
    label(point(t.xy, 0), t.name, "carto-town");
  });
  R.capital.forEach(function (c) {
    label(point(c.xy, 0), "\u2605", "carto-star");
    label(point(c.xy, 0), c.name, "carto-town carto-capital");
  });

  /* symbols: circles whose area is proportional to the value, largest first */
  var symbolLayers = [];
  if (D.symbols) {
    var order = D.symbols.r.map(function (r, i) { return i; }).filter(function (i) {
      return D.symbols.r[i] !== null || D.symbols.hidden[i];
    });
    order.sort(function (a, b) { return (D.symbols.r[b] || 0) - (D.symbols.r[a] || 0); });
    order.forEach(function (i) {
      var hidden = D.symbols.r[i] === null;
      var c = L.circleMarker(point(D.symbols.xy, i), {
        radius: hidden ? 3.5 : D.symbols.r[i], fillColor: D.symbols.fill[i], fillOpacity: hidden ? 1 : 0.8,
        color: hidden ? "#737373" : "#ffffff", weight: hidden ? 1 : 0.8
      }).addTo(map);
      c.cartoIndex = i;
      c.on("mouseover", function () { show(i); });
      c.on("mouseout", function () { if (pinned === null) { clear(); } });
      c.on("click", function (ev) { L.DomEvent.stopPropagation(ev); pin(i); });
      symbolLayers.push(c);
    });
  }
  /* sites */
  var pointLayers = [];
  if (D.points) {
    var P = D.points;
    /* drawn in legend order, the most frequent first, so the rare ones (the capital) stay on top */
    var byEntry = P.entry.map(function (e, j) { return j; });
    byEntry.sort(function (a, b) { return P.entry[a] - P.entry[b] || a - b; });
    byEntry.forEach(function (j) {
      (function () {
        var shared = P.here && P.here[j] > 1;  /* a dot for several sites: ringed, as on the static page */
        var m = L.circleMarker(point(P.xy, j), {
          radius: 5, fillColor: P.fill[j], fillOpacity: 1, color: shared ? P.ring : "#ffffff", weight: shared ? 2 : 1
        }).addTo(map);
        m.cartoIndex = j;
        m.on("mouseover", function () { showSite(j); });
        m.on("mouseout", function () { if (pinned === null) { clear(); } });
        m.on("click", function (ev) { L.DomEvent.stopPropagation(ev); pinned = -1; showSite(j); });
        pointLayers.push(m);
      })();
    });
  }

  /* the info box: what the hovered or tapped area is */
  var info = L.control({ position: "topright" });
  var infoBox = el("div", "carto-info");
  infoBox.setAttribute("aria-live", "polite");
  info.onAdd = function () { L.DomEvent.disableClickPropagation(infoBox); return infoBox; };
  info.addTo(map);
  var pinned = null, outline = null;
  function line(text, cls) { infoBox.appendChild(el("div", cls, text)); }
  function clear() {
    infoBox.textContent = "";
    line(U.hint, "carto-hint");
    if (outline) { map.removeLayer(outline); outline = null; }
  }
  function drawOutline(latlngs) {
    if (outline) { map.removeLayer(outline); }
    outline = L.layerGroup([
      L.polygon(latlngs, { fill: false, color: "#ffffff", weight: 5, pane: "carto-top", interactive: false }),
      L.polygon(latlngs, { fill: false, color: "#111111", weight: 2.5, pane: "carto-top", interactive: false })
    ]).addTo(map);
  }
  function show(i) {
    infoBox.textContent = "";
    line(grid ? D.cell : (A.names[i] || ""), "carto-name");
    if (!grid && A.parents && A.parents[i]) { line(A.parents[i], "carto-rows"); }
    if (sector !== null) {
      var here = D.sectors.present[sector].indexOf(i) >= 0;
      line(D.sectors.names[sector].replace(/ \(\d+\)$/, "") + SEP +
           (here ? D.legend.entries[0].label : D.legend.entries[1].label), "carto-value");
    } else if (A.value) {
      line(A.value[i], "carto-value");
      if (A.rows[i] !== null) { line(U.rows + SEP + A.rows[i], "carto-rows"); }
    }
    drawOutline(areaLayers[i].getLatLngs());
  }
  function showSite(j) {
    infoBox.textContent = "";
    var label = D.points.labels && D.points.labels[D.points.entry[j]];
    line(D.points.labels.length > 1 ? label : U.site, "carto-name");
    var P = D.points;
    if (P.here && P.here[j] > 1) {  /* several sites at these coordinates, drawn as one dot */
      line(U.sites_here.replace("{n}", String(P.here[j])), "carto-rows");
      if (P.labels.length > 1) {
        var kinds = [];
        P.group.forEach(function (g, k) {
          var name = P.labels[P.entry[k]];
          if (g === P.group[j] && kinds.indexOf(name) < 0) { kinds.push(name); }
        });
        if (kinds.length > 1) { line(kinds.join(", "), "carto-rows"); }
      }
    }
    if (outline) { map.removeLayer(outline); outline = null; }
  }
  function pin(i) { pinned = i; show(i); }
  map.on("click", function () { pinned = null; clear(); });
  clear();

  /* the legend: classes clickable to show their areas */
  var active = null, entryOf = null;
  if (A.entry) { entryOf = function (i) { return A.entry[i]; }; }
  function emphasise(k) {
    active = (active === k) ? null : k;
    var items = legendBox.querySelectorAll(".carto-entry");
    for (var n = 0; n < items.length; n++) {
      items[n].classList.toggle("carto-active", active !== null && +items[n].dataset.entry === active);
      items[n].setAttribute("aria-pressed", String(active !== null && +items[n].dataset.entry === active));
    }
    if (D.points) {
      pointLayers.forEach(function (m) {
        var on = active === null || D.points.entry[m.cartoIndex] === active;
        m.setStyle({ fillOpacity: on ? 1 : FADED, opacity: on ? 1 : FADED });
      });
      return;
    }
    if (D.symbols) {
      symbolLayers.forEach(function (c) {
        var on = active === null || A.entry[c.cartoIndex] === active;
        c.setStyle({ fillOpacity: on ? 0.8 : FADED, opacity: on ? 1 : FADED });
      });
    }
    areaLayers.forEach(function (layer, i) {
      var on = active === null || currentEntry(i) === active;
      layer.setStyle({ fillOpacity: on ? 1 : FADED });
    });
  }
  function currentEntry(i) {
    if (sector !== null) { return D.sectors.present[sector].indexOf(i) >= 0 ? 0 : 1; }
    return entryOf ? entryOf(i) : -1;
  }
  var legend = L.control({ position: "bottomright" });
  var legendBox = el("details", "carto-legend");
  legendBox.open = window.innerWidth > 480 || window.innerHeight > 700;
  legend.onAdd = function () {
    L.DomEvent.disableClickPropagation(legendBox);
    L.DomEvent.disableScrollPropagation(legendBox);
    return legendBox;
  };
  function swatch(e) {
    var s = el("span", "carto-swatch carto-" + e.shape);
    if (e.shape === "circle") {
      s.style.width = s.style.height = (2 * e.size) + "px";
      s.style.background = e.colour;
      s.style.borderColor = e.edge;
      var box = el("span", "carto-circle-box");
      box.style.width = (2 * maxCircle()) + "px";
      box.appendChild(s);
      return box;
    }
    if (e.shape === "star") { s.textContent = "\u2605"; s.style.color = e.colour; return s; }
    if (e.shape === "line") { s.style.borderColor = e.colour; return s; }
    if (e.shape === "larger") { s.style.color = e.edge; s.style.borderColor = e.edge; return s; }
    s.style.background = e.shape === "hatched" ? "" : e.colour;
    if (e.shape === "hatched") { s.style.backgroundColor = e.colour; }
    s.style.borderColor = e.shape === "marker" ? "#ffffff" : e.edge;
    return s;
  }
  function maxCircle() {
    return Math.max.apply(null, D.legend.entries.map(function (e) { return e.shape === "circle" ? e.size : 0; }));
  }
  function fillLegend() {
    legendBox.textContent = "";
    legendBox.appendChild(el("summary", "carto-legend-title", U.legend));
    legendBox.appendChild(el("div", "carto-heading", D.legend.heading));
    D.legend.notes.forEach(function (n) { legendBox.appendChild(el("div", "carto-note", n)); });
    var list = el("div", "carto-entries");
    var all = D.legend.entries.slice();
    if (D.legend.no_data) { all.push(D.legend.no_data); }
    var used = {};
    var n = D.points ? D.points.entry.length : A.geoms.length;
    for (var i = 0; i < n; i++) { used[D.points ? D.points.entry[i] : currentEntry(i)] = true; }
    function largerRow() {  /* rows naming only a region: a line of its own, before "no data" as on paper */
      var row = el("div", "carto-entry carto-static carto-larger-entry");
      row.appendChild(swatch(D.legend.larger));
      row.appendChild(el("span", "carto-label", D.legend.larger.label));
      return row;
    }
    all.forEach(function (e, k) {
      if (D.legend.larger && k === D.legend.entries.length) { list.appendChild(largerRow()); }
      var row = el("div", "carto-entry" + (D.legend.no_data && k === all.length - 1 ? " carto-no-data" : ""));
      var shown = e;
      if (sector !== null && k === 0) { shown = Object.assign({}, e, { colour: D.sectors.colours[sector] }); }
      row.appendChild(swatch(shown));
      row.appendChild(el("span", "carto-label", e.label));
      row.dataset.entry = k;
      if (used[k]) {
        row.tabIndex = 0;
        row.setAttribute("role", "button");
        row.setAttribute("aria-pressed", "false");
        row.title = U.legend_hint;
        row.addEventListener("click", function () { emphasise(k); });
        row.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); emphasise(k); }
        });
      } else {
        row.classList.add("carto-static");
      }
      list.appendChild(row);
    });
    if (D.legend.larger && all.length === D.legend.entries.length) { list.appendChild(largerRow()); }
    legendBox.appendChild(list);
    if (D.legend.reference.length) {
      var refs = el("div", "carto-entries carto-reference");
      D.legend.reference.forEach(function (e) {
        var row = el("div", "carto-entry carto-static");
        row.appendChild(swatch(e));
        row.appendChild(el("span", "carto-label", e.label));
        refs.appendChild(row);
      });
      legendBox.appendChild(refs);
    }
  }

  /* sectors: one map, the sector chosen in a list */
  if (D.sectors && D.sectors.names.length) {
    sector = 0;
    var chooser = L.control({ position: "topleft" });
    var wrap = el("label", "carto-sector");
    wrap.appendChild(el("span", null, U.sector));
    var select = el("select");
    D.sectors.names.forEach(function (name, k) {
      var o = el("option", null, name); o.value = String(k); select.appendChild(o);
    });
    wrap.appendChild(select);
    chooser.onAdd = function () { L.DomEvent.disableClickPropagation(wrap); return wrap; };
    chooser.addTo(map);
    select.addEventListener("change", function () { sector = +select.value; paintSector(); });
  }
  function paintSector() {
    var here = {};
    D.sectors.present[sector].forEach(function (i) { here[i] = true; });
    areaLayers.forEach(function (layer, i) {
      layer.setStyle({ fillColor: here[i] ? D.sectors.colours[sector] : C.base, color: "#ffffff", fillOpacity: 1 });
    });
    largerLayers.forEach(function (layer, k) {
      var on = D.larger.sector && D.larger.sector[k] === sector;
      layer.setStyle({ opacity: on ? 1 : 0, fillOpacity: on ? 1 : 0 });
    });
    active = null;
    fillLegend();
    if (pinned !== null && pinned >= 0) { show(pinned); }
  }
  if (sector !== null) { paintSector(); } else { fillLegend(); }
  legend.addTo(map);

  /* search over area names: the first match is zoomed to */
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  var names = grid ? admin.names : A.names;
  var folded = names.map(fold);
  var search = L.control({ position: "topleft" });
  var sbox = el("div", "carto-search");
  var input = el("input");
  input.type = "search"; input.placeholder = U.search; input.setAttribute("aria-label", U.search);
  var results = el("ul", "carto-results");
  results.setAttribute("role", "listbox");
  sbox.appendChild(input); sbox.appendChild(results);
  search.onAdd = function () {
    L.DomEvent.disableClickPropagation(sbox); L.DomEvent.disableScrollPropagation(sbox); return sbox;
  };
  if (names.length) { search.addTo(map); }
  function matches(q) {
    q = fold(q);
    if (!q) { return []; }
    var first = [], then = [];
    folded.forEach(function (n, i) {
      if (n.indexOf(q) === 0) { first.push(i); } else if (n.indexOf(q) > 0) { then.push(i); }
    });
    return first.concat(then).slice(0, 8);
  }
  function listResults() {
    results.textContent = "";
    var found = matches(input.value);
    if (input.value.trim() && !found.length) { results.appendChild(el("li", "carto-none", U.no_match)); }
    found.forEach(function (i) {
      var li = el("li", null, names[i]);
      if (!grid && A.parents && A.parents[i]) { li.appendChild(el("span", "carto-parent", " \u2014 " + A.parents[i])); }
      li.setAttribute("role", "option");
      li.addEventListener("click", function () { choose(i); });
      results.appendChild(li);
    });
    return found;
  }
  function choose(i) {
    results.textContent = "";
    input.value = names[i];
    var layer = grid ? placeLayers[i] : areaLayers[i];
    map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: home + 5 });
    if (grid) {
      pinned = -1;
      infoBox.textContent = "";
      line(names[i], "carto-name");
      drawOutline(layer.getLatLngs());
    } else {
      pin(i);
    }
  }
  input.addEventListener("input", listResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var found = listResults(); if (found.length) { choose(found[0]); } }
    if (ev.key === "Escape") { results.textContent = ""; }
  });

  function resetAll() {
    map.fitBounds(view, { padding: [8, 8] });
    pinned = null; clear();
    if (active !== null) { emphasise(active); }
    input.value = ""; results.textContent = "";
  }

  /* area names where they fit, largest areas first, never overlapping (points and symbols maps name none,
     as on the static page; over hexagons the admin areas are named, never the cells) */
  var labelPane = map.createPane("carto-area-labels");
  labelPane.style.zIndex = 625;
  labelPane.style.pointerEvents = "none";
  var labelNames = grid ? admin.names : ((kind === "points" || kind === "symbols") ? [] : A.names);
  var labelBounds = labelNames.map(function (n, i) { return (grid ? placeLayers[i] : areaLayers[i]).getBounds(); });
  var labelSpots = labelNames.map(function (n, i) {
    return grid ? labelBounds[i].getCenter() : point(A.spots, i);
  });
  var shownLabels = 0, townNames = {};  /* a cercle named like its town is named once, by the town */
  R.towns.concat(R.capital).forEach(function (t) { townNames[fold(t.name)] = true; });
  function placeLabels() {
    labelPane.textContent = "";
    shownLabels = 0;
    if (!labelNames.length) { return; }
    var view = map.getBounds(), taken = [], candidates = [];
    R.towns.concat(R.capital).forEach(function (t) {  /* town names come first, as on the static page */
      var q = map.latLngToContainerPoint(point(t.xy, 0));
      taken.push([q.x - 4, q.y - 8, q.x + 10 + t.name.length * 6.6, q.y + 8]);
    });
    labelNames.forEach(function (name, i) {
      var b = labelBounds[i];
      if (!name || townNames[fold(name)] || !view.intersects(b)) { return; }
      var sw = map.latLngToContainerPoint(b.getSouthWest()), ne = map.latLngToContainerPoint(b.getNorthEast());
      var w = ne.x - sw.x, h = sw.y - ne.y, tw = name.length * 6.3 + 4;
      if (w >= tw && h >= 16) { candidates.push([w * h, i, tw]); }
    });
    candidates.sort(function (a, b) { return b[0] - a[0]; });
    for (var c = 0; c < candidates.length && shownLabels < 250; c++) {
      var i = candidates[c][1], tw = candidates[c][2];
      var p = map.latLngToContainerPoint(labelSpots[i]);
      var box = [p.x - tw / 2 - 2, p.y - 8, p.x + tw / 2 + 2, p.y + 8];
      var free = taken.every(function (t) { return box[2] < t[0] || box[0] > t[2] || box[3] < t[1] || box[1] > t[3]; });
      if (!free) { continue; }
      taken.push(box);
      var tag = el("div", "carto-area-label", labelNames[i]);
      labelPane.appendChild(tag);
      L.DomUtil.setPosition(tag, map.containerPointToLayerPoint(p));
      shownLabels += 1;
    }
  }
  map.on("zoomend moveend", placeLabels);
  placeLabels();

  /* for tests and curious readers: what was drawn */
  window.cartoMap = {
    map: map,
    drawnAreas: function () {
      var n = 0;
      map.eachLayer(function (l) { if (l.options && l.options.cartoArea !== undefined) { n += 1; } });
      return n;
    },
    drawnPoints: function () { return pointLayers.length; },
    largerRegions: function () {  /* regions outlined now (a sectors map: those of the sector shown) */
      return largerLayers.filter(function (l) { return l.options.opacity !== 0; }).length;
    },
    showSector: function (k) { sector = k; select.value = String(k); paintSector(); },  /* as the chooser does */
    largerAreas: function () {  /* areas drawn with the region's hatch */
      return areaLayers.filter(function (l) { return l.options.fillColor === largerHatch && largerHatch; }).length;
    },
    shownLabels: function () { return shownLabels; },
    homeZoom: home,
    screenPointOf: function (i) {  /* a point inside area i, in page pixels */
      var p = map.latLngToContainerPoint(point(A.spots, i));
      var r = map.getContainer().getBoundingClientRect();
      return [r.left + p.x, r.top + p.y];
    }
  };
  document.documentElement.setAttribute("data-ready", "1");
})();
