// The Metrics page: the history the broker keeps (GET /api/history) of one root queue, one task
// or every job, drawn with uPlot: jobs finished and failed, queue size, p50/p95 duration.
/* global $, _, uPlot */
(function (MRQ) {
  "use strict";
  const fmt = MRQ.fmt;

  const WINDOWS = [[3600, "1 hour"], [6 * 3600, "6 hours"], [24 * 3600, "24 hours"]];
  const STEPS = [[60, "1 min"], [300, "5 min"], [3600, "1 hour"]];
  const CHART_HEIGHT = 190;
  const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7];
  const COLORS = { finished: "#16a34a", failed: "#dc2626", size: "#4f46e5", p50: "#0891b2", p95: "#d97706" };

  // The root of a queue name: history is kept per root ("mail/eu" counts under "mail").
  MRQ.rootQueue = (name) => name.split("/")[0];
  // The Metrics page's link for a queue or a task.
  MRQ.metricsLink = (kind, name) => "#metrics?" + kind + "=" + encodeURIComponent(name);

  const controls = _.template(
    '<section class="panel metrics-controls"><div class="body filters">' +
    '<label>Series<select name="series" aria-label="Series">' +
    '<option value="">Every job</option>' +
    '<optgroup label="Queues"><% _.each(queues, function (q) { %>' +
    '<option value="queue=<%- q %>"<%- selected === "queue=" + q ? " selected" : "" %>><%- q %></option>' +
    "<% }) %></optgroup>" +
    '<optgroup label="Task paths"><% _.each(tasks, function (t) { %>' +
    '<option value="task=<%- t %>"<%- selected === "task=" + t ? " selected" : "" %>><%- t %></option>' +
    "<% }) %></optgroup></select></label>" +
    '<label>Window<select name="window_s" aria-label="Window"><% _.each(windows, function (w) { %>' +
    '<option value="<%- w[0] %>"<%- w[0] === window_s ? " selected" : "" %>><%- w[1] %></option>' +
    "<% }) %></select></label>" +
    '<label>Step<select name="step_s" aria-label="Step"><% _.each(steps, function (s) { %>' +
    '<option value="<%- s[0] %>"<%- s[0] === step_s ? " selected" : "" %>><%- s[1] %></option>' +
    "<% }) %></select></label>" +
    "</div></section>");

  const charts = _.template(
    '<p class="muted metrics-note">Kept by the broker for <%- retention %>, per minute; at most <%- maxSeries %> ' +
    'queues and <%- maxSeries %> task paths have their own series, the others count under "(other)".' +
    "<% if (jobsLink) { %> <a href=\"<%- jobsLink %>\">Its jobs →</a><% } %></p>" +
    '<div class="grid-2 metrics-charts"><% _.each(panels, function (p) { %>' +
    '<section class="panel" data-chart="<%- p.id %>"><h2><%- p.title %> <span class="muted"><%- p.summary %>' +
    '</span></h2><div class="body"><div class="chart"></div></div></section>' +
    "<% }) %></div>");

  function sum(values) { return values.reduce((a, b) => a + (b || 0), 0); }
  // The latest value that is set, or undefined.
  function last(values) { return _.find(values.slice().reverse(), (v) => v !== null); }

  MRQ.MetricsPage = MRQ.Page.extend({
    title: "Metrics",
    events: { "change select": "choose" },
    initialize: function (options) {
      const query = options.query || {};
      this.series = query.queue ? "queue=" + query.queue : query.task ? "task=" + query.task : "";
      this.windowS = Number(query.window_s) || 3600;
      this.stepS = Number(query.step_s) || 60;
      this.plots = [];
      this.names = null;
    },
    params: function () {
      const params = new URLSearchParams(this.series);
      params.set("window_s", this.windowS);
      params.set("step_s", this.stepS);
      return params.toString();
    },
    load: function () {
      // The selector's names are read once: the queues' roots and the task paths.
      const names = this.names || Promise.all([MRQ.api("GET", "api/queues"), MRQ.api("GET", "api/tasks")]).then(
        ([queues, tasks]) => (this.names = {
          queues: _.uniq(queues.map((q) => MRQ.rootQueue(q.name))).sort(),
          tasks: tasks.map((t) => t.task),
        }));
      return Promise.all([names, MRQ.api("GET", "api/history?" + this.params())]).then(([, history]) => {
        this.history = history;
      });
    },
    choose: function () {
      const value = (name) => this.$('select[name="' + name + '"]').val();
      const step = Number(value("step_s"));
      const windowS = Number(value("window_s"));
      // A step longer than the window is refused by the API: shorten it to fit.
      this.series = value("series");
      MRQ.router.navigate("metrics?" + new URLSearchParams(_.extend(Object.fromEntries(new URLSearchParams(
        this.series)), { window_s: windowS, step_s: Math.min(step, windowS) })).toString(), { trigger: true });
    },
    panels: function () {
      const points = this.history.points;
      const kind = this.series.split("=")[0];
      const p50 = last(points.map((p) => p.p50_duration_s));
      const panels = [
        { id: "jobs", title: "Jobs finished and failed", summary: fmt.int(sum(points.map((p) => p.finished))) +
          " finished, " + fmt.int(sum(points.map((p) => p.failed))) + " failed",
          series: [["finished", "finished"], ["failed", "failed"]], unit: "" },
        { id: "duration", title: "Duration", summary: p50 === undefined ? "no job finished"
          : "latest p50 " + fmt.duration(p50) + ", p95 " + fmt.duration(last(points.map((p) => p.p95_duration_s))),
          series: [["p50", "p50_duration_s"], ["p95", "p95_duration_s"]], unit: "s" },
      ];
      if (kind !== "task") {
        const size = last(points.map((p) => p.queue_size));
        panels.splice(1, 0, { id: "size", title: "Queue size", summary: size === undefined ? "not sampled yet"
          : fmt.int(size) + " ready now", series: [["size", "queue_size"]], unit: "" });
      }
      return panels;
    },
    body: function () {
      const name = this.series.split("=")[1] || "";
      const jobsLink = this.series ? "#jobs?" + this.series : "";
      const hours = this.history.retention_s / 3600;
      return controls({
        queues: this.names.queues, tasks: this.names.tasks, selected: this.series, windows: WINDOWS,
        steps: STEPS, window_s: this.windowS, step_s: this.stepS,
      }) + charts({
        retention: hours + " hours", maxSeries: this.history.max_series, panels: this.panels(),
        jobsLink: name ? jobsLink : "",
      });
    },
    render: function () {
      this.destroyPlots();
      MRQ.Page.prototype.render.call(this);
      if (this.loaded) this.draw();
      return this;
    },
    // One uPlot per panel, its x axis the steps' starts (UNIX seconds), gaps where unsampled.
    draw: function () {
      const xs = this.history.points.map((p) => Date.parse(p.start) / 1000);
      this.plots = this.panels().map((panel) => {
        const $chart = this.$('[data-chart="' + panel.id + '"] .chart');
        const width = Math.max(280, Math.floor($chart.width()));
        const format = (v) => (v === null || v === undefined ? "–" : panel.unit ? fmt.duration(v) : fmt.int(v));
        const options = {
          width: width, height: CHART_HEIGHT,
          // From 0, and counts in whole numbers: at least 1 on the axis, and whole steps.
          scales: { y: { range: (u, min, max) => [0, Math.max(panel.unit ? 0.001 : 1, (max || 0) * 1.1)] } },
          axes: [
            { values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleTimeString("en-GB",
              { hour: "2-digit", minute: "2-digit" })) },
            { size: 70, values: (u, ticks) => ticks.map(format), incrs: panel.unit ? undefined : COUNT_STEPS },
          ],
          series: [{}].concat(panel.series.map(([label]) => ({
            label: label, stroke: COLORS[label], width: 2, fill: COLORS[label] + "14", spanGaps: false,
            // Durations exist only in steps where jobs finished, sizes where a broker sampled:
            // dots, so that a lone value between gaps still shows.
            points: panel.id !== "jobs" ? { show: true, size: 6, fill: COLORS[label] } : {},
            value: (u, v) => format(v),
          }))),
        };
        const data = [xs].concat(panel.series.map(([, field]) => this.history.points.map((p) => p[field])));
        return new uPlot(options, data, $chart[0]);
      });
    },
    destroyPlots: function () {
      this.plots.forEach((plot) => plot.destroy());
      this.plots = [];
    },
    remove: function () {
      this.destroyPlots();
      return MRQ.Page.prototype.remove.call(this);
    },
  });
})(window.MRQ);
