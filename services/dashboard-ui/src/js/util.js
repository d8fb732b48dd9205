// Helpers shared by every page: the API call, formatting, and small HTML builders (badges,
// progress bars, sparklines), the confirmation dialog and the flash message.
/* global $, _ */
window.MRQ = window.MRQ || {};
(function (MRQ) {
  "use strict";

  // Every request carries the dashboard's CSRF header; the API refuses actions without it.
  $.ajaxSetup({ headers: { "X-Requested-With": "mrq-dashboard" }, cache: false });

  MRQ.errorText = function (xhr) {
    const body = xhr && xhr.responseJSON;
    if (body && body.detail) return body.detail;
    if (xhr && xhr.status === 0) return "The dashboard at " + location.host + " is unreachable.";
    return "The request failed (HTTP " + (xhr ? xhr.status : "?") + ").";
  };
  // The broker's own words behind a rephrased error, if any (shown folded away).
  MRQ.errorCause = (xhr) => (xhr && xhr.responseJSON && xhr.responseJSON.cause) || "";
  // Whether trying again later may help: the dashboard or the broker is down or slow.
  MRQ.isTransient = (xhr) => !xhr || [0, 502, 503, 504].indexOf(xhr.status) >= 0;

  MRQ.api = function (method, path, body) {
    return $.ajax({
      url: path, method: method, dataType: "json",
      contentType: body === undefined ? undefined : "application/json",
      data: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  // Every page renders through Underscore templates: `<%- value %>` escapes (use it for every
  // value); `<%= html %>` inserts HTML as is, and only takes HTML that another template made
  // (the MRQ helpers below are templates too). A template sees its data's names, `fmt`, and the
  // `partials` (other templates) it names. A line break between two tags is dropped and any
  // other becomes one space, so a template can span lines without adding gaps between inline
  // elements.
  MRQ.template = function (source, partials) {
    const render = _.template(source.replace(/>\s*\n\s*</g, "><").replace(/\s*\n\s*/g, " "));
    const base = _.extend({ fmt: MRQ.fmt }, partials);
    return (data) => render(_.extend({}, base, data));
  };

  MRQ.toQuery = (object) => new URLSearchParams(_.pick(object, (v) => v !== "" && v != null)).toString();

  const UNITS = [[86400, "d"], [3600, "h"], [60, "min"], [1, "s"]];
  // A duration of a minute or more as its two largest whole units: 605 -> ["10 min", "5 s"]
  // (the second is "" when zero).
  function wholeUnits(s) {
    const i = UNITS.findIndex(([size]) => s >= size);
    const big = Math.floor(s / UNITS[i][0]);
    const small = Math.floor((s % UNITS[i][0]) / UNITS[i + 1][0]);
    return [big + " " + UNITS[i][1], small ? small + " " + UNITS[i + 1][1] : ""];
  }

  MRQ.fmt = {
    int: (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US")),
    rate: (n) => (n ? (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)) + "/s" : "0/s"),
    pct: (f) => Math.round((f || 0) * 100) + "%",
    bytes: function (b) {
      if (!b) return "–";
      const units = ["B", "KB", "MB", "GB", "TB"];
      let i = 0;
      while (b >= 1024 && i < units.length - 1) { b /= 1024; i++; }
      return b.toFixed(i ? 1 : 0) + " " + units[i];
    },
    // "850 ms", "4.2 s", "45 s", "10 min", "10 min 5 s", "2 h 1 min", "3 d": whole units past a
    // minute, the smaller one left out when it is zero.
    duration: function (s) {
      if (s === null || s === undefined) return "–";
      if (s < 1) return Math.round(s * 1000) + " ms";
      if (s < 10) return s.toFixed(1) + " s";
      if (s < 60) return Math.floor(s) + " s";
      const [big, small] = wholeUnits(s);
      return big + (small ? " " + small : "");
    },
    // "just now", "42 s ago", "1 min ago", "3 h ago": the larger unit alone.
    ago: function (iso) {
      if (!iso) return "–";
      const s = (Date.now() - new Date(iso).getTime()) / 1000;
      if (s < 2) return "just now";
      if (s < 60) return Math.floor(s) + " s ago";
      return wholeUnits(s)[0] + " ago";
    },
    // Time elapsed since an instant, as a duration: "12 s", "3 min 5 s".
    since: (iso) => MRQ.fmt.duration(Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000)),
    // Time to an instant: "in 12 s", "in 5 min", or "now" once it passed; the larger unit alone.
    until: function (iso) {
      const s = (new Date(iso).getTime() - Date.now()) / 1000;
      if (s < 1) return "now";
      return "in " + (s < 60 ? Math.floor(s) + " s" : wholeUnits(s)[0]);
    },
    date: function (iso) {
      if (!iso) return "–";
      const d = new Date(iso);
      return d.toLocaleDateString("en-CA") + " " + d.toLocaleTimeString("en-GB");
    },
    json: (value) => JSON.stringify(value, null, 2),
  };

  const badge = MRQ.template('<span class="badge s-<%- kind %>"><%- text %></span>');
  MRQ.badge = (text, kind) => badge({ text: text, kind: kind || text });

  const progress = MRQ.template(`<div class="progress<%- ok ? " ok" : "" %>" title="<%- pct.toFixed(0) %>%">
    <span style="width:<%- pct.toFixed(1) %>%"></span>
  </div>`);
  MRQ.progress = (fraction, ok) => progress({ pct: Math.max(0, Math.min(1, fraction || 0)) * 100, ok: ok });

  const STATUS_ORDER = ["success", "started", "queued", "delayed", "retry", "interrupt", "failed", "timeout",
    "maxretries", "maxconcurrency", "abort", "cancel"];
  MRQ.STATUSES = STATUS_ORDER;

  // A horizontal bar of a count per status, in status colours.
  const stackBar = MRQ.template(`<div class="stack-bar">
    <% _.each(statuses, function (s) { %>
      <span class="bar-<%- s %>" style="width:<%- (100 * counts[s] / total).toFixed(2) %>%"
        title="<%- s %>: <%- counts[s] %>"></span>
    <% }) %>
  </div>`);
  MRQ.stackBar = function (counts) {
    const total = _.reduce(_.values(counts), (a, b) => a + b, 0);
    return stackBar({ counts: counts, total: total, statuses: total ? STATUS_ORDER.filter((s) => counts[s]) : [] });
  };

  // An inline SVG sparkline of the last values (oldest first); a flat line before two samples.
  const sparkline = MRQ.template(`<svg class="spark" width="<%- width %>" height="<%- height %>"
      viewBox="0 0 <%- width %> <%- height %>" preserveAspectRatio="none">
    <% if (points) { %>
      <polygon points="0,<%- height %> <%- points %> <%- width %>,<%- height %>" fill="<%- color %>"
        fill-opacity=".10"/>
      <polyline points="<%- points %>" fill="none" stroke="<%- color %>" stroke-width="2"
        stroke-linejoin="round"/>
    <% } else { %>
      <line x1="0" x2="<%- width %>" y1="<%- height - 2 %>" y2="<%- height - 2 %>" stroke="#e6e8ef"
        stroke-width="2"/>
    <% } %>
  </svg>`);
  MRQ.sparkline = function (values, options) {
    const o = _.extend({ width: 160, height: 34, color: "#4f46e5", points: "" }, options);
    if (values && values.length >= 2) {
      // Scaled from 0 to the largest sample; a series of zeros lies on the baseline.
      const max = Math.max.apply(null, values) || 1;
      const step = o.width / (values.length - 1);
      o.points = values.map((v, i) => (i * step).toFixed(1) + "," +
        (o.height - 2 - (v / max) * (o.height - 6)).toFixed(1)).join(" ");
    }
    return sparkline(o);
  };

  // Recent samples per series (e.g. "finished/s"), kept while the page is open, for sparklines.
  const series = {};
  MRQ.history = {
    push: function (name, value, keep) {
      const values = series[name] || (series[name] = []);
      values.push(value);
      if (values.length > (keep || 40)) values.shift();
      return values;
    },
    get: (name) => series[name] || [],
  };

  MRQ.flash = function (message, isError) {
    const $flash = $("#flash");
    $flash.text(message).toggleClass("error", !!isError).prop("hidden", false);
    clearTimeout(MRQ.flash.timer);
    MRQ.flash.timer = setTimeout(() => $flash.prop("hidden", true), isError ? 8000 : 4000);
  };

  // A confirmation dialog; resolves true when confirmed.
  const dialog = MRQ.template(`<div class="modal" role="dialog" aria-modal="true" aria-label="<%- title %>">
    <h3><%- title %></h3><p><%- text %></p>
    <div class="buttons">
      <button class="btn" data-answer="no">Keep as is</button>
      <button class="btn <%- danger ? "danger solid" : "primary" %>" data-answer="yes"><%- confirmLabel %></button>
    </div>
  </div>`);
  MRQ.confirm = function (title, text, confirmLabel, danger) {
    return new Promise(function (resolve) {
      const $modal = $("#modal");
      $modal.html(dialog({ title: title, text: text, confirmLabel: confirmLabel, danger: danger }))
        .prop("hidden", false);
      $modal.find("[data-answer]").on("click", function () {
        $modal.prop("hidden", true).empty();
        resolve($(this).data("answer") === "yes");
      });
    });
  };

  // Previous and next buttons under a listing read by cursor (see MRQ.Page's nextPage), after
  // the listing's total when it has one ("1,234 jobs").
  const pager = MRQ.template(`<div class="pager">
    <% if (total) { %><span class="muted" data-total><%- total %></span><% } %>
    <span class="muted">Page <%- pageNumber %></span>
    <button class="btn small" data-page-prev<%- pageNumber > 1 ? "" : " disabled" %>>← Previous</button>
    <button class="btn small" data-page-next<%- nextCursor ? "" : " disabled" %>>Next →</button>
  </div>`);
  MRQ.pager = (pageNumber, nextCursor, total) => pager({ pageNumber: pageNumber, nextCursor: nextCursor, total: total });

  const emptyState = MRQ.template('<div class="empty"><strong><%- title %></strong><%- text %></div>');
  MRQ.emptyState = (title, text) => emptyState({ title: title, text: text || "" });
  // An empty state in a panel of its own, for a page with nothing to list.
  const emptyPanel = MRQ.template('<section class="panel"><%= MRQ.emptyState(title, text) %></section>');
  MRQ.emptyPanel = (title, text) => emptyPanel({ title: title, text: text });
  const errorState = MRQ.template(`<div class="error-state" role="alert"><%- text %>
    <% if (cause) { %><details><summary>Details</summary><pre class="light"><%- cause %></pre></details><% } %>
  </div>`);
  MRQ.errorState = (text, cause) => errorState({ text: text, cause: cause || "" });
})(window.MRQ);
