// The application: hash routes to pages, the navigation, and the global auto-refresh.
/* global $, Backbone */
(function (MRQ) {
  "use strict";
  const REFRESH_KEY = "mrq.refresh_s";

  const Router = Backbone.Router.extend({
    routes: {
      "": "overview",
      "overview": "overview",
      "queues": "queues",
      "jobs": "jobs",
      "jobs/:id": "job",
      "workers": "workers",
      "tasks": "tasks",
      "metrics": "metrics",
      "exceptions": "exceptions",
      "scheduled": "scheduled",
      "tasksets": "tasksets",
      "tasksets/:id": "taskset",
      "*other": "overview",
    },
    overview: () => show(new MRQ.OverviewPage(), "overview"),
    queues: () => show(new MRQ.QueuesPage(), "queues"),
    jobs: (query) => show(new MRQ.JobsPage({ query: MRQ.parseQuery(query) }), "jobs"),
    job: (id) => show(new MRQ.JobPageView({ jobId: id }), "jobs"),
    workers: () => show(new MRQ.WorkersPage(), "workers"),
    tasks: () => show(new MRQ.TasksPage(), "tasks"),
    metrics: (query) => show(new MRQ.MetricsPage({ query: MRQ.parseQuery(query) }), "metrics"),
    exceptions: () => show(new MRQ.ExceptionsPage(), "exceptions"),
    tasksets: () => show(new MRQ.TasksetsPage({}), "tasksets"),
    taskset: (id) => show(new MRQ.TasksetsPage({ tasksetId: id }), "tasksets"),
    scheduled: (query) => show(new MRQ.ScheduledPage({ highlight: MRQ.parseQuery(query).id }), "scheduled"),
  });

  let current = null;
  function show(page, nav) {
    if (current) current.remove();
    current = page;
    $("#page").empty().append(page.el);
    $("#page-title").text(page.title);
    document.title = page.title + " · MRQ";
    $(".sidebar nav a").removeClass("active").filter('[data-page="' + nav + '"]').addClass("active");
    page.render();
    refresh();
  }

  // One refresh at a time: the next is scheduled only once the previous one answered, so a
  // slow broker never piles up requests. While refreshes fail, the wait doubles each time (up
  // to MAX_WAIT_S). "Updated" tells when the page last loaded, not when it last tried.
  const MAX_WAIT_S = 60;
  let refreshS = 0;
  let failures = 0;
  let timer = null;
  let loading = null;  // the page whose refresh is awaited

  function refresh() {
    if (!current) return;
    clearTimeout(timer);
    const page = loading = current;
    page.refresh().then((ok) => {
      if (page !== current) return;  // another page was opened meanwhile; it refreshes itself
      loading = null;
      failures = ok ? 0 : failures + 1;
      if (ok) $("#updated").text("Updated " + new Date().toLocaleTimeString("en-GB"));
      scheduleNext();
    });
  }

  function scheduleNext() {
    clearTimeout(timer);
    if (!refreshS || loading === current) return;  // the awaited answer schedules the next one
    const waitS = Math.min(MAX_WAIT_S, refreshS * Math.pow(2, failures));
    // A hidden tab does not poll; it catches up when shown again.
    timer = setTimeout(() => (document.hidden ? scheduleNext() : refresh()), waitS * 1000);
  }

  function setRefresh(seconds) {
    refreshS = seconds;
    MRQ.autoRefresh = seconds > 0;
    localStorage.setItem(REFRESH_KEY, String(seconds));
    scheduleNext();
  }

  $(function () {
    const saved = localStorage.getItem(REFRESH_KEY);
    const seconds = saved === null ? 5 : Number(saved);
    $("#refresh").val(String(seconds)).on("change", function () { setRefresh(Number(this.value)); });
    setRefresh(seconds);
    MRQ.router = new Router();
    Backbone.history.start();
  });
})(window.MRQ);
