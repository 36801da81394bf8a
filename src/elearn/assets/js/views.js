/* What the learner sees of the progress record: notices, marks in the menu, the learning
 * paths on the start page and the dashboard (the certificate has a file of its own, loaded on
 * its page). Drawn anew after every change. */

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
  notices.forEach(function (text) { add(box, "p", "elearn-notice", text); });
}

function normal(href) {
  return href.split("#")[0].replace(/index\.html$/, "");
}

function renderNav() {
  var byUrl = {};
  Object.keys(COURSE.pages).forEach(function (id) { byUrl[normal(pageUrl(id))] = id; });
  var tests = {}; // a module's test page has the id of its test
  COURSE.modules.forEach(function (m) { if (m.test) tests[m.test] = m.test; });
  // The site navigation only: the table of contents links into the page itself.
  all(document, ".md-nav--primary a.md-nav__link[href]").forEach(function (a) {
    var id = a.getAttribute("href").indexOf("#") < 0 ? byUrl[normal(a.href)] : null;
    var old = a.querySelector(".elearn-nav-mark");
    if (old) old.remove();
    if (!id || !state.pages[id]) return;
    var quiz = tests[id] ? state.quizzes[tests[id]] : null;
    var text = tests[id] ? (quiz && quiz.passed ? T("progress.test_passed") : T("progress.test_open")) : T("progress.visited");
    var mark = make("span", "elearn-nav-mark", tests[id] && !(quiz && quiz.passed) ? "\u25CB" : "\u2713");
    mark.setAttribute("title", text);
    var hidden = make("span", "elearn-visually-hidden", " (" + text + ")");
    mark.appendChild(hidden);
    (a.querySelector(".md-ellipsis") || a).appendChild(mark);
  });
}

function renderHome() {
  all(document, "[data-elearn-path]").forEach(function (host) {
    var id = host.getAttribute("data-elearn-path");
    var chosen = state.path === id;
    host.textContent = "";
    var b = button(chosen ? "\u2713 " + T("progress.path_yours") : T("progress.path_choose"), "", function () {
      update(function (rec) { rec.path = id; });
      var again = document.querySelector('[data-elearn-path="' + id + '"] button');
      if (again) again.focus();
    });
    b.setAttribute("aria-pressed", chosen ? "true" : "false");
    host.appendChild(b);
    if (chosen) {
      var status = pathStatus(pathById(id));
      host.appendChild(bar(status.percent, T("progress.path_bar", { percent: status.percent })));
      add(host, "span", "elearn-bar-label", T("progress.done", { percent: status.percent }));
    }
  });
  all(document, "[data-elearn-module]").forEach(function (host) {
    var module = moduleById(host.getAttribute("data-elearn-module"));
    if (!module) return;
    var status = moduleStatus(module);
    host.textContent = "";
    host.appendChild(bar(status.percent, T("progress.module_bar", { title: module.title, percent: status.percent })));
    add(host, "span", "elearn-bar-label", T("progress.module_line", { percent: status.percent, minutes: module.minutes }));
  });
  all(document, "[data-elearn-resume]").forEach(function (host) {
    host.textContent = "";
    // Only somewhere else is somewhere to go back to.
    if (state.last && COURSE.pages[state.last.page] && state.last.page !== currentPage()) {
      var p = make("p", "elearn-resume-line", T("progress.resume") + " ");
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
    var resume = make("p", "elearn-resume-line", T("progress.resume") + " ");
    resume.appendChild(link(state.last.page));
    host.appendChild(resume);
  }
  var path = state.path ? pathById(state.path) : null;
  add(host, "h2", null, T("progress.your_path"));
  if (path) {
    var status = pathStatus(path);
    var line = make("p", null, T("progress.path_line", { title: path.title, percent: status.percent }) + " ");
    host.appendChild(line);
    host.appendChild(bar(status.percent, T("progress.path_named_bar", { title: path.title, percent: status.percent })));
    if (status.complete) {
      var done = make("p", "elearn-done", "\u2713 " + T("progress.path_done") + " ");
      done.appendChild(link("certificaat", T("progress.make_certificate")));
      host.appendChild(done);
    }
  } else {
    var choose = make("p", null, T("progress.no_path") + " ");
    choose.appendChild(link("start", T("progress.choose_path")));
    host.appendChild(choose);
  }
  add(host, "h2", null, T("progress.modules"));
  var table = make("table", "elearn-modules");
  var head = make("tr");
  [T("progress.col_module"), T("progress.col_pages"), T("progress.col_test"), T("progress.col_done")].forEach(function (t) {
    add(head, "th", null, t);
  });
  add(table, "thead").appendChild(head);
  var body = add(table, "tbody");
  COURSE.modules.forEach(function (module) {
    var s = moduleStatus(module);
    var row = make("tr");
    var name = make("td");
    name.appendChild(link(module.pages[0], module.title));
    row.appendChild(name);
    add(row, "td", null, T("progress.pages_read", { n: s.visited, total: module.pages.length }));
    var test = s.quiz ? s.quiz.best + "% " + (s.quiz.passed ? "\u2713 " + T("progress.passed") : "\u2717 " + T("progress.not_passed")) :
      module.test ? T("progress.not_taken") : T("progress.no_test");
    add(row, "td", null, test);
    var cell = make("td");
    cell.appendChild(bar(s.percent, T("progress.module_bar", { title: module.title, percent: s.percent })));
    add(cell, "span", "elearn-bar-label", s.percent + "%");
    row.appendChild(cell);
    body.appendChild(row);
  });
  // On a narrow phone the table scrolls sideways on its own, and the page does not.
  add(host, "div", "elearn-scroll").appendChild(table);
  add(host, "h2", null, T("progress.reread"));
  var weak = weakest();
  if (weak.length) {
    add(host, "p", null, T("progress.weak"));
    var list = add(host, "ul", "elearn-weak");
    weak.forEach(function (id) { add(list, "li").appendChild(link(id)); });
  } else {
    add(host, "p", null, T("progress.no_weak"));
  }
  renderKeeping(host);
}

/* Export, import and reset: the learner's own file, checked before anything changes. */
function renderKeeping(host) {
  add(host, "h2", null, T("progress.keep"));
  add(host, "p", null, T("progress.keep_intro"));
  var status = make("p", "elearn-keep-status");
  status.setAttribute("role", "status");
  var controls = add(host, "div", "elearn-controls");
  controls.appendChild(button(T("progress.download"), "", function () {
    var blob = new Blob([JSON.stringify(state, null, 2)], { type: "application/json" });
    var a = make("a");
    a.href = URL.createObjectURL(blob);
    a.download = T("progress.file", { course: COURSE.course, date: now().slice(0, 10) });
    document.body.appendChild(a);
    a.click();
    a.remove();
    status.textContent = T("progress.downloaded");
  }));
  var label = make("label", "md-button elearn-btn elearn-file", T("progress.load"));
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
      status.textContent = T("progress.not_loaded", { problem: T("progress.too_big") });
      return;
    }
    var reader = new FileReader();
    reader.onload = function () { say(importText(String(reader.result))); };
    reader.readAsText(file);
  });
  var reset = button(T("progress.erase"), "", function () {
    if (reset.getAttribute("data-confirm") !== "true") {
      reset.setAttribute("data-confirm", "true");
      reset.textContent = T("progress.erase_confirm");
      status.textContent = T("progress.erase_sure");
      return;
    }
    update(function (rec) { var fresh = empty(); Object.keys(rec).forEach(function (k) { rec[k] = fresh[k]; }); });
    say(T("progress.erased"));
  });
  controls.appendChild(reset);
  host.appendChild(status);
}

/* The dashboard is drawn anew after every change: speak through the current status line. */
function say(text) {
  var status = document.querySelector(".elearn-keep-status");
  if (status) status.textContent = text;
}

function renderProgress() {
  if (!state) return;
  renderNotices();
  renderNav();
  renderHome();
  var dashboard = document.querySelector("[data-elearn-dashboard]");
  if (dashboard) renderDashboard(dashboard);
  var certificate = document.querySelector("[data-elearn-certificate]");
  // Its own file, like the trainer tools: only this one page needs it.
  if (certificate && !certificate.contains(document.activeElement)) need("certificaat", certificate);
}

