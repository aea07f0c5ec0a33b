// The IP ASN per-OPD chart (data from sikap/ipasn/display.py through json_script): one
// horizontal bar per OPD, best first, coloured by category with the categories as the legend.
(function () {
  "use strict";
  const source = document.getElementById("ipasn-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const angka = new Intl.NumberFormat("id-ID", {maximumFractionDigits: 2});
  // The same colours as the SAKIP predikat bands and the .band-N badges: 0 best … 4 worst.
  const BAND = ["#116b3a", "#4d9a2a", "#b58100", "#d9480f", "#b02a37"];
  const colour = (rank) => rank === null ? "#6c757d" : BAND[rank];
  const canvas = document.getElementById("chart-opd");
  canvas.parentElement.style.height = Math.max(220, 80 + 24 * data.labels.length) + "px";
  Chart.defaults.locale = "id-ID";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = "#343a40";
  new Chart(canvas, {
    type: "bar",
    data: {labels: data.labels, datasets: [{label: "IP ASN", data: data.total, backgroundColor: data.rank.map(colour)}]},
    options: {
      indexAxis: "y",
      scales: {
        x: {min: 0, max: 100},
        y: {ticks: {autoSkip: false, callback(v) {
          const label = this.getLabelForValue(v);
          return canvas.parentElement.clientWidth < 560 && label.length > 18 ? label.slice(0, 17) + "…" : label;
        }}},
      },
      plugins: {
        legend: {position: "bottom", onClick: null, labels: {generateLabels: () => data.bands.map((b) => ({
          text: `${b.label} (≤ ${angka.format(b.upper)})`, fillStyle: colour(b.rank), strokeStyle: colour(b.rank), lineWidth: 0,
        }))}},
        tooltip: {callbacks: {
          title: (items) => data.full[items[0].dataIndex],
          label: (c) => `IP ASN ${angka.format(data.total[c.dataIndex])} — ${data.kategori[c.dataIndex]}`,
        }},
      },
    },
  });
})();
