// The 5-year pension projection chart (data from pension/views.py through json_script): one
// stacked bar per year, one colour per kind of position.
(function () {
  "use strict";
  const source = document.getElementById("pensiun-data");
  const canvas = document.getElementById("chart-pensiun");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const COLOURS = ["#1b4f72", "#2e86c1", "#48c9b0", "#f4d03f", "#e67e22", "#a93226", "#6c757d"];
  canvas.parentElement.style.height = "280px";
  Chart.defaults.locale = "id-ID";
  Chart.defaults.maintainAspectRatio = false;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.datasets.map((d, i) => ({...d, backgroundColor: COLOURS[i % COLOURS.length]})),
    },
    options: {
      scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}},
      plugins: {legend: {position: "bottom"}},
    },
  });
})();
