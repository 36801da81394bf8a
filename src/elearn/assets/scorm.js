/* elearn SCORM 1.2: the launch page of the package. It holds the one LMS session,
 * shows the course in a frame, and reports what the learner's progress record says.
 * Without an LMS it simply opens the course: then the site behaves as always.
 * Classic script; the course pages call it as parent.elearnScorm (same origin).
 *
 * What the LMS gets, and why (Moodle's defaults are the yardstick: "mastery score overrides
 * status" on, and an activity is complete at the status "Completed"):
 * - cmi.core.lesson_status "incomplete" and cmi.core.exit "suspend" while the learner is under
 *   way, so that a new launch resumes the same attempt, with credit, instead of opening a
 *   finished one in review mode.
 * - "completed" once the chosen path is complete: every page of its modules read and every test
 *   passed at its own pass mark (the passed flag the test page set with its beheersing). Not
 *   "passed": Moodle's default completion rule accepts "completed" only. Never "failed": a test
 *   can be taken again as often as the learner likes, so a test not passed yet is work still to
 *   do, and a failed status would close the attempt.
 * - cmi.core.score.raw (0-100, the mean of the best scores on the path's tests) only once every
 *   test of the path has a result. Before that there is no score: a score of 0, or a mean over
 *   the tests taken so far, would read as a result the learner does not have.
 * - The place (lesson_location) and the record (suspend_data), for a resume on any device.
 * Once the LMS says the attempt is completed or passed, or it does not give credit (review or
 * browse mode), status and score are left as they are. */
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

  /* suspend_data: the record in a compact form, well within 4096 characters (one character per
   * page, one short entry per test: a learner who has done everything in the course of this
   * repository needs some 600). */
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

  /* The LMS keeps the learner's record, so it goes with them to any device; this browser may
   * know more (answers per question, chosen options, visit counts: none of it fits in
   * suspend_data). So the two are merged, and nothing either holds is lost: pages read, the
   * best score and the pass of each test. The LMS's path and place win, being the learner's
   * last. A record this script cannot merge is kept aside, as the page script keeps a damaged one. */
  function keep(saved) {
    var raw = null, local = null;
    try { raw = window.localStorage.getItem(KEY); local = raw && JSON.parse(raw); } catch (e) { local = null; }
    var rec = saved;
    if (mergeable(local)) {
      rec = local;
      Object.keys(saved.pages).forEach(function (id) { if (!rec.pages[id]) rec.pages[id] = saved.pages[id]; });
      Object.keys(saved.quizzes).forEach(function (id) {
        var mine = rec.quizzes[id], theirs = saved.quizzes[id];
        if (!mine) { rec.quizzes[id] = theirs; return; }
        mine.best = Math.max(+mine.best || 0, theirs.best);
        mine.passed = mine.passed === true || theirs.passed;
      });
      rec.path = saved.path || rec.path;
      rec.last = saved.last || rec.last;
      rec.name = rec.name || saved.name;
    } else if (raw) {
      try { window.localStorage.setItem(KEY + ":reservekopie:" + Date.now(), raw); } catch (e) { /* full */ }
    }
    try { window.localStorage.setItem(KEY, JSON.stringify(rec)); } catch (e) { /* the page script says so */ }
    return rec;
  }

  function mergeable(rec) {
    return !!rec && typeof rec === "object" && rec.course === COURSE.course && !!rec.pages && !!rec.quizzes &&
      typeof rec.pages === "object" && typeof rec.quizzes === "object";
  }

  /* This browser's own record, when it has one the status can be read from. */
  function local() {
    try {
      var rec = JSON.parse(window.localStorage.getItem(KEY));
      return mergeable(rec) ? rec : null;
    } catch (e) {
      return null;
    }
  }

  /* The chosen path (or, before a choice, the whole course) in SCORM 1.2 terms: see the top. */
  function status(rec) {
    var path = COURSE.paths.filter(function (p) { return p.id === rec.path; })[0];
    var modules = COURSE.modules.filter(function (m) { return !path || path.modules.indexOf(m.id) >= 0; });
    var own = modules.map(function (m) { return m.test; }).filter(Boolean);
    var complete = modules.every(function (m) {
      var q = m.test ? rec.quizzes[m.test] : null;
      return m.pages.every(function (id) { return rec.pages[id]; }) && (!m.test || (q && q.passed === true));
    });
    var taken = own.filter(function (id) { return rec.quizzes[id]; });
    var score = own.length && taken.length === own.length ? Math.round(own.reduce(function (sum, id) {
      return sum + rec.quizzes[id].best;
    }, 0) / own.length) : null;
    return { lesson: complete ? "completed" : "incomplete", score: score };
  }

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(s / 3600)) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60);
  }

  var session = false; // between LMSInitialize and LMSFinish
  var credit = false; // status and score are ours to report in this session (see the top)
  var sent = {}; // element -> the value last set: the LMS hears of a change only

  function set(element, value) {
    if (sent[element] === value) return false;
    api.LMSSetValue(element, value);
    sent[element] = value;
    return true;
  }

  /* Sets what the record says; true when the status or the score changed. */
  function report(rec) {
    var changed = false;
    if (credit) {
      var st = status(rec);
      changed = set("cmi.core.lesson_status", st.lesson);
      set("cmi.core.exit", st.lesson === "completed" ? "" : "suspend");
      if (st.score !== null) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        changed = set("cmi.core.score.raw", String(st.score)) || changed;
      }
    }
    if (rec.last) set("cmi.core.lesson_location", rec.last.page);
    set("cmi.suspend_data", encode(rec));
    return changed;
  }

  window.elearnScorm = {
    save: function (rec) {
      // A test result or a finished path is kept at once, not only when the learner leaves.
      if (session && report(rec)) commit();
    }
  };

  function commit() {
    if (!session) return;
    api.LMSSetValue("cmi.core.session_time", duration(Date.now() - started));
    api.LMSCommit("");
  }

  var start = "index.html";
  if (api && String(api.LMSInitialize("")) === "true") {
    session = true;
    var mode = api.LMSGetValue("cmi.core.lesson_mode");
    var launched = api.LMSGetValue("cmi.core.lesson_status");
    credit = (!mode || mode === "normal") && launched !== "completed" && launched !== "passed";
    var saved = api.LMSGetValue("cmi.suspend_data");
    var rec = null;
    try { rec = saved ? decode(saved) : null; } catch (e) { rec = null; }
    rec = rec ? keep(rec) : local();
    var resume = api.LMSGetValue("cmi.core.lesson_location");
    if (resume && COURSE.pages[resume]) start = COURSE.pages[resume].url;
    // From the first moment: under way (not "not attempted", which Moodle turns into
    // "completed" when the learner leaves at once), resumable, and no score yet.
    report(rec || { path: null, name: "", pages: {}, quizzes: {}, last: null });
    commit();
    window.addEventListener("pagehide", commit);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") commit(); });
    window.addEventListener("unload", function () {
      commit();
      session = false;
      api.LMSFinish("");
    });
  }
  var frame = document.getElementById("elearn-course");
  frame.src = start;
})();
