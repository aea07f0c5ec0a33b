// The SAKIP dashboard's charts (data from sikap/performance/charts.py through json_script).
// Capaian charts: horizontal bars coloured by predikat band with the bands as the legend, a
// 100 % line, bars above `clip` drawn clipped with their value written on them. Money charts:
// blues by series. Labels are short on the axis and whole in the tooltip.
(function () {
  "use strict";
  const source = document.getElementById("sakip-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const rp = new Intl.NumberFormat("id-ID", {style: "currency", currency: "IDR", maximumFractionDigits: 0});
  const pct = new Intl.NumberFormat("id-ID", {maximumFractionDigits: 2});
  // The .band-N colours of sikap.css, best first.
  const BAND_COLOURS = ["#116b3a", "#4d9a2a", "#b58100", "#d9480f", "#b02a37"];
  const NO_BAND = "#6c757d";
  const MONEY = {anggaran: "#9bbbe0", realisasi: "#1f5fa8"};
  const PROGRAMS = ["#1f5fa8", "#6f42c1", "#3d8bd9", "#a37fdb", "#0b7285", "#5c6bc0"];
  Chart.defaults.locale = "id-ID";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = "#343a40";

  // `rank` is the colour's place (sikap/core/bands.py): 0 best … 4 worst, null for no band.
  const bandColour = (rank) => rank === null ? NO_BAND : BAND_COLOURS[rank];
  const bandText = (b, i) => b.minimum !== null ? `${b.label} (≥ ${pct.format(b.minimum)} %)`
    : i > 0 ? `${b.label} (< ${pct.format(data.bands[i - 1].minimum)} %)` : b.label;
  const compact = new Intl.NumberFormat("id-ID", {notation: "compact", maximumFractionDigits: 1});
  // Axis labels already short from the server get shorter still in a phone-wide chart.
  const fitted = (canvas, limit) => function (v) {
    const label = this.getLabelForValue(v);
    return canvas.parentElement.clientWidth < 560 && label.length > limit ? label.slice(0, limit - 1) + "…" : label;
  };

  // The 100 % line across the value axis, and the real value on bars cut at `clip`.
  const target = {
    id: "sikapTarget",
    afterDatasetsDraw(chart, _args, opts) {
      const {ctx, chartArea, scales: {x, y}} = chart;
      const at = x.getPixelForValue(100);
      ctx.save();
      ctx.strokeStyle = "#212529";
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(at, chartArea.top); ctx.lineTo(at, chartArea.bottom); ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = "#212529";
      ctx.font = "600 12px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.fillText("100 %", at, chartArea.top - 4);
      const meta = chart.getDatasetMeta(0);
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      ctx.fillStyle = "#fff";
      opts.real.forEach((value, i) => {
        if (value > opts.clip) ctx.fillText(`▶ ${pct.format(value)} %`, meta.data[i].x - 6, y.getPixelForValue(i));
      });
      ctx.restore();
    },
  };

  function capaianChart(id, series) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    // 26 px per bar so that every label gets its own line, on a phone too.
    canvas.parentElement.style.height = Math.max(200, 70 + 26 * series.labels.length) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: series.labels,
        datasets: [{
          label: "Capaian",
          data: series.capaian.map((v) => Math.min(v, data.clip)),
          backgroundColor: series.rank.map(bandColour),
        }],
      },
      options: {
        indexAxis: "y",
        layout: {padding: {top: 18}},
        scales: {
          x: {min: 0, max: data.clip, ticks: {callback: (v) => v + " %"}},
          y: {ticks: {autoSkip: false, callback: fitted(canvas, 20)}},
        },
        plugins: {
          sikapTarget: {clip: data.clip, real: series.capaian},
          legend: {
            position: "bottom",
            onClick: null,
            labels: {generateLabels: () => data.bands.map((b, i) => ({
              text: bandText(b, i), fillStyle: bandColour(b.rank), strokeStyle: bandColour(b.rank), lineWidth: 0,
            }))},
          },
          tooltip: {callbacks: {
            title: (items) => series.full[items[0].dataIndex],
            label: (c) => {
              const i = c.dataIndex, band = series.band[i];
              const name = band === null ? "" : " — " + data.bands[band].label;
              return `Capaian ${pct.format(series.capaian[i])} %${name}`;
            },
          }},
        },
      },
      plugins: [target],
    });
  }

  capaianChart("chart-iku", data.iku);
  capaianChart("chart-indikator", data.indikator);

  const money = {ticks: {callback: (v) => "Rp " + compact.format(v)}};
  const programCanvas = document.getElementById("chart-program");
  programCanvas.parentElement.style.height = Math.max(220, 90 + 56 * data.program.labels.length) + "px";
  new Chart(programCanvas, {
    type: "bar",
    data: {labels: data.program.labels, datasets: [
      {label: "Anggaran", data: data.program.anggaran, backgroundColor: MONEY.anggaran},
      {label: "Realisasi", data: data.program.realisasi, backgroundColor: MONEY.realisasi},
    ]},
    options: {
      indexAxis: "y",
      scales: {x: money, y: {ticks: {callback: fitted(programCanvas, 14)}}},
      plugins: {legend: {position: "bottom"}, tooltip: {callbacks: {
        title: (items) => data.program.full[items[0].dataIndex],
        label: (c) => c.dataset.label + ": " + rp.format(c.parsed.x),
      }}},
    },
  });
  new Chart(document.getElementById("chart-triwulan"), {
    type: "bar",
    data: {labels: data.triwulan.labels, datasets: data.triwulan.program.map((p, i) => ({
      label: p.label, data: p.data, backgroundColor: PROGRAMS[i % PROGRAMS.length],
    }))},
    options: {
      scales: {x: {stacked: true}, y: {stacked: true, ...money}},
      plugins: {legend: {position: "bottom"}, tooltip: {callbacks: {label: (c) => c.dataset.label + ": " + rp.format(c.parsed.y)}}},
    },
  });
})();
