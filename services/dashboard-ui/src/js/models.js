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
  MRQ.Taskset = Backbone.Model.extend({ urlRoot: "api/tasksets" });
  // One page of a listing read by cursor; `nextCursor` reads the following page; `total` (job
  // searches) counts every match, exactly up to a bound, past which `totalIsLowerBound` is set.
  const CursorPage = Backbone.Collection.extend({
    parse: function (response) {
      this.nextCursor = response.next_cursor;
      this.total = response.total;
      this.totalIsLowerBound = response.total_is_lower_bound;
      return response[this.key];
    },
  });
  MRQ.JobPage = CursorPage.extend({ model: MRQ.Job, url: "api/jobs", key: "jobs" });
  MRQ.TasksetPage = CursorPage.extend({ model: MRQ.Taskset, url: "api/tasksets", key: "tasksets" });
})(window.MRQ);
