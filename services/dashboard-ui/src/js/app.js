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
      "exceptions": "exceptions",
      "scheduled": "scheduled",
      "*other": "overview",
    },
    overview: () => show(new MRQ.OverviewPage(), "overview"),
    queues: () => show(new MRQ.QueuesPage(), "queues"),
    jobs: (query) => show(new MRQ.JobsPage({ query: MRQ.parseQuery(query) }), "jobs"),
    job: (id) => show(new MRQ.JobPageView({ jobId: id }), "jobs"),
    workers: () => show(new MRQ.WorkersPage(), "workers"),
    tasks: () => show(new MRQ.TasksPage(), "tasks"),
    exceptions: () => show(new MRQ.ExceptionsPage(), "exceptions"),
    scheduled: () => show(new MRQ.ScheduledPage(), "scheduled"),
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

  function refresh() {
    if (!current) return;
    const page = current;
    page.refresh().then(() => {
      if (page === current) $("#updated").text("Updated " + new Date().toLocaleTimeString("en-GB"));
    });
  }

  let timer = null;
  function setRefresh(seconds) {
    clearInterval(timer);
    localStorage.setItem(REFRESH_KEY, String(seconds));
    // A hidden tab does not poll; it catches up when shown again.
    if (seconds > 0) timer = setInterval(() => { if (!document.hidden) refresh(); }, seconds * 1000);
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
