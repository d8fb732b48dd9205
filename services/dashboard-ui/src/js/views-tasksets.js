// The Tasksets page: tasksets newest first, a page at a time (or the one a job's page links
// to), each with its progress, its final members by status and its callback, linked to its jobs.
/* global _ */
(function (MRQ) {
  "use strict";

  const tasksets = MRQ.template(`<section class="panel"><table>
    <thead><tr><th>Taskset</th><th>Task</th><th class="num">Created</th><th>Progress</th><th>Final by status</th>
      <th>Callback</th></tr></thead>
    <tbody><% _.each(tasksets, function (t) { %>
      <tr data-taskset="<%- t.id %>">
        <td><a class="mono" href="#jobs?taskset=<%- t.id %>" title="its jobs"><%- t.id %></a></td>
        <td class="mono break"><%- t.task %></td>
        <td class="num" title="<%- fmt.date(t.date_created) %>"><%- fmt.ago(t.date_created) %></td>
        <td style="min-width:140px"><%= MRQ.progress(t.progress, t.final === t.total) %>
          <div class="muted"><%- fmt.int(t.final) %> / <%- fmt.int(t.total) %> final · <%- fmt.pct(t.progress) %></div></td>
        <td style="min-width:180px"><%= MRQ.stackBar(t.counts) %>
          <div class="muted"><% _.each(MRQ.STATUSES.filter(function (s) { return t.counts[s]; }), function (s, i) { %>
            <%- i ? " · " : "" %><%- fmt.int(t.counts[s]) %> <%- s %><% }) %></div></td>
        <td><% if (!t.callback_task) { %><span class="muted">none</span>
          <% } else { %><div class="mono"><%- t.callback_task %></div>
            <% if (t.callback_job_id) { %><a class="muted" href="#jobs/<%- t.callback_job_id %>">its job →</a>
            <% } else { %><span class="muted">once every member is final</span><% } %>
          <% } %></td>
      </tr>
    <% }) %></tbody>
  </table><% if (paged) { %><%= MRQ.pager(pageNumber, nextCursor) %><% } %></section>`);

  MRQ.TasksetsPage = MRQ.Page.extend({
    title: "Tasksets",
    events: {
      "click [data-page-next]": "nextPage",
      "click [data-page-prev]": "prevPage",
    },
    // `tasksetId`: show that taskset alone (a member job's page links here with it).
    initialize: function (options) {
      this.tasksetId = options.tasksetId;
      this.cursors = [""];
      this.page = new MRQ.TasksetPage();
      this.one = new MRQ.Taskset({ id: options.tasksetId });
    },
    load: function () {
      if (this.tasksetId) return this.one.fetch();
      return this.page.fetch({ reset: true, data: { limit: 20, cursor: _.last(this.cursors) } });
    },
    body: function () {
      if (this.tasksetId) return tasksets({ tasksets: [this.one.attributes], paged: false });
      if (!this.page.length) {
        return MRQ.emptyPanel("No taskset yet", "Create one with client.enqueue_taskset().");
      }
      return tasksets({ tasksets: this.page.map((t) => t.attributes), paged: true,
        pageNumber: this.cursors.length, nextCursor: this.page.nextCursor });
    },
  });
})(window.MRQ);
