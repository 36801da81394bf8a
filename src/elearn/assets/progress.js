/* elearn progress: one versioned record per course in this browser's localStorage.
 * Never loses what it has: a damaged record is kept as a backup, a storage that
 * refuses is replaced by memory with a visible notice, other tabs stay in step, and
 * an import that is not right changes nothing. Imported text is only ever shown
 * as text. A classic script: it must work from file:// as well. */
(function () {
  "use strict";
  var COURSE = window.ELEARN_COURSE;
  if (!COURSE) return;
  var SCHEMA = 2;
  var KEY = "elearn:" + COURSE.course; // from the course id: on file:// the path is a disk path
  var MAX_IMPORT = 1024 * 1024;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  var state = null;
  var memoryOnly = false;
  var notices = [];

  function now() { return new Date().toISOString(); }
  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function button(label, onClick) {
    var b = make("button", "md-button elearn-btn", label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function notice(text) {
    if (notices.indexOf(text) < 0) notices.push(text);
  }

  /* --- the record --- */

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
    notice("Je opgeslagen voortgang was beschadigd en kon niet worden gelezen. Er is een reservekopie van bewaard in deze browser; je begint opnieuw.");
    rec = empty();
    write(rec);
    return rec;
  }

  function unavailable() {
    memoryOnly = true;
    notice("Je voortgang wordt niet bewaard: deze browser laat de site niets opslaan (bijvoorbeeld in een privévenster of als de opslag vol is). Alles werkt wel, maar na het sluiten ben je je voortgang kwijt. Op 'Mijn voortgang' kun je hem downloaden.");
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
    render();
  }

  /* --- what the course asks --- */

  function masteryOf(quizId) {
    var m = COURSE.modules.filter(function (x) { return x.test === quizId; })[0];
    return m && m.mastery ? m.mastery : 80;
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
  function normal(href) {
    return href.split("#")[0].replace(/index\.html$/, "");
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

  document.addEventListener("elearn:answer", function (event) {
    var d = event.detail;
    if (d.classroom) return; // projected for a group: nobody's own score
    update(function (rec) {
      var q = rec.questions[d.question] || { attempts: 0, best: 0, first: d.score };
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
    if (d.classroom || !d.test) return;
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
    if (event.key === KEY) {
      state = read();
      render();
    }
  });

  /* --- what the learner sees --- */

  function bar(percent, label) {
    var p = make("progress", "elearn-bar");
    p.max = 100;
    p.value = percent;
    p.setAttribute("aria-label", label);
    p.textContent = percent + "%";
    return p;
  }
  function link(id, text) {
    var a = make("a", null, text || (COURSE.pages[id] ? COURSE.pages[id].title : id));
    a.href = pageUrl(id) || "#";
    return a;
  }

  function renderNotices() {
    var host = document.querySelector(".md-content__inner");
    if (!host) return;
    var box = host.querySelector(".elearn-notices");
    if (!notices.length) { if (box) box.remove(); return; }
    if (!box) {
      box = make("div", "elearn-notices");
      box.setAttribute("role", "alert");
      host.insertBefore(box, host.firstChild);
    }
    box.textContent = "";
    notices.forEach(function (text) { box.appendChild(make("p", "elearn-notice", text)); });
  }

  function renderNav() {
    var byUrl = {};
    Object.keys(COURSE.pages).forEach(function (id) { byUrl[normal(pageUrl(id))] = id; });
    var tests = {};
    COURSE.modules.forEach(function (m) { if (m.test) tests["toets-" + m.id] = m.test; });
    // The site navigation only: the table of contents links into the page itself.
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav--primary a.md-nav__link[href]"), function (a) {
      var id = a.getAttribute("href").indexOf("#") < 0 ? byUrl[normal(a.href)] : null;
      var old = a.querySelector(".elearn-nav-mark");
      if (old) old.remove();
      if (!id || !state.pages[id]) return;
      var quiz = tests[id] ? state.quizzes[tests[id]] : null;
      var text = tests[id] ? (quiz && quiz.passed ? "toets gehaald" : "bezocht, toets nog niet gehaald") : "bezocht";
      var mark = make("span", "elearn-nav-mark", tests[id] && !(quiz && quiz.passed) ? "\u25CB" : "\u2713");
      mark.setAttribute("title", text);
      var hidden = make("span", "elearn-visually-hidden", " (" + text + ")");
      mark.appendChild(hidden);
      (a.querySelector(".md-ellipsis") || a).appendChild(mark);
    });
  }

  function renderHome() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-elearn-path]"), function (host) {
      var id = host.getAttribute("data-elearn-path");
      var chosen = state.path === id;
      host.textContent = "";
      var b = button(chosen ? "\u2713 Dit is jouw leerpad" : "Kies dit leerpad", function () {
        update(function (rec) { rec.path = id; });
        var again = document.querySelector('[data-elearn-path="' + id + '"] button');
        if (again) again.focus();
      });
      b.setAttribute("aria-pressed", chosen ? "true" : "false");
      host.appendChild(b);
      if (chosen) {
        var status = pathStatus(pathById(id));
        host.appendChild(bar(status.percent, "Leerpad: " + status.percent + "% klaar"));
        host.appendChild(make("span", "elearn-bar-label", status.percent + "% klaar"));
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-elearn-module]"), function (host) {
      var module = moduleById(host.getAttribute("data-elearn-module"));
      if (!module) return;
      var status = moduleStatus(module);
      host.textContent = "";
      host.appendChild(bar(status.percent, module.title + ": " + status.percent + "% klaar"));
      host.appendChild(make("span", "elearn-bar-label", status.percent + "% klaar \u00B7 ca. " + module.minutes + " minuten"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-elearn-resume]"), function (host) {
      host.textContent = "";
      // Only somewhere else is somewhere to go back to.
      if (state.last && COURSE.pages[state.last.page] && state.last.page !== currentPage()) {
        var p = make("p", "elearn-resume-line", "Verder waar je was: ");
        p.appendChild(link(state.last.page));
        host.appendChild(p);
      }
    });
  }

  function weakest() {
    var weight = {};
    Object.keys(state.questions).forEach(function (qid) {
      var q = state.questions[qid];
      q.topics.forEach(function (page) {
        if (q.best < 1 && COURSE.pages[page]) weight[page] = (weight[page] || 0) + (1 - q.best);
      });
    });
    return Object.keys(weight).sort(function (a, b) { return weight[b] - weight[a]; }).slice(0, 5);
  }

  function renderDashboard(host) {
    host.textContent = "";
    if (state.last && COURSE.pages[state.last.page]) {
      var resume = make("p", "elearn-resume-line", "Verder waar je was: ");
      resume.appendChild(link(state.last.page));
      host.appendChild(resume);
    }
    var path = state.path ? pathById(state.path) : null;
    host.appendChild(make("h2", null, "Jouw leerpad"));
    if (path) {
      var status = pathStatus(path);
      var line = make("p", null, path.title + ": " + status.percent + "% klaar. ");
      host.appendChild(line);
      host.appendChild(bar(status.percent, "Leerpad " + path.title + ": " + status.percent + "% klaar"));
      if (status.complete) {
        var done = make("p", "elearn-done", "\u2713 Je hebt dit leerpad afgerond. ");
        done.appendChild(link("certificaat", "Maak je certificaat"));
        host.appendChild(done);
      }
    } else {
      var choose = make("p", null, "Je hebt nog geen leerpad gekozen. ");
      choose.appendChild(link("start", "Kies een leerpad op de startpagina"));
      host.appendChild(choose);
    }
    host.appendChild(make("h2", null, "Modules"));
    var table = make("table", "elearn-modules");
    var head = make("tr");
    ["Module", "Pagina's gelezen", "Toets (beste score)", "Klaar"].forEach(function (t) { head.appendChild(make("th", null, t)); });
    table.appendChild(make("thead")).appendChild(head);
    var body = table.appendChild(make("tbody"));
    COURSE.modules.forEach(function (module) {
      var s = moduleStatus(module);
      var row = make("tr");
      var name = make("td");
      name.appendChild(link(module.pages[0], module.title));
      row.appendChild(name);
      row.appendChild(make("td", null, s.visited + " van " + module.pages.length));
      var test = s.quiz ? s.quiz.best + "% " + (s.quiz.passed ? "\u2713 gehaald" : "\u2717 nog niet gehaald") : (module.test ? "nog niet gemaakt" : "geen toets");
      row.appendChild(make("td", null, test));
      var cell = make("td");
      cell.appendChild(bar(s.percent, module.title + ": " + s.percent + "% klaar"));
      cell.appendChild(make("span", "elearn-bar-label", s.percent + "%"));
      row.appendChild(cell);
      body.appendChild(row);
    });
    // On a narrow phone the table scrolls sideways on its own, and the page does not.
    host.appendChild(make("div", "elearn-scroll")).appendChild(table);
    host.appendChild(make("h2", null, "Om nog eens te lezen"));
    var weak = weakest();
    if (weak.length) {
      host.appendChild(make("p", null, "Bij deze onderwerpen ging het vaakst iets mis:"));
      var list = host.appendChild(make("ul", "elearn-weak"));
      weak.forEach(function (id) { list.appendChild(make("li")).appendChild(link(id)); });
    } else {
      host.appendChild(make("p", null, "Nog geen fouten: beantwoord vragen om hier je zwakste onderwerpen te zien."));
    }
    renderKeeping(host);
  }

  /* Export, import and reset: the learner's own file, checked before anything changes. */
  function renderKeeping(host) {
    host.appendChild(make("h2", null, "Je voortgang bewaren of meenemen"));
    host.appendChild(make("p", null, "Je voortgang staat alleen in deze browser. Download hem als bestand om hem op een ander apparaat in te laden; er gaat niets naar een server."));
    var status = make("p", "elearn-keep-status");
    status.setAttribute("role", "status");
    var controls = host.appendChild(make("div", "elearn-controls"));
    controls.appendChild(button("Voortgang downloaden", function () {
      var blob = new Blob([JSON.stringify(state, null, 2)], { type: "application/json" });
      var a = make("a");
      a.href = URL.createObjectURL(blob);
      a.download = "voortgang-" + COURSE.course + "-" + now().slice(0, 10) + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      status.textContent = "Je voortgang is gedownload.";
    }));
    var label = make("label", "md-button elearn-btn elearn-file", "Voortgang inladen");
    var input = make("input");
    input.type = "file";
    input.accept = ".json,application/json";
    label.appendChild(input);
    controls.appendChild(label);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      if (file.size > MAX_IMPORT) {
        status.textContent = "Niet ingeladen: dit bestand is te groot voor een voortgangsbestand. Er is niets veranderd.";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () { say(importText(String(reader.result))); };
      reader.readAsText(file);
    });
    var reset = button("Alles wissen", function () {
      if (reset.getAttribute("data-confirm") !== "true") {
        reset.setAttribute("data-confirm", "true");
        reset.textContent = "Ja, wis al mijn voortgang";
        status.textContent = "Weet je het zeker? Klik nog een keer om al je voortgang in deze browser te wissen. Download hem eerst als je hem wilt bewaren.";
        return;
      }
      update(function (rec) { var fresh = empty(); Object.keys(rec).forEach(function (k) { rec[k] = fresh[k]; }); });
      say("Je voortgang is gewist.");
    });
    controls.appendChild(reset);
    host.appendChild(status);
  }

  /* The dashboard is drawn anew after every change: speak through the current status line. */
  function say(text) {
    var status = document.querySelector(".elearn-keep-status");
    if (status) status.textContent = text;
  }

  /* A progress file's text to a clean record, or what is wrong with it. */
  function parse(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { problem: "dit is geen voortgangsbestand (geen geldige JSON)" };
    }
    if (!data || typeof data.course !== "string") return { problem: "dit is geen voortgangsbestand" };
    if (data.course !== COURSE.course) {
      return { problem: "dit bestand hoort bij een andere cursus (" + String(data.course).slice(0, 60) + ")" };
    }
    var rec = migrate(data);
    return rec ? { record: rec } : { problem: "dit voortgangsbestand is beschadigd of van een onbekende versie" };
  }

  function importText(text) {
    var result = parse(text);
    if (result.problem) return "Niet ingeladen: " + result.problem + ". Er is niets veranderd.";
    var rec = result.record;
    update(function (current) { Object.keys(rec).forEach(function (k) { current[k] = rec[k]; }); });
    return "Ingeladen: je voortgang van " + new Date(rec.updated).toLocaleDateString("nl-NL") + " staat nu in deze browser.";
  }

  function renderCertificate(host) {
    host.textContent = "";
    var path = state.path ? pathById(state.path) : null;
    var status = path ? pathStatus(path) : null;
    if (!status || !status.complete) {
      var p = make("p", null, path ? "Je leerpad " + path.title + " is " + status.percent + "% klaar. Rond alle modules af (alle pagina's lezen en de toetsen halen) om je certificaat te maken. " :
        "Kies eerst een leerpad en rond het af. ");
      p.appendChild(link("voortgang", "Bekijk je voortgang"));
      host.appendChild(p);
      return;
    }
    var label = make("label", "elearn-name-label", "Je naam op het certificaat");
    var input = make("input", "elearn-name");
    input.id = "elearn-name";
    label.htmlFor = "elearn-name";
    input.type = "text";
    input.maxLength = 80;
    input.autocomplete = "name";
    input.value = state.name;
    host.appendChild(label);
    host.appendChild(input);
    host.appendChild(make("p", "elearn-hint", "Je naam blijft in deze browser; hij gaat nergens heen."));
    var cert = host.appendChild(make("section", "elearn-certificate"));
    cert.setAttribute("aria-label", "Certificaat");
    function fill() {
      cert.textContent = "";
      cert.appendChild(make("p", "elearn-cert-kind", "Certificaat van deelname"));
      cert.appendChild(make("p", "elearn-cert-course", COURSE.title));
      cert.appendChild(make("p", "elearn-cert-name", state.name || "(vul je naam in)"));
      var finished = status.statuses.reduce(function (latest, s) { return s.quiz && s.quiz.at > latest ? s.quiz.at : latest; }, state.updated);
      cert.appendChild(make("p", null, "heeft het leerpad \u201C" + path.title + "\u201D afgerond op " +
        new Date(finished).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) + "."));
      var list = cert.appendChild(make("ul", "elearn-cert-modules"));
      status.modules.forEach(function (m, i) {
        var s = status.statuses[i];
        list.appendChild(make("li", null, m.title + (s.quiz ? ": toets " + s.quiz.best + "%" : "")));
      });
    }
    fill();
    input.addEventListener("input", function () {
      state.name = input.value.slice(0, 80);
      write(state);
      fill();
    });
    host.appendChild(button("Certificaat printen", function () { window.print(); }));
  }

  function render() {
    if (!state) return;
    renderNotices();
    renderNav();
    renderHome();
    var dashboard = document.querySelector("[data-elearn-dashboard]");
    if (dashboard) renderDashboard(dashboard);
    var certificate = document.querySelector("[data-elearn-certificate]");
    if (certificate && !certificate.contains(document.activeElement)) renderCertificate(certificate);
  }

  function init() {
    state = read();
    visit();
    render();
  }

  // For the SCORM bridge, the trainers' group overview and the test suite.
  window.elearnProgress = { importText: importText, parse: parse, pathStatus: pathStatus, pathById: pathById,
    link: link, MAX_IMPORT: MAX_IMPORT, url: function (u) { return new URL(u, baseUrl()).href; } };

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
