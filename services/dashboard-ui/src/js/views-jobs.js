// The Jobs page (server-side filters, pages, row and bulk actions) and a job's own page (params,
// result, tracebacks, logs with live follow, progress, live stack).
/* global $, _ */
(function (MRQ) {
  "use strict";
  const fmt = MRQ.fmt;
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

  // A job's status; a delayed job's with when it is due to run.
  const statusCell = MRQ.template(`<%= MRQ.badge(a.status) %>
    <% const at = a.status === "delayed" && runAt(a); if (at) { %>
      <div class="muted" title="<%- fmt.date(at) %>">runs <%- fmt.until(at) %></div>
    <% } %>`, { runAt: runAt });

  // The actions a job's status allows.
  const actionButtons = MRQ.template(`<% if (FINAL.indexOf(status) < 0) { %>
      <button class="btn small danger" data-job-action="cancel">Cancel</button>
    <% } %>
    <% if (status !== "started") { %>
      <button class="btn small" data-job-action="requeue">Requeue</button>
      <button class="btn small" data-job-action="retry">Retry</button>
    <% } %>`, { FINAL: FINAL });

  // The filter form, drawn once, over the results, drawn at each refresh.
  const jobsPage = MRQ.template(`<section class="panel"><form class="filters-form body" autocomplete="off">
    <div class="filters">
      <% _.each(FILTERS.slice(0, 3), function (field) { %><%= input({ field: field, f: f }) %><% }) %>
      <label>Status<select name="status">
        <%= option({ value: "", label: "any", selected: f.status }) %>
        <optgroup label="Groups">
          <%= option({ value: "ok", label: "OK (queued, started, success)", selected: f.status }) %>
          <%= option({ value: "not_ok", label: "NOT OK", selected: f.status }) %>
          <%= option({ value: "error", label: "ERROR", selected: f.status }) %>
        </optgroup>
        <optgroup label="Statuses">
          <% _.each(MRQ.STATUSES, function (s) { %><%= option({ value: s, label: s, selected: f.status }) %><% }) %>
        </optgroup>
      </select></label>
      <% _.each(FILTERS.slice(3), function (field) { %><%= input({ field: field, f: f }) %><% }) %>
      <label>Enqueued after<input type="datetime-local" step="1" name="after" value="<%- (f.after || "").slice(0, 19) %>"></label>
      <label>Enqueued before<input type="datetime-local" step="1" name="before" value="<%- (f.before || "").slice(0, 19) %>"></label>
      <label>Order<select name="sort">
        <%= option({ value: "newest", label: "newest first", selected: sort }) %>
        <%= option({ value: "oldest", label: "oldest first", selected: sort }) %>
      </select></label>
    </div>
    <div class="filter-actions">
      <button class="btn primary" type="submit">Apply filters</button>
      <button class="btn" type="button" data-clear>Clear</button>
      <span class="spacer"></span>
      <% if (_.isEmpty(f)) { %><span class="muted">Set a filter to act on every matching job.</span>
      <% } else { %>
        <span class="muted">Every matching job:</span>
        <button class="btn" type="button" data-bulk="requeue">Requeue…</button>
        <button class="btn" type="button" data-bulk="retry">Retry…</button>
        <button class="btn danger" type="button" data-bulk="cancel">Cancel…</button>
        <button class="btn danger" type="button" data-bulk="delete">Delete…</button>
      <% } %>
    </div>
  </form></section>
  <div class="results"></div>`, {
    FILTERS: FILTERS,
    input: MRQ.template(`<label><%- field[1] %><input type="text" name="<%- field[0] %>" value="<%- f[field[0]] || "" %>"
      placeholder="<%- field[2] %>"></label>`),
    option: MRQ.template('<option value="<%- value %>"<%- selected === value ? " selected" : "" %>><%- label %></option>'),
  });

  // One page of the search's results, with the pager.
  const jobRows = MRQ.template(`<section class="panel"><table class="dense">
    <thead><tr><th>Id</th><th>Task</th><th>Queue</th><th>Status</th><th>Params</th><th class="num">Enqueued</th>
      <th class="num">Took</th><th></th></tr></thead>
    <tbody><% _.each(jobs, function (a) { const params = JSON.stringify(a.params); %>
      <tr data-job="<%- a.id %>">
        <td><a class="mono job-id" href="#jobs/<%- a.id %>"><%- a.id %></a></td>
        <td class="mono clip" title="<%- a.task %>"><%- a.task %></td>
        <td class="mono clip" title="<%- a.queue %>"><%- a.queue %></td>
        <td><%= statusCell({ a: a }) %><% if (a.status === "started") { %><%= MRQ.progress(a.progress) %><% } %></td>
        <td class="mono muted fill" title="<%- params %>"><%- params %></td>
        <td class="num"><%- fmt.ago(a.date_enqueued) %></td>
        <td class="num"><%- fmt.duration(tookS(a)) %></td>
        <td class="actions"><%= actionButtons({ status: a.status }) %></td>
      </tr>
    <% }) %></tbody>
  </table><%= MRQ.pager(pageNumber, nextCursor, total) %></section>`,
  { statusCell: statusCell, actionButtons: actionButtons, tookS: tookS });

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
      if (!this.$(".filters-form").length) this.$el.html(jobsPage({ f: this.filter, sort: this.sort }));
      this.$(".results").html(this.content(this.results));
      return this;
    },
    results: function () {
      if (!this.page.length) {
        return MRQ.emptyPanel("No job matches", _.isEmpty(this.filter) ? "No job is stored yet." : "Try fewer filters.");
      }
      return jobRows({ jobs: this.page.map((job) => job.attributes), pageNumber: this.cursors.length,
        nextCursor: this.page.nextCursor, total: totalText(this.page) });
    },
    apply: function (event) {
      event.preventDefault();
      const values = {};
      this.$("form.filters-form").serializeArray().forEach((field) => { values[field.name] = field.value.trim(); });
      if (values.sort === "newest") delete values.sort;
      const query = MRQ.toQuery(values);
      MRQ.router.navigate("jobs" + (query ? "?" + query : ""), { trigger: true });
    },
    clear: function () { MRQ.router.navigate("jobs", { trigger: true }); },
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

  // A job's page: its summary (redrawn by each refresh), the live stack and the logs (drawn once).
  const jobFrame = MRQ.template(`<div class="job-summary"></div><div class="stack-slot"></div>
    <section class="panel"><h2>Logs <span class="log-state muted"></span></h2>
      <div class="body"><pre class="logs" data-logs>Loading…</pre></div></section>`);

  const jobSummary = MRQ.template(`<div class="detail-head"><h2 class="mono"><%- a.task %></h2><%= MRQ.badge(a.status) %>
      <span class="muted mono"><%- a.id %></span><span class="spacer"></span>
      <% if (a.status === "started") { %><button class="btn small" data-stack>Live stack</button><% } %>
      <%= actionButtons({ status: a.status }) %>
      <% if (a.status !== "started") { %><button class="btn small danger" data-job-delete>Delete</button><% } %>
    </div>
    <% if (a.status === "started" || a.progress) { %>
      <section class="panel"><div class="body"><%= MRQ.progress(a.progress, a.status === "success") %>
        <div class="muted" style="margin-top:6px"><%- fmt.pct(a.progress) %> done</div></div></section>
    <% } %>
    <div class="grid-2">
      <section class="panel"><h2>Details</h2><div class="body"><dl class="kv">
        <dt>Queue</dt><dd><a class="mono" href="#jobs?queue=<%- encodeURIComponent(a.queue) %>"><%- a.queue %></a></dd>
        <dt>Worker</dt><dd><% if (a.worker_id) { %>
          <a class="mono" href="#jobs?worker=<%- encodeURIComponent(a.worker_id) %>"><%- a.worker_id %></a>
        <% } else { %>–<% } %></dd>
        <dt>Enqueued</dt><dd><%- fmt.date(a.date_enqueued) %></dd>
        <dt>Started</dt><dd><%- fmt.date(a.date_started) %></dd>
        <% if (runAt(a)) { %><dt>Runs at</dt><dd><%- fmt.date(runAt(a)) %><%-
          a.status === "delayed" ? " (" + fmt.until(runAt(a)) + ")" : "" %></dd><% } %>
        <dt>Finished</dt><dd><%- fmt.date(a.date_finished) %></dd>
        <dt>Took</dt><dd><%- fmt.duration(tookS(a)) %></dd>
        <% if (a.schedule_id) { %><dt>Schedule</dt><dd><a href="#scheduled?id=<%- encodeURIComponent(a.schedule_id) %>">its
          schedule</a><%- a.schedule_tick ? ", tick of " + fmt.date(a.schedule_tick) : "" %>
          · <a href="#jobs?schedule=<%- encodeURIComponent(a.schedule_id) %>">its jobs</a></dd><% } %>
        <% if (a.taskset_id) { %><dt>Taskset</dt><dd><a class="mono" href="#tasksets/<%- a.taskset_id %>"><%-
          a.taskset_id %></a> · <a href="#jobs?taskset=<%- a.taskset_id %>">its jobs</a></dd><% } %>
        <dt>Retries</dt><dd><%- a.retry_count %> of <%- a.options.max_retries === undefined ? "–" : a.options.max_retries %></dd>
        <dt>Requeued</dt><dd><%- a.requeue_count %> times</dd>
        <dt>Timeout</dt><dd><%- a.options.timeout_s ? fmt.duration(a.options.timeout_s) : "none" %></dd>
        <dt>Priority</dt><dd><%- a.options.priority || 0 %></dd>
        <% if (a.cpu_s !== null) { %><dt>CPU</dt><dd><%- fmt.duration(a.cpu_s) %> · <%- fmt.int(a.switches) %> switches</dd><% } %>
        <dt>Expires</dt><dd><%- fmt.date(a.date_expires) %></dd>
      </dl></div></section>
      <section class="panel"><h2>Params</h2><div class="body"><pre class="light"><%- fmt.json(a.params) %></pre></div>
        <% if (a.status === "success") { %>
          <h2>Result</h2><div class="body"><pre class="light"><%- fmt.json(a.result) %></pre></div>
        <% } %>
      </section>
    </div>
    <% if (a.traceback) { %>
      <section class="panel" data-panel="traceback"><h2>Traceback <code><%- a.exception_type %></code></h2>
        <div class="body"><pre><%- a.traceback %></pre></div></section>
    <% } %>
    <% if (a.traceback_history.length) { %>
      <section class="panel"><h2>Attempts (<%- a.traceback_history.length %>)</h2>
        <% _.each(a.traceback_history.slice().reverse(), function (t) { %>
          <div class="attempt"><div class="meta"><%= MRQ.badge(t.status) %><code><%- t.exception_type %></code>
            <span class="muted"><%- fmt.date(t.date) %> · <%- t.worker_id %></span></div>
            <pre><%- t.traceback || t.error %></pre></div>
        <% }) %>
      </section>
    <% } %>`, { actionButtons: actionButtons, runAt: runAt, tookS: tookS });

  const logState = MRQ.template('<% if (live) { %><span class="live-dot"></span><% } %><%- text %>');

  const liveStack = MRQ.template(`<section class="panel">
    <% if (stack) { %>
      <h2>Live stack <span class="muted"><%- fmt.duration(stack.elapsed_s) %> running on <%- stack.worker_id %></span></h2>
      <div class="body"><pre><%- stack.stack %></pre></div>
    <% } else { %>
      <h2>Live stack</h2><div class="body muted">Asking the worker…</div>
    <% } %>
  </section>`);

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
      if (!this.$(".job-summary").length) this.$el.html(jobFrame());
      if (this.error && this.error.status === 404) return this.renderMissing();
      this.$(".job-summary").html(this.content(this.summary));
      if (this.loaded && this.job.get("status") !== "started") this.$(".stack-slot").empty();
      return this;
    },
    renderMissing: function () {
      const text = "Job " + this.job.id + " doesn't exist";
      this.$(".job-summary").html(MRQ.emptyPanel(text, "It was never enqueued, or it expired and was removed."));
      this.$("[data-logs]").text(text + ", so it has no logs.");
      this.logState("");
      return this;
    },
    summary: function () { return jobSummary({ a: this.job.attributes }); },
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
      this.logState("following", true);
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
    logState: function (text, live) { this.$(".log-state").html(logState({ text: text, live: live })); },
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
      $slot.html(liveStack({ stack: null }));
      MRQ.api("GET", "api/jobs/" + this.job.id + "/stack").then((stack) => $slot.html(liveStack({ stack: stack })),
        (xhr) => $slot.html(MRQ.errorState(MRQ.errorText(xhr))));
    },
  });
})(window.MRQ);
