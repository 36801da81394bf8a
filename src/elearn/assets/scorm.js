/* elearn SCORM 1.2: the launch page of the package. It holds the one LMS session,
 * shows the course in a frame, and reports what the learner's progress record says.
 * Without an LMS it simply opens the course: then the site behaves as always.
 * Classic script; the course pages call it as parent.elearnScorm (same origin). */
(function () {
  "use strict";
  var COURSE = window.ELEARN_COURSE;
  var KEY = "elearn:" + COURSE.course;
  var LIMIT = 4096; // cmi.suspend_data in SCORM 1.2; some runtimes allow more, we do not
  var pageIds = Object.keys(COURSE.pages).sort();
  var tests = COURSE.modules.map(function (m) { return m.test; }).filter(Boolean);
  // The page bits are positions in this list: a fingerprint of it tells whether a saved
  // state was written by a package with the same pages, so no bit lands on another page.
  var fingerprint = pageIds.join(",").split("").reduce(function (h, c) { return (h * 31 + c.charCodeAt(0)) | 0; }, 7);
  var started = Date.now();

  function findApi(win) {
    // SCORM 1.2: look in this window's parents, then in the opener's.
    for (var hops = 0; win && hops < 10; hops++) {
      try { if (win.API) return win.API; } catch (e) { return null; }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window) || (window.opener && findApi(window.opener));

  /* suspend_data: the record in a compact form, well within 4096 characters. */
  function encode(rec) {
    var data = {
      v: 2,
      h: fingerprint,
      p: rec.path,
      l: rec.last ? rec.last.page : "",
      s: pageIds.map(function (id) { return rec.pages[id] ? "1" : "0"; }).join("").replace(/0+$/, ""),
      // By test id, not by position: a module added later cannot take over a score.
      t: tests.filter(function (id) { return rec.quizzes[id]; }).map(function (id) {
        var q = rec.quizzes[id];
        return id + ":" + q.best + (q.passed ? "p" : "");
      }).join(","),
      n: rec.name || ""
    };
    var text = JSON.stringify(data);
    // Over the limit (a course of thousands of pages): the name, then the pages read, go
    // first; the test results and the place in the course stay.
    if (text.length > LIMIT) { data.n = ""; text = JSON.stringify(data); }
    if (text.length > LIMIT) { data.s = ""; text = JSON.stringify(data); }
    return text;
  }

  function decode(text) {
    var data = JSON.parse(text);
    if (!data || (data.v !== 1 && data.v !== 2)) return null;
    // Version 1 had no fingerprint: its page bits may belong to other pages now, so only
    // its test results (by position; the tests have not moved since) are taken over.
    var samePages = data.h === fingerprint;
    var now = new Date().toISOString();
    var rec = { schema: 2, course: COURSE.course, created: now, updated: now, path: data.p || null,
      name: String(data.n || "").slice(0, 80), pages: {}, questions: {}, quizzes: {}, last: null };
    String(samePages ? data.s || "" : "").split("").forEach(function (bit, i) {
      if (bit === "1" && pageIds[i]) rec.pages[pageIds[i]] = { first: now, last: now, visits: 1 };
    });
    String(data.t || "").split(",").forEach(function (entry, i) {
      var parts = data.v === 1 ? [tests[i], entry] : entry.split(":");
      if (!parts[1] || tests.indexOf(parts[0]) < 0) return;
      var best = parseInt(parts[1], 10);
      rec.quizzes[parts[0]] = { attempts: 1, best: best, last: best, passed: /p$/.test(parts[1]), at: now };
    });
    var last = data.v === 2 ? data.l : null;
    if (last && COURSE.pages[last]) rec.last = { page: last, at: now };
    return rec;
  }

  function status(rec) {
    var path = COURSE.paths.filter(function (p) { return p.id === rec.path; })[0];
    var modules = COURSE.modules.filter(function (m) { return !path || path.modules.indexOf(m.id) >= 0; });
    var own = modules.map(function (m) { return m.test; }).filter(Boolean);
    var done = modules.every(function (m) {
      var q = m.test ? rec.quizzes[m.test] : null;
      return m.pages.every(function (id) { return rec.pages[id]; }) && (!m.test || (q && q.passed));
    });
    var tried = own.filter(function (id) { return rec.quizzes[id]; });
    var score = own.length ? Math.round(own.reduce(function (sum, id) {
      return sum + (rec.quizzes[id] ? rec.quizzes[id].best : 0);
    }, 0) / own.length) : 100;
    var failed = tried.length === own.length && tried.some(function (id) { return !rec.quizzes[id].passed; });
    return { lesson: done ? "passed" : failed ? "failed" : "incomplete", score: score };
  }

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(s / 3600)) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60);
  }

  window.elearnScorm = {
    save: function (rec) {
      if (!api) return;
      var st = status(rec);
      api.LMSSetValue("cmi.core.lesson_status", st.lesson);
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(st.score));
      if (rec.last) api.LMSSetValue("cmi.core.lesson_location", rec.last.page);
      api.LMSSetValue("cmi.suspend_data", encode(rec));
    }
  };

  function commit() {
    if (!api) return;
    api.LMSSetValue("cmi.core.session_time", duration(Date.now() - started));
    api.LMSCommit("");
  }

  var start = "index.html";
  if (api && String(api.LMSInitialize("")) === "true") {
    var saved = api.LMSGetValue("cmi.suspend_data");
    var rec = null;
    try { rec = saved ? decode(saved) : null; } catch (e) { rec = null; }
    if (rec) {
      // The LMS keeps the learner's state: it goes with them to any device.
      try { window.localStorage.setItem(KEY, JSON.stringify(rec)); } catch (e) { /* progress.js says so */ }
    }
    var resume = api.LMSGetValue("cmi.core.lesson_location");
    if (resume && COURSE.pages[resume]) start = COURSE.pages[resume].url;
    if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    }
    window.addEventListener("pagehide", commit);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") commit(); });
    window.addEventListener("unload", function () { commit(); api.LMSFinish(""); });
  }
  var frame = document.getElementById("elearn-course");
  frame.src = start;
})();
