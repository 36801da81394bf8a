/* The progress record: one versioned record per course in this browser's localStorage.
 * Never loses what it has: a damaged record is kept as a backup, a storage that refuses is
 * replaced by memory with a visible notice, other tabs stay in step, and an import that is
 * not right changes nothing. Imported text is only ever shown as text. */
var SCHEMA = 3;
var KEY = "elearn:" + (COURSE && COURSE.course); // from the course id: on file:// the path is a disk path
var MAX_IMPORT = 1024 * 1024;
var CHOICE = /^(\d{1,2}|true|false)$/;

var state = null;
var memoryOnly = false;
var notices = [];

function notice(text) {
  if (notices.indexOf(text) < 0) notices.push(text);
}

function empty() {
  return { schema: SCHEMA, course: COURSE.course, created: now(), updated: now(), path: null, name: "",
    pages: {}, questions: {}, quizzes: {}, last: null };
}
function ids(v) {
  return Array.isArray(v) ? v.filter(function (x) { return typeof x === "string" && ID.test(x); }).slice(0, 10) : [];
}
function isTime(v) { return typeof v === "string" && v.length < 40 && !isNaN(Date.parse(v)); }
function fraction(v) { return typeof v === "number" && isFinite(v) && v >= 0 && v <= 1; }
function count(v) { return typeof v === "number" && isFinite(v) && v >= 0 && v < 1e6 && Math.floor(v) === v; }
function entries(value, check) {
  // Only ids as keys: no "__proto__", no markup, nothing unexpected survives.
  var out = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  Object.keys(value).slice(0, 5000).forEach(function (key) {
    if (ID.test(key) && key.length <= 120) {
      var item = check(value[key]);
      if (item) out[key] = item;
    }
  });
  return out;
}

/* A record from storage or from a file, checked field by field; null if it is not one. */
function clean(rec) {
  if (!rec || typeof rec !== "object" || rec.schema !== SCHEMA || typeof rec.course !== "string") return null;
  var out = empty();
  out.course = rec.course;
  out.created = isTime(rec.created) ? rec.created : out.created;
  out.updated = isTime(rec.updated) ? rec.updated : out.updated;
  out.path = typeof rec.path === "string" && ID.test(rec.path) ? rec.path : null;
  out.name = typeof rec.name === "string" ? rec.name.slice(0, 80) : "";
  out.pages = entries(rec.pages, function (p) {
    return p && isTime(p.first) && isTime(p.last) && count(p.visits) ? { first: p.first, last: p.last, visits: p.visits } : null;
  });
  out.questions = entries(rec.questions, function (q) {
    if (!(q && count(q.attempts) && fraction(q.best) && fraction(q.last) && isTime(q.at))) return null;
    var out = { attempts: q.attempts, best: q.best, last: q.last, at: q.at, topics: ids(q.topics) };
    // The first answer, before any retry: what a trainer's group overview counts.
    if (fraction(q.first)) out.first = q.first;
    // The options chosen at that first answer, as the page numbers them: for item analysis.
    if (Array.isArray(q.choice) && q.choice.length <= 26 && q.choice.every(function (c) { return CHOICE.test(c); })) {
      out.choice = q.choice.slice();
    }
    return out;
  });
  out.quizzes = entries(rec.quizzes, function (q) {
    return q && count(q.attempts) && count(q.best) && q.best <= 100 && count(q.last) && q.last <= 100 && isTime(q.at) ?
      { attempts: q.attempts, best: q.best, last: q.last, passed: q.passed === true, at: q.at } : null;
  });
  var last = rec.last;
  out.last = last && typeof last.page === "string" && ID.test(last.page) && isTime(last.at) ? { page: last.page, at: last.at } : null;
  return out;
}

/* Records written by an older version are brought up to date, never thrown away. */
function migrate(rec) {
  if (rec && rec.v === 1 && typeof rec.course === "string") {
    // Version 1 (the first release) kept visited pages and quiz percentages only.
    var next = { schema: SCHEMA, course: rec.course, created: rec.started, updated: rec.started, path: rec.path,
      name: "", pages: {}, questions: {}, quizzes: {}, last: null };
    Object.keys(rec.visited || {}).forEach(function (id) {
      var t = rec.visited[id];
      next.pages[id] = { first: t, last: t, visits: 1 };
    });
    Object.keys(rec.scores || {}).forEach(function (id) {
      var s = rec.scores[id];
      next.quizzes[id] = { attempts: 1, best: s, last: s, passed: s >= masteryOf(id), at: rec.started };
    });
    if (rec.lastPage) next.last = { page: rec.lastPage, at: rec.started };
    return clean(next);
  }
  // Version 2 did not yet keep the options chosen; everything else it had stays as it was.
  if (rec && rec.schema === 2) return clean(Object.assign({}, rec, { schema: SCHEMA }));
  return clean(rec);
}

function read() {
  var raw;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch (e) {
    return unavailable();
  }
  if (raw === null) return empty();
  var rec = null, parsed = null;
  try { parsed = JSON.parse(raw); rec = migrate(parsed); } catch (e) { rec = null; }
  if (rec && rec.course === COURSE.course) {
    if (parsed.schema !== SCHEMA) {
      // Migrated: the old text stays as a backup, the new version is what we keep.
      try { window.localStorage.setItem(KEY + ":versie-" + (parsed.v || parsed.schema), raw); } catch (e) { /* full */ }
      write(rec);
    }
    return rec;
  }
  // Damaged: keep the text aside, start clean, and say so.
  try { window.localStorage.setItem(KEY + ":reservekopie:" + Date.now(), raw); } catch (e) { /* full: the notice still tells */ }
  notice(T("progress.damaged"));
  rec = empty();
  write(rec);
  return rec;
}

function unavailable() {
  memoryOnly = true;
  notice(T("progress.unavailable"));
  return state || empty();
}

function write(rec) {
  rec.updated = now();
  try {
    // Inside a SCORM package the launch page reports to the LMS.
    if (window.parent !== window && window.parent.elearnScorm) window.parent.elearnScorm.save(rec);
  } catch (e) { /* another origin's frame: no LMS of ours */ }
  if (memoryOnly) return;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(rec));
  } catch (e) {
    unavailable();
  }
}

/* Read the newest record first, so another tab's work is never overwritten. */
function update(change) {
  state = memoryOnly ? state : read();
  change(state);
  write(state);
  renderProgress();
}

/* --- what the course asks --- */

function masteryOf(quizId) {
  var m = COURSE.modules.filter(function (x) { return x.test === quizId; })[0];
  return m && m.mastery ? m.mastery : COURSE.mastery;
}
function moduleById(id) { return COURSE.modules.filter(function (m) { return m.id === id; })[0]; }
function pathById(id) { return COURSE.paths.filter(function (p) { return p.id === id; })[0]; }

function moduleStatus(module, rec) {
  rec = rec || state;
  var visited = module.pages.filter(function (id) { return rec.pages[id]; }).length;
  var quiz = module.test ? rec.quizzes[module.test] : null;
  var passed = !module.test || !!(quiz && quiz.passed);
  var units = module.pages.length + (module.test ? 1 : 0);
  var done = visited + (module.test && passed ? 1 : 0);
  return { visited: visited, quiz: quiz, passed: passed, percent: Math.round(100 * done / units),
    complete: visited === module.pages.length && passed };
}

function pathStatus(path, rec) {
  var modules = path.modules.map(moduleById).filter(Boolean);
  var statuses = modules.map(function (m) { return moduleStatus(m, rec); });
  var percent = statuses.length ? Math.round(statuses.reduce(function (s, x) { return s + x.percent; }, 0) / statuses.length) : 0;
  return { modules: modules, statuses: statuses, percent: percent, complete: statuses.every(function (s) { return s.complete; }) };
}

/* --- where we are --- */

function baseUrl() {
  var meta = document.querySelector('meta[name="elearn-base"]');
  return new URL(meta ? meta.content : "./", window.location.href);
}
function pageUrl(id) {
  var page = COURSE.pages[id];
  return page ? new URL(page.url, baseUrl()).href : null;
}
function currentPage() {
  var meta = document.querySelector('meta[name="elearn-page"]');
  return meta && COURSE.pages[meta.content] ? meta.content : null;
}

function visit() {
  var id = currentPage();
  if (!id || COURSE.tools.indexOf(id) >= 0) return; // the dashboard is not course work
  update(function (rec) {
    var page = rec.pages[id] || { first: now(), visits: 0 };
    page.last = now();
    page.visits += 1;
    rec.pages[id] = page;
    rec.last = { page: id, at: now() };
  });
}

/* --- what the quizzes report --- */

document.addEventListener("elearn:answer", function (event) {
  var d = event.detail;
  if (d.classroom || !COURSE) return; // projected for a group: nobody's own score
  update(function (rec) {
    var q = rec.questions[d.question];
    if (!q) {
      q = { attempts: 0, best: 0, first: d.score };
      if (d.choice) q.choice = d.choice;
    }
    q.attempts += 1;
    q.best = Math.max(q.best, d.score);
    q.last = d.score;
    q.at = now();
    q.topics = (d.topics || []).filter(function (t) { return ID.test(t); }).slice(0, 10);
    rec.questions[d.question] = q;
  });
});

document.addEventListener("elearn:quiz", function (event) {
  var d = event.detail;
  if (d.classroom || !d.test || !COURSE) return;
  update(function (rec) {
    var q = rec.quizzes[d.quiz] || { attempts: 0, best: 0, passed: false };
    q.attempts += 1;
    q.best = Math.max(q.best, d.score);
    q.last = d.score;
    q.passed = q.passed || d.passed;
    q.at = now();
    rec.quizzes[d.quiz] = q;
  });
});

window.addEventListener("storage", function (event) {
  if (COURSE && event.key === KEY) {
    state = read();
    renderProgress();
  }
});

/* --- a learner's own file: checked before anything changes --- */

/* A progress file's text to a clean record, or what is wrong with it. */
function parse(text) {
  var data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problem: T("progress.not_json") };
  }
  if (!data || typeof data.course !== "string") return { problem: T("progress.not_progress") };
  if (data.course !== COURSE.course) {
    return { problem: T("progress.other_course", { course: String(data.course).slice(0, 60) }) };
  }
  var rec = migrate(data);
  return rec ? { record: rec } : { problem: T("progress.broken") };
}

function importText(text) {
  var result = parse(text);
  if (result.problem) return T("progress.not_loaded", { problem: result.problem });
  var rec = result.record;
  update(function (current) { Object.keys(rec).forEach(function (k) { current[k] = rec[k]; }); });
  return T("progress.loaded", { date: new Date(rec.updated).toLocaleDateString(T("format.date_locale")) });
}
