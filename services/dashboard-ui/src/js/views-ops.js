// Pages for operating the system: Overview, Queues, Workers, Task paths, Exceptions, Scheduled.
// Each page loads its resources, renders, and is reloaded by the global auto-refresh.
/* global $, _, Backbone */
(function (MRQ) {
  "use strict";
  const fmt = MRQ.fmt;
  const esc = MRQ.esc;

  // A cell with the stored jobs that failed (failed, timeout, maxretries), linked to them in the
  // jobs list; `filter` narrows the link to a task or a queue ("task=..." or "queue=...").
  function errorsCell(counts, filter) {
    const errors = (counts.failed || 0) + (counts.timeout || 0) + (counts.maxretries || 0);
    return errors ? '<a href="#jobs?status=error&' + filter + '">' + fmt.int(errors) + "</a>" : "0";
  }

  // The base of every page: `load()` fetches (a promise), `body()` renders what was loaded.
  // After a failed load, the last loaded data stays under the error.
  MRQ.Page = Backbone.View.extend({
    title: "",
    loaded: false,
    // Loads and renders; resolves true when the load succeeded. Loads run one after the other:
    // the one that follows an action starts after an auto-refresh already under way, so the
    // latter's older answer can't overwrite the rows the action changed.
    refresh: function () {
      const run = () => Promise.resolve(this.load()).then(
        () => { this.error = null; this.loaded = true; this.render(); return true; },
        (xhr) => { this.error = xhr; this.render(); return false; });
      this.loading = (this.loading || Promise.resolve()).then(run, run);
      return this.loading;
    },
    // The failed load as a sentence, its raw cause folded away.
    errorHtml: function () {
      if (!this.error) return "";
      const text = MRQ.errorText(this.error);
      const retrying = MRQ.autoRefresh && MRQ.isTransient(this.error);
      return MRQ.errorState(retrying ? text.replace(/\.$/, "") + "; retrying." : text, MRQ.errorCause(this.error));
    },
    render: function () {
      const body = this.loaded ? this.body() : (this.error ? "" : '<div class="empty">Loading…</div>');
      this.$el.html(this.errorHtml() + body);
      return this;
    },
    // Runs an API action, then reports and reloads.
    act: function (method, path, body, done) {
      return MRQ.api(method, path, body).then(
        (reply) => { MRQ.flash(done(reply)); return this.refresh(); },
        (xhr) => MRQ.flash(MRQ.errorText(xhr), true));
    },
    // The same, after a confirmation when `confirm` ([title, text, button]) is given.
    confirmThenAct: function (confirm, method, path, body, done) {
      const run = () => this.act(method, path, body, done);
      if (!confirm) return run();
      return MRQ.confirm(confirm[0], confirm[1], confirm[2], true).then((yes) => yes && run());
    },
  });

  MRQ.OverviewPage = MRQ.Page.extend({
    title: "Overview",
    initialize: function () { this.overview = new MRQ.Overview(); this.workers = new MRQ.Workers(); },
    load: function () {
      return Promise.all([this.overview.fetch(), this.workers.fetch()]).then(() => {
        const o = this.overview.attributes;
        MRQ.history.push("finished", o.finished_per_s);
        MRQ.history.push("enqueued", o.enqueued_per_s);
        MRQ.history.push("queued", o.counts.queued || 0);
        MRQ.history.push("busy", o.pool_busy);
      });
    },
    body: function () {
      const o = this.overview.attributes;
      const card = (label, value, spark, color) => '<div class="card"><div class="label">' + label +
        '</div><div class="value">' + value + "</div>" + (spark ? MRQ.sparkline(MRQ.history.get(spark),
        { color: color, width: 180 }) : "") + "</div>";
      const statuses = MRQ.STATUSES.filter((s) => o.counts[s]);
      const rows = statuses.map((s) => "<tr><td>" + MRQ.badge(s) + '</td><td class="num">' + fmt.int(o.counts[s]) +
        '</td><td class="num">' + fmt.pct(o.counts[s] / (o.total || 1)) + '</td><td><a href="#jobs?status=' + s +
        '">view jobs →</a></td></tr>').join("");
      const alive = this.workers.filter((w) => w.get("alive"));
      return '<div class="cards">' +
        card("Finished", fmt.rate(o.finished_per_s), "finished", "#16a34a") +
        card("Enqueued", fmt.rate(o.enqueued_per_s), "enqueued", "#4f46e5") +
        card("Queued jobs", fmt.int(o.counts.queued || 0), "queued", "#6366f1") +
        '<div class="card"><div class="label">Worker pool</div><div class="value">' + fmt.int(o.pool_busy) +
        ' <span class="muted" style="font-size:15px">/ ' + fmt.int(o.pool_size) + " busy</span></div>" +
        MRQ.progress(o.utilisation) + '<div class="muted" style="margin-top:6px">' + fmt.pct(o.utilisation) +
        " used · " + o.workers_alive + " worker" + (o.workers_alive === 1 ? "" : "s") + " alive</div></div>" +
        "</div>" +
        '<div class="grid-2"><section class="panel"><h2>Jobs by status <span class="muted">' + fmt.int(o.total) +
        " stored</span></h2>" + (rows ? '<div class="body">' + MRQ.stackBar(o.counts) + "</div><table><tbody>" +
        rows + "</tbody></table>" : MRQ.emptyState("No jobs yet", "Enqueue one with the client or `mrq enqueue`.")) +
        '</section><section class="panel"><h2>Workers <a href="#workers">all workers →</a></h2>' +
        (alive.length ? "<table><tbody>" + alive.map((w) => "<tr><td>" + MRQ.badge(w.get("status")) +
          '</td><td class="mono">' + esc(w.id) + '</td><td style="width:30%">' +
          MRQ.progress(w.get("job_ids").length / (w.get("greenlets") || 1)) + '</td><td class="num">' +
          w.get("job_ids").length + "/" + w.get("greenlets") + "</td></tr>").join("") + "</tbody></table>"
          : MRQ.emptyState("No live worker", "Start one with `mrq-worker QUEUE`.")) + "</section></div>";
    },
  });

  MRQ.QueuesPage = MRQ.Page.extend({
    title: "Queues",
    events: { "click [data-queue-action]": "queueAction" },
    initialize: function () { this.queues = new MRQ.Queues(); },
    load: function () {
      return this.queues.fetch({ reset: true }).then(() => this.queues.each((q) =>
        MRQ.history.push("queue:" + q.id, q.get("queued"))));
    },
    body: function () {
      if (!this.queues.length) {
        return '<section class="panel">' + MRQ.emptyState("No queue yet", "Queues appear when jobs are enqueued.") +
          "</section>";
      }
      const rows = this.queues.map((q) => {
        const a = q.attributes;
        return '<tr data-queue="' + esc(a.name) + '"><td><a href="#jobs?queue=' + encodeURIComponent(a.name) +
          '" class="mono">' + esc(a.name) + "</a>" + (a.type !== "regular" ? " " + MRQ.badge(a.type, "cancel") : "") +
          "</td><td>" + (a.paused ? MRQ.badge("paused") : MRQ.badge("active", "success")) + '</td><td class="num">' +
          fmt.int(a.queued) + "</td><td>" + MRQ.sparkline(MRQ.history.get("queue:" + a.name), { width: 110, height: 24 }) +
          '</td><td class="num">' + fmt.int(a.delayed) + '</td><td class="num">' + fmt.rate(a.enqueued_per_s) +
          '</td><td class="num">' + fmt.rate(a.finished_per_s) + '</td><td class="num">' + fmt.duration(a.lag_s) +
          '</td><td class="num">' + (a.eta_s === null ? "–" : fmt.duration(a.eta_s)) + '</td><td class="num">' +
          errorsCell(a.counts, "queue=" + encodeURIComponent(a.name)) + '</td><td class="actions">' +
          (a.paused ? '<button class="btn small" data-queue-action="resume">Resume</button>'
            : '<button class="btn small" data-queue-action="pause">Pause</button>') +
          '<button class="btn small danger" data-queue-action="empty">Empty</button></td></tr>';
      }).join("");
      return '<section class="panel"><table><thead><tr><th>Queue</th><th>State</th><th class="num">Queued</th>' +
        '<th>Size</th><th class="num">Delayed</th><th class="num">In</th><th class="num">Out</th>' +
        '<th class="num">Lag</th><th class="num">ETA</th><th class="num">Errors</th><th></th></tr></thead><tbody>' +
        rows +
        "</tbody></table></section>";
    },
    queueAction: function (event) {
      const action = $(event.currentTarget).data("queue-action");
      const queue = $(event.currentTarget).closest("tr").data("queue");
      const waiting = this.queues.get(queue).get("queued") + this.queues.get(queue).get("delayed");
      const confirm = action !== "empty" ? null : ["Empty " + queue + "?", "The " + fmt.int(waiting) +
        " jobs waiting on it will be cancelled. Running jobs are left alone.", "Empty the queue"];
      return this.confirmThenAct(confirm, "POST", "api/queues/" + action, { queue: queue }, (reply) =>
        action === "empty" ? "Removed " + reply.removed + " jobs from " + queue
          : "Queue " + queue + " " + (action === "pause" ? "paused" : "resumed"));
    },
  });

  // Grey "stopped" for a worker that exited cleanly (its last heartbeat said so), red "lost"
  // for one whose heartbeats stopped without that.
  const workerBadge = function (a) {
    if (a.status === "stopped") return MRQ.badge("stopped");
    if (a.alive) return MRQ.badge(a.status);
    return '<span title="no heartbeat since ' + esc(fmt.date(a.last_heartbeat)) + '">' + MRQ.badge("lost") +
      "</span>";
  };

  // Each job a worker holds: task, runtime and shortened params (cut last), linked; the rest as
  // one link.
  const currentJobs = function (a) {
    if (!a.job_ids.length) return '<span class="muted">idle</span>';
    const more = a.job_ids.length - a.current_jobs.length;
    return a.current_jobs.map((j) => '<a class="current-job" href="#jobs/' + esc(j.id) + '" title="' + esc(j.id) +
      '"><span class="mono">' + esc(j.task) + '</span> <span class="muted">' +
      (j.date_started ? fmt.since(j.date_started) : "not started") + '</span> <span class="mono muted">' +
      esc(j.params_preview) + "</span></a>")
      .join("") + (more > 0 ? '<a href="#jobs?worker=' + encodeURIComponent(a.id) + '&status=started">+' + more +
      " more</a>" : "");
  };

  MRQ.WorkersPage = MRQ.Page.extend({
    title: "Workers",
    events: { "click [data-worker-action]": "workerAction" },
    initialize: function () { this.workers = new MRQ.Workers(); },
    load: function () { return this.workers.fetch({ reset: true }); },
    body: function () {
      if (!this.workers.length) {
        return '<section class="panel">' + MRQ.emptyState("No worker seen in the last hour",
          "Start one with `mrq-worker QUEUE`.") + "</section>";
      }
      const rows = this.workers.map((w) => {
        const a = w.attributes;
        const busy = a.job_ids.length;
        return '<tr data-worker="' + esc(a.id) + '"><td>' + workerBadge(a) + '</td><td><div class="mono">' +
          esc(a.id) + '</div><div class="muted">' + esc(a.hostname) + " · pid " + a.pid + "</div></td><td>" +
          a.queues.map((q) => '<code>' + esc(q) + "</code>").join(" ") + '</td><td style="min-width:120px">' +
          MRQ.progress(busy / (a.greenlets || 1)) + '<div class="muted">' + busy + " / " + a.greenlets +
          ' greenlets</div></td><td class="current-jobs">' + currentJobs(a) + '</td><td class="num">' +
          fmt.duration(a.cpu_s) + '</td><td class="num">' + fmt.bytes(a.memory_bytes) + '</td><td class="num">' +
          fmt.int(a.done_jobs) + '</td><td class="num">' + fmt.ago(a.last_heartbeat) + '</td><td class="actions">' +
          (a.alive ? (a.quiet ? '<button class="btn small" data-worker-action="resume">Resume</button>'
            : '<button class="btn small" data-worker-action="quiet">Quiet</button>') +
            '<button class="btn small danger" data-worker-action="stop">Stop</button>' : "") + "</td></tr>";
      }).join("");
      return '<section class="panel"><table><thead><tr><th>Status</th><th>Worker</th><th>Queues</th>' +
        '<th>Pool</th><th>Current jobs</th><th class="num">CPU</th><th class="num">Memory</th>' +
        '<th class="num">Done</th><th class="num">Heartbeat</th><th></th></tr></thead><tbody>' + rows +
        "</tbody></table></section>";
    },
    workerAction: function (event) {
      const action = $(event.currentTarget).data("worker-action");
      const worker = $(event.currentTarget).closest("tr").data("worker");
      const confirm = {
        stop: ["Stop " + worker + "?", "It finishes its running jobs, takes no new ones, then exits.",
          "Stop the worker"],
        quiet: ["Quiet " + worker + "?", "It finishes its running jobs and takes no new ones until resumed.",
          "Quiet the worker"],
      }[action];
      return this.confirmThenAct(confirm, "POST", "api/workers/" + action, { worker_id: worker }, () =>
        "Worker " + worker + ": " + { stop: "asked to stop", quiet: "quieted", resume: "resumed" }[action]);
    },
  });

  MRQ.TasksPage = MRQ.Page.extend({
    title: "Task paths",
    initialize: function () { this.tasks = new MRQ.Tasks(); },
    load: function () {
      return this.tasks.fetch({ reset: true }).then(() => this.tasks.each((t) =>
        MRQ.history.push("task:" + t.id, t.get("finished_per_s"))));
    },
    body: function () {
      if (!this.tasks.length) return '<section class="panel">' + MRQ.emptyState("No task has run yet") + "</section>";
      const rows = this.tasks.map((t) => {
        const a = t.attributes;
        return '<tr><td><a class="mono" href="#jobs?task=' + encodeURIComponent(a.task) + '">' + esc(a.task) +
          '</a></td><td class="num">' + fmt.int(a.total) + "</td><td>" + MRQ.stackBar(a.counts) +
          '</td><td class="num">' + fmt.int(a.counts.queued || 0) + '</td><td class="num">' +
          fmt.int(a.counts.success || 0) + '</td><td class="num">' + errorsCell(a.counts, "task=" +
          encodeURIComponent(a.task)) + '</td><td class="num">' +
          fmt.rate(a.finished_per_s) + "</td><td>" + MRQ.sparkline(MRQ.history.get("task:" + a.task),
          { width: 100, height: 22, color: "#16a34a" }) + "</td></tr>";
      }).join("");
      return '<section class="panel"><table><thead><tr><th>Task path</th><th class="num">Jobs</th><th>By status' +
        '</th><th class="num">Queued</th><th class="num">Success</th><th class="num">Errors</th>' +
        '<th class="num">Speed</th><th></th></tr></thead><tbody>' + rows + "</tbody></table></section>";
    },
  });

  MRQ.ExceptionsPage = MRQ.Page.extend({
    title: "Exceptions",
    initialize: function () { this.groups = new MRQ.ExceptionGroups(); },
    load: function () { return this.groups.fetch({ reset: true }); },
    body: function () {
      if (!this.groups.length) {
        return '<section class="panel">' + MRQ.emptyState("No failures", "Nothing has failed. Enjoy it.") +
          "</section>";
      }
      const rows = this.groups.map((g) => {
        const a = g.attributes;
        const link = "#jobs?status=error&task=" + encodeURIComponent(a.task) + "&exception=" +
          encodeURIComponent(a.exception_type);
        return '<tr><td><a class="mono" href="' + link + '">' + esc(a.exception_type) + '</a><div class="muted">' +
          esc(a.example_error.slice(0, 140)) + '</div></td><td class="mono">' + esc(a.task) +
          '</td><td class="num"><a href="' + link + '">' + fmt.int(a.count) + '</a></td><td class="num">' +
          fmt.ago(a.last_seen) + "</td></tr>";
      }).join("");
      return '<section class="panel"><table><thead><tr><th>Exception</th><th>Task path</th><th class="num">Jobs' +
        '</th><th class="num">Last seen</th></tr></thead><tbody>' + rows + "</tbody></table></section>";
    },
  });

  const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const ordinal = (n) => n + (n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd"
    : n % 10 === 3 && n !== 13 ? "rd" : "th");
  // When a schedule fires, in words: "every 15 min", "Mondays at 09:00 Europe/Paris", "cron …".
  MRQ.fmt.firing = function (s) {
    const zone = s.timezone === "UTC" ? " UTC" : " " + s.timezone;
    if (s.kind === "interval") {
      return "every " + (s.interval_s < 60 ? +s.interval_s.toFixed(1) + " s"
        : MRQ.fmt.duration(s.interval_s));
    }
    if (s.kind === "cron") return "cron " + s.cron + zone;
    const at = " at " + s.dailytime.replace(/:00$/, "") + zone;
    if (s.weekday !== null) return WEEKDAYS[s.weekday] + "s" + at;
    if (s.monthday !== null) return "on the " + ordinal(s.monthday) + " of each month" + at;
    return "daily" + at;
  };

  // Schedules: created by the client or SCHEDULER_TASKS; paused, resumed and deleted here.
  MRQ.ScheduledPage = MRQ.Page.extend({
    title: "Scheduled",
    events: { "click [data-schedule-action]": "scheduleAction" },
    // `highlight`: the id of a schedule to point out (a job's page links here with it).
    initialize: function (options) { this.highlight = options.highlight; this.schedules = new MRQ.Schedules(); },
    load: function () { return this.schedules.fetch({ reset: true }); },
    body: function () {
      if (!this.schedules.length) {
        return '<section class="panel">' + MRQ.emptyState("No scheduled jobs",
          "Add them to SCHEDULER_TASKS and run mrq-scheduler, or create them with client.schedules.create().") +
          "</section>";
      }
      const rows = this.schedules.map((m) => {
        const a = m.attributes;
        const params = JSON.stringify(a.params);
        return '<tr data-schedule="' + esc(a.id) + '"' + (a.id === this.highlight ? ' class="highlight"' : "") +
          '><td><div class="mono">' + esc(a.task) + "</div>" +
          (params !== "{}" ? '<div class="muted mono" title="params">' + esc(params.slice(0, 80)) + "</div>" : "") +
          '</td><td class="mono">' + (a.queue ? esc(a.queue) : '<span class="muted">default</span>') + "</td><td>" +
          esc(MRQ.fmt.firing(a)) + (a.catchup ? ' <span class="muted" title="after downtime, the latest missed ' +
          'tick runs once">· catch-up</span>' : "") + "</td><td>" +
          (a.paused ? MRQ.badge("paused") : MRQ.badge("active", "success")) + "</td><td>" +
          (a.source === "config" ? '<span title="SCHEDULER_TASKS: edit the config file">config</span>' : "API") +
          '</td><td class="num">' + (a.last_job_id ? '<a href="#jobs/' + esc(a.last_job_id) + '" title="' +
          esc(MRQ.fmt.date(a.last_tick)) + ' · its job">' + fmt.ago(a.last_tick) + "</a>"
          : '<span class="muted">not yet</span>') + _.template(' · <a href="#jobs?schedule=<%- id %>">its jobs</a>')(
          { id: encodeURIComponent(a.id) }) + '</td><td class="actions">' +
          (a.paused ? '<button class="btn small" data-schedule-action="resume">Resume</button>'
            : '<button class="btn small" data-schedule-action="pause">Pause</button>') +
          (a.source === "api" ? '<button class="btn small danger" data-schedule-action="delete">Delete</button>'
            : '<button class="btn small danger" disabled title="From SCHEDULER_TASKS: edit the config file">' +
            "Delete</button>") +
          "</td></tr>";
      }).join("");
      return '<section class="panel"><table><thead><tr><th>Task path</th><th>Queue</th><th>Fires</th>' +
        '<th>State</th><th>Source</th><th class="num">Last tick</th><th></th></tr></thead><tbody>' + rows +
        "</tbody></table></section>";
    },
    scheduleAction: function (event) {
      const action = $(event.currentTarget).data("schedule-action");
      const a = this.schedules.get($(event.currentTarget).closest("tr").data("schedule")).attributes;
      const name = a.task + " (" + MRQ.fmt.firing(a) + ")";
      if (action === "delete") {
        return this.confirmThenAct(["Delete the schedule of " + a.task + "?", "It fires " + MRQ.fmt.firing(a) +
          ". No new job will be enqueued for it; jobs it already enqueued are kept.", "Delete the schedule"],
        "DELETE", "api/schedules/" + a.id, undefined, () => "Schedule " + name + " deleted");
      }
      return this.act("POST", "api/schedules/" + a.id + "/" + action, undefined, () =>
        "Schedule " + name + " " + (action === "pause" ? "paused" : "resumed"));
    },
  });
})(window.MRQ);
