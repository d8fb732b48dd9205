// Pages for operating the system: Overview, Queues, Workers, Task paths, Exceptions, Scheduled.
// Each page loads its resources, renders, and is reloaded by the global auto-refresh.
/* global $, _, Backbone */
(function (MRQ) {
  "use strict";
  const fmt = MRQ.fmt;

  // A cell with the stored jobs that failed (failed, timeout, maxretries), linked to them in the
  // jobs list; `filter` narrows the link to a task or a queue ({task: ...} or {queue: ...}).
  const errorsCell = MRQ.template(`<% const errors = (counts.failed || 0) + (counts.timeout || 0) +
    (counts.maxretries || 0); %>
    <% if (errors) { %><a href="#jobs?<%- MRQ.toQuery(_.extend({ status: "error" }, filter)) %>"><%- fmt.int(errors) %></a>
    <% } else { %>0<% } %>`);

  const content = MRQ.template(`<%= error %>
    <% if (loaded) { %><%= body %><% } else if (!error) { %><div class="empty">Loading…</div><% } %>`);

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
    // The error of the last load (if any) over what `body()` makes of the last loaded data, or
    // "Loading…" before the first answer.
    content: function (body) {
      return content({ error: this.errorHtml(), loaded: this.loaded, body: this.loaded ? body.call(this) : "" });
    },
    render: function () {
      this.$el.html(this.content(this.body));
      return this;
    },
    // Moves through a listing read by cursor: `this.cursors` holds the cursor of each page read
    // so far (the last is the current page's), `this.page` the current page.
    nextPage: function () { this.cursors.push(this.page.nextCursor); this.refresh(); },
    prevPage: function () { this.cursors.pop(); this.refresh(); },
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

  const card = MRQ.template(`<div class="card"><div class="label"><%- label %></div><div class="value"><%- value %></div>
    <%= MRQ.sparkline(MRQ.history.get(spark), { color: color, width: 180 }) %>
  </div>`);
  const overview = MRQ.template(`<div class="cards">
      <%= card({ label: "Finished", value: fmt.rate(o.finished_per_s), spark: "finished", color: "#16a34a" }) %>
      <%= card({ label: "Enqueued", value: fmt.rate(o.enqueued_per_s), spark: "enqueued", color: "#4f46e5" }) %>
      <%= card({ label: "Queued jobs", value: fmt.int(o.counts.queued || 0), spark: "queued", color: "#6366f1" }) %>
      <div class="card"><div class="label">Worker pool</div>
        <div class="value"><%- fmt.int(o.pool_busy) %> <span class="muted" style="font-size:15px">/ <%- fmt.int(o.pool_size) %> busy</span></div>
        <%= MRQ.progress(o.utilisation) %>
        <div class="muted" style="margin-top:6px"><%- fmt.pct(o.utilisation) %> used · <%- o.workers_alive %>
          worker<%- o.workers_alive === 1 ? "" : "s" %> alive</div>
      </div>
    </div>
    <div class="grid-2">
      <section class="panel"><h2>Jobs by status <span class="muted"><%- fmt.int(o.total) %> stored</span></h2>
        <% if (statuses.length) { %>
          <div class="body"><%= MRQ.stackBar(o.counts) %></div>
          <table><tbody><% _.each(statuses, function (s) { %>
            <tr><td><%= MRQ.badge(s) %></td><td class="num"><%- fmt.int(o.counts[s]) %></td>
              <td class="num"><%- fmt.pct(o.counts[s] / (o.total || 1)) %></td>
              <td><a href="#jobs?status=<%- s %>">view jobs →</a></td></tr>
          <% }) %></tbody></table>
        <% } else { %><%= MRQ.emptyState("No jobs yet", "Enqueue one with the client or \`mrq enqueue\`.") %><% } %>
      </section>
      <section class="panel"><h2>Workers <a href="#workers">all workers →</a></h2>
        <% if (workers.length) { %><table><tbody><% _.each(workers, function (w) { %>
          <tr><td><%= MRQ.badge(w.status) %></td><td class="mono"><%- w.id %></td>
            <td style="width:30%"><%= MRQ.progress(w.job_ids.length / (w.greenlets || 1)) %></td>
            <td class="num"><%- w.job_ids.length %>/<%- w.greenlets %></td></tr>
        <% }) %></tbody></table>
        <% } else { %><%= MRQ.emptyState("No live worker", "Start one with \`mrq-worker QUEUE\`.") %><% } %>
      </section>
    </div>`, { card: card });

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
      return overview({
        o: o,
        statuses: MRQ.STATUSES.filter((s) => o.counts[s]),
        workers: this.workers.filter((w) => w.get("alive")).map((w) => w.attributes),
      });
    },
  });

  const queues = MRQ.template(`<section class="panel"><table>
    <thead><tr><th>Queue</th><th>State</th><th class="num">Queued</th><th>Size</th><th class="num">Delayed</th>
      <th class="num">In</th><th class="num">Out</th><th class="num">Lag</th><th class="num">ETA</th>
      <th class="num">Errors</th><th></th></tr></thead>
    <tbody><% _.each(queues, function (a) { %>
      <tr data-queue="<%- a.name %>">
        <td><a href="#jobs?queue=<%- encodeURIComponent(a.name) %>" class="mono"><%- a.name %></a>
          <% if (a.type !== "regular") { %> <%= MRQ.badge(a.type, "cancel") %><% } %></td>
        <td><%= a.paused ? MRQ.badge("paused") : MRQ.badge("active", "success") %></td>
        <td class="num"><%- fmt.int(a.queued) %></td>
        <td><a href="<%- MRQ.metricsLink("queue", MRQ.rootQueue(a.name)) %>" title="History"><%= MRQ.sparkline(MRQ.history.get("queue:" + a.name), { width: 110, height: 24 }) %></a></td>
        <td class="num"><%- fmt.int(a.delayed) %></td>
        <td class="num"><%- fmt.rate(a.enqueued_per_s) %></td>
        <td class="num"><%- fmt.rate(a.finished_per_s) %></td>
        <td class="num"><%- fmt.duration(a.lag_s) %></td>
        <td class="num"><%- a.eta_s === null ? "–" : fmt.duration(a.eta_s) %></td>
        <td class="num"><%= errorsCell({ counts: a.counts, filter: { queue: a.name } }) %></td>
        <td class="actions">
          <% if (a.paused) { %><button class="btn small" data-queue-action="resume">Resume</button>
          <% } else { %><button class="btn small" data-queue-action="pause">Pause</button><% } %>
          <button class="btn small danger" data-queue-action="empty">Empty</button>
        </td>
      </tr>
    <% }) %></tbody>
  </table></section>`, { errorsCell: errorsCell });

  MRQ.QueuesPage = MRQ.Page.extend({
    title: "Queues",
    events: { "click [data-queue-action]": "queueAction" },
    initialize: function () { this.queues = new MRQ.Queues(); },
    load: function () {
      return this.queues.fetch({ reset: true }).then(() => this.queues.each((q) =>
        MRQ.history.push("queue:" + q.id, q.get("queued"))));
    },
    body: function () {
      if (!this.queues.length) return MRQ.emptyPanel("No queue yet", "Queues appear when jobs are enqueued.");
      return queues({ queues: this.queues.map((q) => q.attributes) });
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
  const workerBadge = MRQ.template(`<% if (a.status === "stopped") { %><%= MRQ.badge("stopped") %>
    <% } else if (a.alive) { %><%= MRQ.badge(a.status) %>
    <% } else { %><span title="no heartbeat since <%- fmt.date(a.last_heartbeat) %>"><%= MRQ.badge("lost") %></span>
    <% } %>`);

  // Each job a worker holds: task, runtime and shortened params (cut last), linked; the rest as
  // one link.
  const currentJobs = MRQ.template(`<% if (!a.job_ids.length) { %><span class="muted">idle</span><% } %>
    <% _.each(a.current_jobs, function (j) { %>
      <a class="current-job" href="#jobs/<%- j.id %>" title="<%- j.id %>">
        <span class="mono"><%- j.task %></span>&#32;<span class="muted"><%- j.date_started ?
          fmt.since(j.date_started) : "not started" %></span>&#32;<span class="mono muted"><%- j.params_preview %></span>
      </a>
    <% }) %>
    <% const more = a.job_ids.length - a.current_jobs.length; if (more > 0) { %>
      <a href="#jobs?<%- MRQ.toQuery({ worker: a.id, status: "started" }) %>">+<%- more %> more</a>
    <% } %>`);

  const workers = MRQ.template(`<section class="panel"><table>
    <thead><tr><th>Status</th><th>Worker</th><th>Queues</th><th>Pool</th><th>Current jobs</th>
      <th class="num">CPU</th><th class="num">Memory</th><th class="num">Done</th><th class="num">Heartbeat</th>
      <th></th></tr></thead>
    <tbody><% _.each(workers, function (a) { const busy = a.job_ids.length; %>
      <tr data-worker="<%- a.id %>">
        <td><%= workerBadge({ a: a }) %></td>
        <td><div class="mono"><%- a.id %></div><div class="muted"><%- a.hostname %> · pid <%- a.pid %></div></td>
        <td><% _.each(a.queues, function (q, i) { %><%- i ? " " : "" %><code><%- q %></code><% }) %></td>
        <td style="min-width:120px"><%= MRQ.progress(busy / (a.greenlets || 1)) %>
          <div class="muted"><%- busy %> / <%- a.greenlets %> greenlets</div></td>
        <td class="current-jobs"><%= currentJobs({ a: a }) %></td>
        <td class="num"><%- fmt.duration(a.cpu_s) %></td>
        <td class="num"><%- fmt.bytes(a.memory_bytes) %></td>
        <td class="num"><%- fmt.int(a.done_jobs) %></td>
        <td class="num"><%- fmt.ago(a.last_heartbeat) %></td>
        <td class="actions"><% if (a.alive) { %>
          <% if (a.quiet) { %><button class="btn small" data-worker-action="resume">Resume</button>
          <% } else { %><button class="btn small" data-worker-action="quiet">Quiet</button><% } %>
          <button class="btn small danger" data-worker-action="stop">Stop</button>
        <% } %></td>
      </tr>
    <% }) %></tbody>
  </table></section>`, { workerBadge: workerBadge, currentJobs: currentJobs });

  MRQ.WorkersPage = MRQ.Page.extend({
    title: "Workers",
    events: { "click [data-worker-action]": "workerAction" },
    initialize: function () { this.workers = new MRQ.Workers(); },
    load: function () { return this.workers.fetch({ reset: true }); },
    body: function () {
      if (!this.workers.length) {
        return MRQ.emptyPanel("No worker seen in the last hour", "Start one with `mrq-worker QUEUE`.");
      }
      return workers({ workers: this.workers.map((w) => w.attributes) });
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

  const tasks = MRQ.template(`<section class="panel"><table>
    <thead><tr><th>Task path</th><th class="num">Jobs</th><th>By status</th><th class="num">Queued</th>
      <th class="num">Success</th><th class="num">Errors</th><th class="num">Speed</th><th></th></tr></thead>
    <tbody><% _.each(tasks, function (a) { %>
      <tr>
        <td><a class="mono" href="#jobs?task=<%- encodeURIComponent(a.task) %>"><%- a.task %></a></td>
        <td class="num"><%- fmt.int(a.total) %></td>
        <td><%= MRQ.stackBar(a.counts) %></td>
        <td class="num"><%- fmt.int(a.counts.queued || 0) %></td>
        <td class="num"><%- fmt.int(a.counts.success || 0) %></td>
        <td class="num"><%= errorsCell({ counts: a.counts, filter: { task: a.task } }) %></td>
        <td class="num"><%- fmt.rate(a.finished_per_s) %></td>
        <td><a href="<%- MRQ.metricsLink("task", a.task) %>" title="History"><%= MRQ.sparkline(MRQ.history.get("task:" + a.task), { width: 100, height: 22, color: "#16a34a" }) %></a></td>
      </tr>
    <% }) %></tbody>
  </table></section>`, { errorsCell: errorsCell });

  MRQ.TasksPage = MRQ.Page.extend({
    title: "Task paths",
    initialize: function () { this.tasks = new MRQ.Tasks(); },
    load: function () {
      return this.tasks.fetch({ reset: true }).then(() => this.tasks.each((t) =>
        MRQ.history.push("task:" + t.id, t.get("finished_per_s"))));
    },
    body: function () {
      if (!this.tasks.length) return MRQ.emptyPanel("No task has run yet");
      return tasks({ tasks: this.tasks.map((t) => t.attributes) });
    },
  });

  const exceptions = MRQ.template(`<section class="panel"><table>
    <thead><tr><th>Exception</th><th>Task path</th><th class="num">Jobs</th><th class="num">Last seen</th></tr></thead>
    <tbody><% _.each(groups, function (a) {
      const link = "#jobs?" + MRQ.toQuery({ status: "error", task: a.task, exception: a.exception_type }); %>
      <tr>
        <td><a class="mono" href="<%- link %>"><%- a.exception_type %></a>
          <div class="muted"><%- a.example_error.slice(0, 140) %></div></td>
        <td class="mono"><%- a.task %></td>
        <td class="num"><a href="<%- link %>"><%- fmt.int(a.count) %></a></td>
        <td class="num"><%- fmt.ago(a.last_seen) %></td>
      </tr>
    <% }) %></tbody>
  </table></section>`);

  MRQ.ExceptionsPage = MRQ.Page.extend({
    title: "Exceptions",
    initialize: function () { this.groups = new MRQ.ExceptionGroups(); },
    load: function () { return this.groups.fetch({ reset: true }); },
    body: function () {
      if (!this.groups.length) return MRQ.emptyPanel("No failures", "Nothing has failed. Enjoy it.");
      return exceptions({ groups: this.groups.map((g) => g.attributes) });
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

  const schedules = MRQ.template(`<section class="panel"><table>
    <thead><tr><th>Task path</th><th>Queue</th><th>Fires</th><th>State</th><th>Source</th>
      <th class="num">Last tick</th><th></th></tr></thead>
    <tbody><% _.each(schedules, function (a) { const params = JSON.stringify(a.params); %>
      <tr data-schedule="<%- a.id %>"<% if (a.id === highlight) { %> class="highlight"<% } %>>
        <td><div class="mono"><%- a.task %></div>
          <% if (params !== "{}") { %><div class="muted mono" title="params"><%- params.slice(0, 80) %></div><% } %></td>
        <td class="mono"><% if (a.queue) { %><%- a.queue %><% } else { %><span class="muted">default</span><% } %></td>
        <td><%- fmt.firing(a) %><% if (a.catchup) { %>&#32;<span class="muted"
          title="after downtime, the latest missed tick runs once">· catch-up</span><% } %></td>
        <td><%= a.paused ? MRQ.badge("paused") : MRQ.badge("active", "success") %></td>
        <td><% if (a.source === "config") { %><span title="SCHEDULER_TASKS: edit the config file">config</span>
          <% } else { %>API<% } %></td>
        <td class="num"><% if (a.last_job_id) { %>
          <a href="#jobs/<%- a.last_job_id %>" title="<%- fmt.date(a.last_tick) %> · its job"><%- fmt.ago(a.last_tick) %></a>
          <% } else { %><span class="muted">not yet</span><% } %>&#32;· <a href="#jobs?schedule=<%- encodeURIComponent(a.id) %>">its jobs</a></td>
        <td class="actions">
          <% if (a.paused) { %><button class="btn small" data-schedule-action="resume">Resume</button>
          <% } else { %><button class="btn small" data-schedule-action="pause">Pause</button><% } %>
          <% if (a.source === "api") { %><button class="btn small danger" data-schedule-action="delete">Delete</button>
          <% } else { %><button class="btn small danger" disabled title="From SCHEDULER_TASKS: edit the config file">Delete</button>
          <% } %>
        </td>
      </tr>
    <% }) %></tbody>
  </table></section>`);

  // Schedules: created by the client or SCHEDULER_TASKS; paused, resumed and deleted here.
  MRQ.ScheduledPage = MRQ.Page.extend({
    title: "Scheduled",
    events: { "click [data-schedule-action]": "scheduleAction" },
    // `highlight`: the id of a schedule to point out (a job's page links here with it).
    initialize: function (options) { this.highlight = options.highlight; this.schedules = new MRQ.Schedules(); },
    load: function () { return this.schedules.fetch({ reset: true }); },
    body: function () {
      if (!this.schedules.length) {
        return MRQ.emptyPanel("No scheduled jobs",
          "Add them to SCHEDULER_TASKS and run mrq-scheduler, or create them with client.schedules.create().");
      }
      return schedules({ schedules: this.schedules.map((m) => m.attributes), highlight: this.highlight });
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
