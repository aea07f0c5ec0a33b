// The monitoring map (attendance/pantau.html; data from monitoring.peta through json_script):
// each office as its geofence circle, each accepted check-in of the day as a dot. Tiles only
// when SIKAP_PETA_TILE_URL is set; without them the shapes stand on a plain background.
(function () {
  "use strict";
  const element = document.getElementById("peta");
  const source = document.getElementById("peta-data");
  if (!element || !source || typeof L === "undefined") return;
  const data = JSON.parse(source.textContent);
  const map = L.map(element, {scrollWheelZoom: false, attributionControl: !!element.dataset.tiles});
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {maxZoom: 19, attribution: element.dataset.atribusi})
      .addTo(map);
  }
  // Labels as text nodes: names come from the database and never become markup.
  const label = (text) => {
    const span = document.createElement("span");
    span.textContent = text;
    return span;
  };
  const bounds = L.latLngBounds([]);
  for (const k of data.kantor) {
    const circle = L.circle([k.lat, k.lon], {radius: k.radius_m, color: "#1b4f72", weight: 2,
                                             fillOpacity: 0.15}).addTo(map);
    circle.bindTooltip(label(`${k.nama} (radius ${k.radius_m} m)`));
    bounds.extend(circle.getLatLng().toBounds(k.radius_m * 2));
  }
  for (const t of data.titik) {
    const colour = t.jenis === "masuk" ? "#198754" : "#6f42c1";
    L.circleMarker([t.lat, t.lon], {radius: 6, color: "#fff", weight: 1, fillColor: colour,
                                    fillOpacity: 0.9})
      .bindTooltip(label(`${t.nama}: ${t.jenis} ${t.jam}${t.lokasi ? " di " + t.lokasi : ""}`))
      .addTo(map);
    bounds.extend([t.lat, t.lon]);
  }
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [16, 16], maxZoom: 17});
  } else {
    map.setView([-2.5, 118], 4);  // nothing to show: Indonesia
  }
})();
