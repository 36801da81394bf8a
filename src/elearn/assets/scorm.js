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
      v: 1,
      p: rec.path,
      l: rec.last ? pageIds.indexOf(rec.last.page) : -1,
      s: pageIds.map(function (id) { return rec.pages[id] ? "1" : "0"; }).join("").replace(/0+$/, ""),
      t: tests.map(function (id) { var q = rec.quizzes[id]; return q ? q.best + (q.passed ? "p" : "") : ""; }).join(","),
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
    if (!data || data.v !== 1) return null;
    var now = new Date().toISOString();
    var rec = { schema: 2, course: COURSE.course, created: now, updated: now, path: data.p || null,
      name: String(data.n || "").slice(0, 80), pages: {}, questions: {}, quizzes: {}, last: null };
    String(data.s || "").split("").forEach(function (bit, i) {
      if (bit === "1" && pageIds[i]) rec.pages[pageIds[i]] = { first: now, last: now, visits: 1 };
    });
    String(data.t || "").split(",").forEach(function (entry, i) {
      if (!entry || !tests[i]) return;
      var best = parseInt(entry, 10);
      rec.quizzes[tests[i]] = { attempts: 1, best: best, last: best, passed: /p$/.test(entry), at: now };
    });
    if (data.l >= 0 && pageIds[data.l]) rec.last = { page: pageIds[data.l], at: now };
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
