// Backbone models and collections of the API's resources (see /docs).
/* global Backbone */
(function (MRQ) {
  "use strict";
  MRQ.Overview = Backbone.Model.extend({ url: "api/overview" });
  MRQ.Queues = Backbone.Collection.extend({ url: "api/queues", modelId: (attrs) => attrs.name });
  MRQ.Workers = Backbone.Collection.extend({ url: "api/workers" });
  MRQ.Tasks = Backbone.Collection.extend({ url: "api/tasks", modelId: (attrs) => attrs.task });
  MRQ.ExceptionGroups = Backbone.Collection.extend({ url: "api/exceptions" });
  MRQ.Schedules = Backbone.Collection.extend({ url: "api/schedules" });
  MRQ.Job = Backbone.Model.extend({ urlRoot: "api/jobs" });
  // One page of a job search; `nextCursor` reads the following page.
  MRQ.JobPage = Backbone.Collection.extend({
    model: MRQ.Job,
    url: "api/jobs",
    parse: function (response) {
      this.nextCursor = response.next_cursor;
      return response.jobs;
    },
  });
})(window.MRQ);
