/* Draws the entity page's timelines with Chart.js. Each <canvas data-chart="ID"> reads its data
   from the JSON block <script type="application/json" id="ID">: datasets of reports, one bar
   per report from its low to its high estimate, at the time it was published. Text from feeds
   only ever reaches the canvas (legend and tooltips), never the DOM as markup. */
(function () {
  "use strict";

  function day(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function minute(ms) {
    return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
  }

  /* Dates on the axis, or dates and times when its ticks are less than a day apart. */
  function tick(value, index, ticks) {
    var step = ticks.length > 1 ? ticks[1].value - ticks[0].value : 86400000;
    return step < 86400000 ? minute(value).slice(5) : day(value);
  }

  function number(n) {
    return Number(n).toLocaleString("en");
  }

  function draw(canvas) {
    var block = document.getElementById(canvas.dataset.chart);
    if (!block) {
      return;
    }
    var spec = JSON.parse(block.textContent);
    var datasets = spec.datasets.map(function (series) {
      return {
        label: series.label,
        backgroundColor: series.color,
        borderColor: series.color,
        borderWidth: 1,
        barThickness: 10,
        minBarLength: 6,
        data: series.points.map(function (p) {
          return { x: p.x, y: [p.low, p.high], report: p };
        })
      };
    });
    new Chart(canvas, {
      type: "bar",
      data: { datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: { xAxisKey: "x", yAxisKey: "y" },
        scales: {
          x: { type: "linear", offset: true, ticks: { callback: tick, maxRotation: 0, autoSkipPadding: 16 } },
          y: { beginAtZero: true, grace: "10%", title: { display: true, text: spec.unit }, ticks: { callback: number } }
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              title: function (items) { return minute(items[0].raw.x) + " UTC"; },
              label: function (item) {
                var r = item.raw.report;
                return r.text + (r.hedged ? " (hedged)" : "");
              },
              afterLabel: function (item) {
                var r = item.raw.report;
                return item.dataset.label + " via " + r.source + " — " + r.change;
              }
            }
          }
        }
      }
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
