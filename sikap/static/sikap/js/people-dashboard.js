// The workforce dashboard's charts (people/dashboard.html); data from the json_script block.
(function () {
  const data = JSON.parse(document.getElementById("dashboard-data").textContent);
  const fmt = new Intl.NumberFormat("id-ID");
  const hijau = "#0b5d3b", biru = "#2f6fb3", merah = "#c2417a";
  const palet = [hijau, biru, "#e0a100", merah, "#6f42c1", "#20a39e", "#8c564b", "#7f7f7f"];
  Chart.defaults.locale = "id-ID";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 14;

  function bar(id, series, options) {
    options = options || {};
    const horizontal = options.horizontal;
    return new Chart(document.getElementById(id), {
      type: "bar",
      data: { labels: series.labels, datasets: [{ label: "Pegawai", data: series.values, backgroundColor: options.color || hijau }] },
      options: {
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: false } },
        scales: {
          [horizontal ? "x" : "y"]: { beginAtZero: true, grace: "5%", ticks: { precision: 0 } },
          [horizontal ? "y" : "x"]: { ticks: { autoSkip: false } },
        },
      },
    });
  }

  // One bar every 24 px on horizontal charts, so long label lists stay readable on a phone.
  function fit(boxId, series) {
    document.getElementById(boxId).style.height = (series.labels.length * 24 + 60) + "px";
  }
  const narrow = window.matchMedia("(max-width: 575.98px)").matches;
  if (narrow) fit("box-golongan", data.golongan);
  bar("chart-golongan", data.golongan, { horizontal: narrow });
  bar("chart-pendidikan", data.pendidikan, { color: biru });
  bar("chart-jenis-jabatan", data.jenis_jabatan, { horizontal: true, color: "#e0a100" });

  new Chart(document.getElementById("chart-jenis-kelamin"), {
    type: "doughnut",
    data: { labels: data.jenis_kelamin.labels, datasets: [{ data: data.jenis_kelamin.values, backgroundColor: [biru, merah, "#7f7f7f"] }] },
    options: { plugins: { legend: { position: "bottom" } } },
  });

  // Men to the left (negative bars), women to the right, on a symmetric axis so that the two
  // sides compare at a glance; ticks and tooltips show counts.
  const most = Math.max(1, ...data.usia.laki_laki, ...data.usia.perempuan);
  const step = 10 ** Math.floor(Math.log10(most));
  const widest = Math.ceil(most * 1.05 / step) * step;
  new Chart(document.getElementById("chart-usia"), {
    type: "bar",
    data: {
      labels: data.usia.labels,
      datasets: [
        { label: "Laki-laki", data: data.usia.laki_laki.map(n => -n), backgroundColor: biru },
        { label: "Perempuan", data: data.usia.perempuan, backgroundColor: merah },
      ],
    },
    options: {
      indexAxis: "y",
      scales: {
        x: { stacked: true, min: -widest, max: widest,
             ticks: { callback: v => fmt.format(Math.abs(v)), precision: 0 } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { label: c => c.dataset.label + ": " + fmt.format(Math.abs(c.raw)) } },
      },
    },
  });

  fit("box-opd", data.opd);
  bar("chart-opd", data.opd, { horizontal: true });
})();
