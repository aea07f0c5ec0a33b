// The SAKIP dashboard's charts (performance/dashboard.html); data from the json_script block.
(function () {
  const data = JSON.parse(document.getElementById("sakip-data").textContent);
  const rp = new Intl.NumberFormat("id-ID", {style: "currency", currency: "IDR", maximumFractionDigits: 0});
  const pct = new Intl.NumberFormat("id-ID", {maximumFractionDigits: 2});
  const hijau = "#0b5d3b", biru = "#2f6fb3", kuning = "#e0a100", merah = "#c2417a";
  Chart.defaults.locale = "id-ID";
  Chart.defaults.maintainAspectRatio = false;
  const warna = (v) => v === null ? "#adb5bd" : (v >= 100 ? hijau : (v >= 76 ? kuning : merah));
  const persenOpsi = (indexAxis) => ({
    indexAxis,
    plugins: {legend: {display: false}, tooltip: {callbacks: {label: (c) => pct.format(c.parsed[indexAxis === "y" ? "x" : "y"]) + " %"}}},
  });
  new Chart(document.getElementById("chart-iku"), {
    type: "bar",
    data: {labels: data.iku.labels, datasets: [{data: data.iku.capaian, backgroundColor: data.iku.capaian.map(warna)}]},
    options: persenOpsi("x"),
  });
  new Chart(document.getElementById("chart-indikator"), {
    type: "bar",
    data: {labels: data.indikator.labels, datasets: [{data: data.indikator.capaian, backgroundColor: data.indikator.capaian.map(warna)}]},
    options: persenOpsi("y"),
  });
  const uang = {ticks: {callback: (v) => rp.format(v)}};
  new Chart(document.getElementById("chart-program"), {
    type: "bar",
    data: {labels: data.program.labels, datasets: [
      {label: "Anggaran", data: data.program.anggaran, backgroundColor: biru},
      {label: "Realisasi", data: data.program.realisasi, backgroundColor: hijau},
    ]},
    options: {scales: {y: uang}, plugins: {tooltip: {callbacks: {label: (c) => c.dataset.label + ": " + rp.format(c.parsed.y)}}}},
  });
  const palet = [hijau, biru, kuning, merah, "#6f42c1"];
  new Chart(document.getElementById("chart-triwulan"), {
    type: "bar",
    data: {labels: data.triwulan.labels, datasets: data.triwulan.program.map((p, i) => ({label: "Program " + p.label, data: p.data, backgroundColor: palet[i % palet.length]}))},
    options: {scales: {x: {stacked: true}, y: {stacked: true, ...uang}}, plugins: {tooltip: {callbacks: {label: (c) => c.dataset.label + ": " + rp.format(c.parsed.y)}}}},
  });
})();
