// The Jobs page (server-side filters, pages, row and bulk actions) and a job's own page (params,
// result, tracebacks, logs with live follow, progress, live stack).
/* global $, _ */
(function (MRQ) {
  "use strict";
  const fmt = MRQ.fmt;
  const esc = MRQ.esc;
  const FINAL = ["success", "failed", "cancel", "abort", "timeout", "maxretries", "maxconcurrency"];
  const FILTERS = [
    ["id", "Job id", "24 hex characters"], ["queue", "Queue", "name, root/ or wild*"],
    ["task", "Task path", "tasks.add"], ["worker", "Worker", "worker id"],
    ["exception", "Exception", "builtins.ValueError"], ["params", "Params (JSON)", '{"a": 1}'],
    ["id_prefix", "Id prefix", "65f0c0"], ["param", "Params key=value", 'user=42 or user="42"'],
    ["taskset", "Taskset", "taskset id"], ["schedule", "Schedule", "schedule id"],
  ];
  const VERBS = {
    cancel: ["Cancel", "cancelled"], requeue: ["Requeue", "requeued"], retry: ["Retry", "retried"],
    delete: ["Delete", "deleted"],
  };
  // Actions that can't be undone: their confirmation is red.
  const DANGEROUS = ["cancel", "delete"];
  const totalTemplate = _.template('<span class="muted" data-total><%- text %></span>');
  const siblingsTemplate = _.template(' · <a href="<%- href %>">its jobs</a>');
  const bulkDeleteTemplate = _.template('<button class="btn danger" type="button" data-bulk="delete">Delete…</button>');
  const deleteTemplate = _.template('<button class="btn small danger" data-job-delete>Delete</button>');

  // "1,234 jobs", or "more than 10,000 jobs" past the count's bound.
  const totalText = function (page) {
    if (page.totalIsLowerBound) return "more than " + fmt.int(page.total) + " jobs";
    return fmt.int(page.total) + (page.total === 1 ? " job" : " jobs");
  };

  MRQ.parseQuery = function (query) {
    const params = new URLSearchParams(query || "");
    const out = {};
    params.forEach((value, key) => { if (value) out[key] = value; });
    return out;
  };
  const toQuery = (object) => new URLSearchParams(_.pick(object, (v) => v !== "" && v != null)).toString();

  // Actions on one job by id, shared by the list's rows and the job's page.
  MRQ.jobAction = function (action, jobId) {
    return MRQ.api("POST", "api/jobs/actions", { action: action, ids: [jobId] }).then((counts) => {
      MRQ.flash(counts.changed ? "Job " + jobId + " " + VERBS[action][1]
        : "Job " + jobId + " was not " + VERBS[action][1] + " (its status does not allow it)", !counts.changed);
    }, (xhr) => MRQ.flash(MRQ.errorText(xhr), true));
  };

  // Wall-clock seconds of the latest attempt; for a job stopped by a cancel, whose worker's
  // outcome the broker refused, from its start to the cancel.
  const tookS = function (a) {
    if (a.duration_s) return a.duration_s;
    if (a.date_started && a.date_finished) return (new Date(a.date_finished) - new Date(a.date_started)) / 1000;
    return null;
  };

  // When a job enqueued with an eta or a delay is due to run (ISO), else null.
  const runAt = function (a) {
    if (a.options.eta) return a.options.eta;
    if (!a.options.delay_s) return null;
    return new Date(new Date(a.date_enqueued).getTime() + a.options.delay_s * 1000).toISOString();
  };

  // A delayed job's status, with when it is due to run.
  const statusCell = function (a) {
    const at = a.status === "delayed" && runAt(a);
    if (!at) return MRQ.badge(a.status);
    return MRQ.badge(a.status) + '<div class="muted" title="' + esc(fmt.date(at)) + '">runs ' + fmt.until(at) +
      "</div>";
  };

  const actionButtons = function (status) {
    const buttons = [];
    if (FINAL.indexOf(status) < 0) buttons.push('<button class="btn small danger" data-job-action="cancel">Cancel</button>');
    if (status !== "started") {
      buttons.push('<button class="btn small" data-job-action="requeue">Requeue</button>');
      buttons.push('<button class="btn small" data-job-action="retry">Retry</button>');
    }
    return buttons.join("");
  };

  MRQ.JobsPage = MRQ.Page.extend({
    title: "Jobs",
    events: {
      "submit form.filters-form": "apply",
      "click [data-clear]": "clear",
      "click [data-job-action]": "rowAction",
      "click [data-bulk]": "bulk",
      "click [data-page-next]": "nextPage",
      "click [data-page-prev]": "prevPage",
    },
    initialize: function (options) {
      this.filter = _.omit(options.query, "sort");
      this.sort = options.query.sort || "newest";
      this.cursors = [""];  // the cursor of each page read so far; the last is the current page's
      this.page = new MRQ.JobPage();
    },
    load: function () {
      const data = _.extend({}, this.filter, { sort: this.sort, limit: 50, cursor: _.last(this.cursors) });
      return this.page.fetch({ reset: true, data: data });
    },
    render: function () {
      // The filter form is drawn once, so a refresh never loses what is being typed.
      if (!this.$(".filters-form").length) this.$el.html(this.form() + '<div class="results"></div>');
      const results = this.loaded ? this.results() : (this.error ? "" : '<div class="empty">Loading…</div>');
      this.$(".results").html(this.errorHtml() + results);
      return this;
    },
    form: function () {
      const f = this.filter;
      const input = ([name, label, hint]) => "<label>" + label + '<input type="text" name="' + name + '" value="' +
        esc(f[name] || "") + '" placeholder="' + esc(hint) + '"></label>';
      const option = (value, label) => '<option value="' + value + '"' + (f.status === value ? " selected" : "") +
        ">" + label + "</option>";
      const date = (name, label) => "<label>" + label + '<input type="datetime-local" step="1" name="' + name +
        '" value="' + esc((f[name] || "").slice(0, 19)) + '"></label>';
      const empty = _.isEmpty(f);
      return '<section class="panel"><form class="filters-form body" autocomplete="off"><div class="filters">' +
        _.map(FILTERS.slice(0, 3), input).join("") + '<label>Status<select name="status">' + option("", "any") +
        '<optgroup label="Groups">' + option("ok", "OK (queued, started, success)") + option("not_ok", "NOT OK") +
        option("error", "ERROR") + '</optgroup><optgroup label="Statuses">' +
        MRQ.STATUSES.map((s) => option(s, s)).join("") + "</optgroup></select></label>" +
        _.map(FILTERS.slice(3), input).join("") + date("after", "Enqueued after") + date("before", "Enqueued before") +
        '<label>Order<select name="sort"><option value="newest">newest first</option><option value="oldest"' +
        (this.sort === "oldest" ? " selected" : "") + ">oldest first</option></select></label></div>" +
        '<div class="filter-actions"><button class="btn primary" type="submit">Apply filters</button>' +
        '<button class="btn" type="button" data-clear>Clear</button><span class="spacer"></span>' +
        (empty ? '<span class="muted">Set a filter to act on every matching job.</span>'
          : '<span class="muted">Every matching job:</span>' +
          '<button class="btn" type="button" data-bulk="requeue">Requeue…</button>' +
          '<button class="btn" type="button" data-bulk="retry">Retry…</button>' +
          '<button class="btn danger" type="button" data-bulk="cancel">Cancel…</button>' + bulkDeleteTemplate()) +
        "</div></form></section>";
    },
    results: function () {
      if (!this.page.length) {
        return '<section class="panel">' + MRQ.emptyState("No job matches", _.isEmpty(this.filter) ?
          "No job is stored yet." : "Try fewer filters.") + "</section>";
      }
      const rows = this.page.map((job) => {
        const a = job.attributes;
        return '<tr data-job="' + a.id + '"><td><a class="mono job-id" href="#jobs/' + a.id + '">' + a.id +
          '</a></td><td class="mono clip" title="' + esc(a.task) + '">' + esc(a.task) +
          '</td><td class="mono clip" title="' + esc(a.queue) + '">' + esc(a.queue) + "</td><td>" + statusCell(a) +
          (a.status === "started" ? MRQ.progress(a.progress) : "") +
          '</td><td class="mono muted fill" title="' + esc(JSON.stringify(a.params)) + '">' +
          esc(JSON.stringify(a.params)) + '</td><td class="num">' + fmt.ago(a.date_enqueued) +
          '</td><td class="num">' + fmt.duration(tookS(a)) + '</td><td class="actions">' +
          actionButtons(a.status) + "</td></tr>";
      }).join("");
      const pageNumber = this.cursors.length;
      return '<section class="panel"><table class="dense"><thead><tr><th>Id</th><th>Task</th><th>Queue</th>' +
        '<th>Status</th><th>Params</th><th class="num">Enqueued</th><th class="num">Took</th><th></th></tr></thead>' +
        "<tbody>" + rows + '</tbody></table><div class="pager">' + totalTemplate({ text: totalText(this.page) }) +
        '<span class="muted">Page ' + pageNumber + "</span>" +
        '<button class="btn small" data-page-prev' + (pageNumber > 1 ? "" : " disabled") + ">← Previous</button>" +
        '<button class="btn small" data-page-next' + (this.page.nextCursor ? "" : " disabled") + ">Next →</button>" +
        "</div></section>";
    },
    apply: function (event) {
      event.preventDefault();
      const values = {};
      this.$("form.filters-form").serializeArray().forEach((field) => { values[field.name] = field.value.trim(); });
      if (values.sort === "newest") delete values.sort;
      MRQ.router.navigate("jobs" + (toQuery(values) ? "?" + toQuery(values) : ""), { trigger: true });
    },
    clear: function () { MRQ.router.navigate("jobs", { trigger: true }); },
    nextPage: function () { this.cursors.push(this.page.nextCursor); this.refresh(); },
    prevPage: function () { this.cursors.pop(); this.refresh(); },
    rowAction: function (event) {
      const action = $(event.currentTarget).data("job-action");
      MRQ.jobAction(action, $(event.currentTarget).closest("tr").data("job")).then(() => this.refresh());
    },
    bulk: function (event) {
      const action = $(event.currentTarget).data("bulk");
      const body = { action: action, filter: this.filter };
      MRQ.api("POST", "api/jobs/actions", _.extend({ dry_run: true }, body)).then((preview) => {
        if (!preview.changed) {
          MRQ.flash("None of the " + fmt.int(preview.matched) + " matching jobs can be " + VERBS[action][1] + ".", true);
          return null;
        }
        return MRQ.confirm(VERBS[action][0] + " " + fmt.int(preview.changed) + " jobs?",
          fmt.int(preview.matched) + " jobs match the filter; " + fmt.int(preview.changed) + " will be " +
          VERBS[action][1] + (preview.skipped ? " and " + fmt.int(preview.skipped) + " skipped (their status does " +
          "not allow it)" : "") + ".", VERBS[action][0] + " " + fmt.int(preview.changed) + " jobs",
          DANGEROUS.indexOf(action) >= 0)
          .then((yes) => yes && this.act("POST", "api/jobs/actions", body, (done) =>
            fmt.int(done.changed) + " jobs " + VERBS[action][1]));
      }, (xhr) => MRQ.flash(MRQ.errorText(xhr), true));
    },
  });

  MRQ.JobPageView = MRQ.Page.extend({
    events: {
      "click [data-job-action]": "jobAction",
      "click [data-job-delete]": "deleteJob",
      "click [data-stack]": "showStack",
    },
    initialize: function (options) {
      this.job = new MRQ.Job({ id: options.jobId });
      this.title = "Job " + options.jobId;
      this.logOffset = null;  // null until the logs were first read
    },
    // The job, then its new log lines unless they are being followed. Lines can come after
    // the job is final: a cancelled job's worker ships its last ones when it stops the job.
    load: function () { return this.job.fetch().then(() => (this.source ? null : this.readLogs())); },
    render: function () {
      // The live stack and the logs are drawn once, so a refresh keeps them.
      if (!this.$(".job-summary").length) {
        this.$el.html('<div class="job-summary"></div><div class="stack-slot"></div><section class="panel"><h2>' +
          'Logs <span class="log-state muted"></span></h2><div class="body"><pre class="logs" data-logs>Loading…' +
          "</pre></div></section>");
      }
      if (this.error && this.error.status === 404) return this.renderMissing();
      const summary = this.loaded ? this.summary() : (this.error ? "" : '<div class="empty">Loading…</div>');
      this.$(".job-summary").html(this.errorHtml() + summary);
      if (this.loaded && this.job.get("status") !== "started") this.$(".stack-slot").empty();
      return this;
    },
    renderMissing: function () {
      const text = "Job " + this.job.id + " doesn't exist";
      this.$(".job-summary").html('<section class="panel">' + MRQ.emptyState(text,
        "It was never enqueued, or it expired and was removed.") + "</section>");
      this.$("[data-logs]").text(text + ", so it has no logs.");
      this.logState("");
      return this;
    },
    summary: function () {
      const a = this.job.attributes;
      const row = (label, value) => "<dt>" + label + "</dt><dd>" + value + "</dd>";
      const history = a.traceback_history.slice().reverse().map((t) => '<div class="attempt"><div class="meta">' +
        MRQ.badge(t.status) + '<code>' + esc(t.exception_type) + '</code><span class="muted">' + fmt.date(t.date) +
        " · " + esc(t.worker_id) + "</span></div><pre>" + esc(t.traceback || t.error) + "</pre></div>").join("");
      return '<div class="detail-head"><h2 class="mono">' + esc(a.task) + "</h2>" + MRQ.badge(a.status) +
        '<span class="muted mono">' + a.id + '</span><span class="spacer"></span>' +
        (a.status === "started" ? '<button class="btn small" data-stack>Live stack</button>' : "") +
        actionButtons(a.status) + (a.status !== "started" ? deleteTemplate() : "") + "</div>" +
        (a.status === "started" || a.progress ? '<section class="panel"><div class="body">' +
          MRQ.progress(a.progress, a.status === "success") + '<div class="muted" style="margin-top:6px">' +
          fmt.pct(a.progress) + " done</div></div></section>" : "") +
        '<div class="grid-2"><section class="panel"><h2>Details</h2><div class="body"><dl class="kv">' +
        row("Queue", '<a class="mono" href="#jobs?queue=' + encodeURIComponent(a.queue) + '">' + esc(a.queue) + "</a>") +
        row("Worker", a.worker_id ? '<a class="mono" href="#jobs?worker=' + encodeURIComponent(a.worker_id) + '">' +
          esc(a.worker_id) + "</a>" : "–") +
        row("Enqueued", fmt.date(a.date_enqueued)) + row("Started", fmt.date(a.date_started)) +
        (runAt(a) ? row("Runs at", fmt.date(runAt(a)) + (a.status === "delayed" ? " (" + fmt.until(runAt(a)) +
          ")" : "")) : "") +
        row("Finished", fmt.date(a.date_finished)) + row("Took", fmt.duration(tookS(a))) +
        (a.schedule_id ? row("Schedule", '<a href="#scheduled?id=' + encodeURIComponent(a.schedule_id) + '">' +
          "its schedule</a>" + (a.schedule_tick ? ", tick of " + fmt.date(a.schedule_tick) : "") +
          siblingsTemplate({ href: "#jobs?schedule=" + encodeURIComponent(a.schedule_id) })) : "") +
        row("Retries", a.retry_count + " of " + (a.options.max_retries === undefined ? "–" : a.options.max_retries)) +
        row("Requeued", a.requeue_count + " times") + row("Timeout", a.options.timeout_s ?
          fmt.duration(a.options.timeout_s) : "none") + row("Priority", a.options.priority || 0) +
        (a.cpu_s !== null ? row("CPU", fmt.duration(a.cpu_s) + " · " + fmt.int(a.switches) + " switches") : "") +
        row("Expires", fmt.date(a.date_expires)) + "</dl></div></section>" +
        '<section class="panel"><h2>Params</h2><div class="body"><pre class="light">' + esc(fmt.json(a.params)) +
        "</pre></div>" + (a.status === "success" ? '<h2>Result</h2><div class="body"><pre class="light">' +
          esc(fmt.json(a.result)) + "</pre></div>" : "") + "</section></div>" +
        (a.traceback ? '<section class="panel" data-panel="traceback"><h2>Traceback <code>' + esc(a.exception_type) + "</code></h2>" +
          '<div class="body"><pre>' + esc(a.traceback) + "</pre></div></section>" : "") +
        (history ? '<section class="panel"><h2>Attempts (' + a.traceback_history.length + ")</h2>" + history +
          "</section>" : "");
    },
    readLogs: function () {
      const $logs = this.$("[data-logs]");
      return MRQ.api("GET", "api/jobs/" + this.job.id + "/logs?offset=" + (this.logOffset || 0)).then((page) => {
        if (this.logOffset === null) $logs.empty();
        this.logOffset = page.next_offset;
        $logs.append(document.createTextNode(page.text));
        if (FINAL.indexOf(this.job.get("status")) < 0) this.follow();
        else this.logState(this.logOffset ? "job finished" : "no log lines");
      });
    },
    follow: function () {
      const $logs = this.$("[data-logs]");
      this.logState('<span class="live-dot"></span>following');
      this.source = new EventSource("api/jobs/" + this.job.id + "/logs/follow?offset=" + this.logOffset);
      this.source.onmessage = (event) => {
        const page = JSON.parse(event.data);
        this.logOffset = page.next_offset;
        $logs.append(document.createTextNode(page.text));
        $logs.scrollTop($logs.prop("scrollHeight"));
      };
      this.source.addEventListener("end", () => { this.stopFollowing(); this.logState("job finished"); this.refresh(); });
      this.source.onerror = () => { this.stopFollowing(); this.logState("follow interrupted; resumed by the next refresh"); };
    },
    logState: function (html) { this.$(".log-state").html(html); },
    stopFollowing: function () {
      if (this.source) this.source.close();
      this.source = null;
    },
    remove: function () {
      this.stopFollowing();
      return MRQ.Page.prototype.remove.call(this);
    },
    jobAction: function (event) {
      MRQ.jobAction($(event.currentTarget).data("job-action"), this.job.id).then(() => this.refresh());
    },
    // Deleted, the job has no page left: back to the jobs of its queue.
    deleteJob: function () {
      const a = this.job.attributes;
      MRQ.confirm("Delete job " + a.id + "?", "Its record and its logs are removed for good" +
        (FINAL.indexOf(a.status) < 0 ? ", and it is taken off its queue: it will never run" : "") + ".",
      "Delete the job", true).then((yes) => yes && MRQ.api("POST", "api/jobs/actions", { action: "delete", ids: [a.id] })
        .then((counts) => {
          if (!counts.changed) return MRQ.flash("Job " + a.id + " was not deleted (it started meanwhile)", true);
          MRQ.flash("Job " + a.id + " deleted");
          MRQ.router.navigate("jobs?queue=" + encodeURIComponent(a.queue), { trigger: true });
        }, (xhr) => MRQ.flash(MRQ.errorText(xhr), true)));
    },
    showStack: function () {
      const $slot = this.$(".stack-slot");
      $slot.html('<section class="panel"><h2>Live stack</h2><div class="body muted">Asking the worker…</div></section>');
      MRQ.api("GET", "api/jobs/" + this.job.id + "/stack").then((stack) => {
        $slot.html('<section class="panel"><h2>Live stack <span class="muted">' + fmt.duration(stack.elapsed_s) +
          " running on " + esc(stack.worker_id) + '</span></h2><div class="body"><pre>' + esc(stack.stack) +
          "</pre></div></section>");
      }, (xhr) => $slot.html(MRQ.errorState(MRQ.errorText(xhr))));
    },
  });
})(window.MRQ);
