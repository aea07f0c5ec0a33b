// The competency result radar (data from sikap/competency/results.py through json_script):
// the level reached per competency against the position's standard, on the 0–5 scale.
(function () {
  "use strict";
  const source = document.getElementById("kompetensi-data");
  const canvas = document.getElementById("radar-kompetensi");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const narrow = () => canvas.parentElement.clientWidth < 480;
  const datasets = [{
    label: "Level dicapai", data: data.hasil,
    borderColor: "#116b3a", backgroundColor: "rgba(17, 107, 58, 0.22)", pointRadius: 3,
  }];
  if (data.standar.some((s) => s !== null)) {
    datasets.push({
      label: "Standar jabatan", data: data.standar,
      borderColor: "#b02a37", backgroundColor: "transparent", borderDash: [6, 4], pointRadius: 2,
    });
  }
  Chart.defaults.locale = "id-ID";
  Chart.defaults.font.size = 12;
  Chart.defaults.color = "#343a40";
  new Chart(canvas, {
    type: "radar",
    data: {labels: data.labels, datasets: datasets},
    options: {
      maintainAspectRatio: false,
      scales: {r: {min: 0, max: 5, ticks: {stepSize: 1, backdropColor: "transparent"},
        pointLabels: {font: {size: narrow() ? 10 : 12}, callback: (label) => narrow() && label.length > 14 ? label.split(" ") : label}}},
      plugins: {legend: {position: "bottom"}},
    },
  });
})();
