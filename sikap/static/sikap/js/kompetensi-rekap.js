// The competency recap chart (data from sikap/competency/results.py through json_script): per
// competency, the takers at each level reached 0–5 as one stacked horizontal bar.
(function () {
  "use strict";
  const source = document.getElementById("rekap-data");
  const canvas = document.getElementById("rekap-kompetensi");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const COLOURS = ["#b02a37", "#d9480f", "#b58100", "#4d9a2a", "#116b3a", "#0b3d26"];
  Chart.defaults.locale = "id-ID";
  Chart.defaults.font.size = 12;
  Chart.defaults.color = "#343a40";
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.per_level.map((counts, level) => ({label: `Level ${level}`, data: counts, backgroundColor: COLOURS[level]})),
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      scales: {
        x: {stacked: true, title: {display: true, text: "peserta"}},
        y: {stacked: true, ticks: {autoSkip: false, callback(v) {
          const label = this.getLabelForValue(v);
          return canvas.parentElement.clientWidth < 560 && label.length > 16 ? label.slice(0, 15) + "…" : label;
        }}},
      },
      plugins: {legend: {position: "bottom"}, tooltip: {callbacks: {
        title: (items) => data.labels[items[0].dataIndex],
        afterTitle: (items) => {
          const share = data.memenuhi[items[0].dataIndex];
          return share === null ? "" : `Memenuhi standar: ${share}%`;
        },
      }}},
    },
  });
})();
