// Backbone models and collections of the API's resources (see /docs).
/* global Backbone */
(function (MRQ) {
  "use strict";
  MRQ.Overview = Backbone.Model.extend({ url: "api/overview" });
  // Keyed by name (and tasks by path) through the model's idAttribute, so that `model.id` is set:
  // a collection's `modelId` alone finds models but leaves their `id` undefined.
  MRQ.Queue = Backbone.Model.extend({ idAttribute: "name" });
  MRQ.Queues = Backbone.Collection.extend({ url: "api/queues", model: MRQ.Queue });
  MRQ.Workers = Backbone.Collection.extend({ url: "api/workers" });
  MRQ.Task = Backbone.Model.extend({ idAttribute: "task" });
  MRQ.Tasks = Backbone.Collection.extend({ url: "api/tasks", model: MRQ.Task });
  MRQ.ExceptionGroups = Backbone.Collection.extend({ url: "api/exceptions" });
  MRQ.Schedules = Backbone.Collection.extend({ url: "api/schedules" });
  MRQ.Job = Backbone.Model.extend({ urlRoot: "api/jobs" });
  // One page of a job search; `nextCursor` reads the following page; `total` counts every
  // match, exactly up to a bound, past which `totalIsLowerBound` is set.
  MRQ.JobPage = Backbone.Collection.extend({
    model: MRQ.Job,
    url: "api/jobs",
    parse: function (response) {
      this.nextCursor = response.next_cursor;
      this.total = response.total;
      this.totalIsLowerBound = response.total_is_lower_bound;
      return response.jobs;
    },
  });
})(window.MRQ);
