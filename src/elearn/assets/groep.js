/* elearn group results: a trainer reads the progress files a group exported, in this browser.
 * Nothing is uploaded and nothing is kept: the files live in this page until it is closed.
 * Every file is checked as an import is (progress.js), so a broken file or one of another
 * course is named and skipped while the rest count. Names are only ever shown as text.
 * Loaded by elearn.js on the group results page. */
(function () {
  "use strict";
  var E = window.elearn;
  var P = window.elearnProgress;
  var COURSE = window.ELEARN_COURSE;
  var T = E.text;
  var HERE = document.currentScript ? document.currentScript.src : "";
  var TESTS = COURSE.modules.filter(function (m) { return m.test; });
  var TOP = 5;
  var extras = window.elearnExtras;

  function start(root) {
    if (root.elearnGroup) return;
    if (!window.ELEARN_QUESTIONS) {
      var data = document.createElement("script");
      data.src = new URL("vragen.js", HERE || window.location.href).href;
      data.onload = function () { start(root); };
      document.head.appendChild(data);
      return;
    }
    var group = root.elearnGroup = { learners: [], messages: [], root: root };
    root.textContent = "";
    var zone = root.appendChild(E.make("div", "elearn-drop"));
    zone.appendChild(E.make("p", null, T("group.drop")));
    var label = zone.appendChild(E.make("label", "md-button md-button--primary elearn-btn elearn-file", T("group.choose")));
    var input = label.appendChild(E.make("input"));
    input.type = "file";
    input.multiple = true;
    input.accept = ".json,application/json";
    input.addEventListener("change", function () {
      read(group, input.files);
      input.value = "";
    });
    zone.appendChild(E.button(T("group.clear"), "", function () {
      group.learners = [];
      group.messages = [];
      render(group);
      group.status.textContent = T("group.cleared");
    }));
    // A file dropped beside the zone would replace this page, and the group's results with it.
    if (!extras.dropGuard) {
      extras.dropGuard = function (event) { event.preventDefault(); };
      window.addEventListener("dragover", extras.dropGuard);
      window.addEventListener("drop", extras.dropGuard);
    }
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("is-over");
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("is-over"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("is-over");
      read(group, event.dataTransfer.files);
    });
    group.status = root.appendChild(E.make("p", "elearn-group-status"));
    group.status.setAttribute("role", "status");
    group.files = root.appendChild(E.make("ul", "elearn-group-files"));
    group.results = root.appendChild(E.make("div", "elearn-group-results"));
    render(group);
  }

  /* All files are read before anything is counted, so the order of the files is kept. */
  function read(group, fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    var results = [];
    var pending = files.length;
    if (!pending) return;
    group.status.textContent = T("group.reading");
    files.forEach(function (file, i) {
      function done(result) {
        results[i] = result;
        if (--pending) return;
        var before = group.learners.length;
        var refused = 0;
        files.forEach(function (f, j) { if (!add(group, f.name, results[j])) refused++; });
        render(group);
        var counts = { n: files.length, taken: files.length - refused, refused: refused, learners: group.learners.length };
        group.status.textContent = (files.length === 1 ? T("group.read_one", counts) : T("group.read", counts)) + " " +
          (group.learners.length > before ? T("group.total", counts) : T("group.total_same", counts));
      }
      if (file.size > P.MAX_IMPORT) return done({ problem: T("progress.too_big") });
      var reader = new FileReader();
      reader.onload = function () { done(P.parse(String(reader.result))); };
      reader.onerror = function () { done({ problem: T("group.unreadable") }); };
      reader.readAsText(file);
    });
  }

  function nameOf(learner) { return learner.record.name || learner.file; }

  function add(group, file, result) {
    if (result.problem) {
      group.messages.push({ ok: false, text: T("group.refused", { file: file, problem: result.problem }) });
      return false;
    }
    var rec = result.record;
    // Two exports from one browser's record (the same start time, whatever the name then):
    // the newest counts.
    var twin = group.learners.filter(function (l) { return l.record.created === rec.created; })[0];
    if (twin) {
      var newer = rec.updated > twin.record.updated;
      group.messages.push({ ok: true, text: T("group.twin", { file: file, other: twin.file, newest: newer ? file : twin.file }) });
      if (newer) { twin.record = rec; twin.file = file; }
      return true;
    }
    group.learners.push({ file: file, record: rec });
    group.messages.push({ ok: true, text: T("group.taken", { file: file, name: rec.name || T("group.no_name") }) });
    return true;
  }

  /* --- the figures --- */

  function learnerRow(learner) {
    var rec = learner.record;
    var path = rec.path ? P.pathById(rec.path) : null;
    return {
      name: nameOf(learner),
      file: learner.file,
      path: path ? path.title : "",
      done: path ? P.pathStatus(path, rec).percent : null,
      tests: TESTS.map(function (m) { return rec.quizzes[m.test] || null; })
    };
  }

  /* --- item analysis: how each question behaves in this group --- */

  // Easy: nine in ten had it right the first time. Does not discriminate: the item-rest
  // correlation (below) is negative or near zero, so those who know the rest of the course do
  // no better on it than those who do not. A wrong option nobody chose does not work as a
  // distractor. Each is judged only from MIN answers on: fewer say nothing.
  var EASY = 0.9, FLAT = 0.1, MIN = 5;

  function firstScore(a) { return a.first === undefined ? a.last : a.first; }

  /* Pearson's r; with one score 0/1 it is the point-biserial. null when a side does not vary. */
  function correlation(xs, ys) {
    var n = xs.length, mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0, i;
    for (i = 0; i < n; i++) { mx += xs[i] / n; my += ys[i] / n; }
    for (i = 0; i < n; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) * (xs[i] - mx);
      syy += (ys[i] - my) * (ys[i] - my);
    }
    return sxx > 1e-12 && syy > 1e-12 ? sxy / Math.sqrt(sxx * syy) : null;
  }

  function questionRows(group) {
    // Each participant's first scores over every question: the rest score of an item leaves
    // the item itself out, so it does not correlate with itself.
    var totals = group.learners.map(function (l) {
      var t = { sum: 0, n: 0 };
      Object.keys(l.record.questions).forEach(function (id) { t.sum += firstScore(l.record.questions[id]); t.n++; });
      return t;
    });
    var rows = [];
    window.ELEARN_QUESTIONS.forEach(function (q, order) {
      var answered = 0, right = 0, xs = [], rest = [], chosen = {}, withChoice = 0;
      group.learners.forEach(function (l, i) {
        var a = l.record.questions[q.id];
        if (!a) return;
        var x = firstScore(a);
        answered++;
        if (x === 1) right++;
        if (totals[i].n > 1) { xs.push(x); rest.push((totals[i].sum - x) / (totals[i].n - 1)); }
        if (a.choice) {
          withChoice++;
          a.choice.forEach(function (key) { chosen[key] = (chosen[key] || 0) + 1; });
        }
      });
      if (!answered) return;
      var r = xs.length >= MIN ? correlation(xs, rest) : null;
      var row = { q: q, order: order, answered: answered, right: right, share: Math.round(100 * right / answered),
        r: r, options: (q.options || []).map(function (o) { return { key: o[0], text: o[1], right: o[2], count: chosen[o[0]] || 0 }; }),
        withChoice: withChoice, flags: [] };
      if (answered >= MIN && right / answered >= EASY) row.flags.push("easy");
      if (r !== null && r < FLAT) row.flags.push("flat");
      if (withChoice >= MIN && row.options.some(function (o) { return !o.right && !o.count; })) row.flags.push("unused");
      rows.push(row);
    });
    return rows;
  }

  function decimalText(x) { return x === null ? "\u2014" : x.toFixed(2).replace(".", T("format.decimal")); }

  /* "A 12 \u2713 · B 3 · C 0": how often each option was chosen, the right ones marked. */
  function choicesText(row) {
    if (!row.options.length || !row.withChoice) return "\u2014";
    return row.options.map(function (o, i) {
      return (row.q.options[0][0] === "true" ? o.text : String.fromCharCode(65 + i)) + " " + o.count + (o.right ? " \u2713" : "");
    }).join(" \u00B7 ");
  }

  function mostMissed(rows) {
    return rows.filter(function (r) { return r.right < r.answered; }).sort(function (a, b) {
      return (b.answered - b.right) - (a.answered - a.right) || a.right / a.answered - b.right / b.answered || a.order - b.order;
    }).slice(0, TOP);
  }

  function moduleTitle(id) {
    var m = COURSE.modules.filter(function (x) { return x.id === id; })[0];
    return m ? m.title : "";
  }

  /* --- what the trainer sees --- */

  function link(text, url) {
    if (!url) return E.make("span", null, text);
    var a = E.make("a", null, text);
    a.href = P.url(url);
    return a;
  }

  function table(caption, head, rows) {
    // A wide table scrolls on its own, and can be scrolled by keyboard.
    var box = E.make("div", "elearn-scroll");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", caption);
    box.tabIndex = 0;
    var t = box.appendChild(E.make("table", "elearn-group-table"));
    t.appendChild(E.make("caption", "elearn-visually-hidden", caption));
    var tr = t.appendChild(E.make("thead")).appendChild(E.make("tr"));
    head.forEach(function (h) { tr.appendChild(E.make("th", null, h)).setAttribute("scope", "col"); });
    var body = t.appendChild(E.make("tbody"));
    rows.forEach(function (cells) {
      var row = body.appendChild(E.make("tr"));
      cells.forEach(function (c, i) {
        var cell = row.appendChild(E.make(i ? "td" : "th"));
        if (!i) cell.setAttribute("scope", "row");
        if (c && c.nodeType) cell.appendChild(c); else cell.textContent = c;
      });
    });
    return box;
  }

  function score(quiz) { return quiz ? quiz.best + "%" + (quiz.passed ? " \u2713" : "") : "\u2014"; }

  function render(group) {
    group.files.textContent = "";
    group.messages.forEach(function (m) {
      group.files.appendChild(E.make("li", m.ok ? "is-correct" : "is-wrong", (m.ok ? "\u2713 " : "\u2717 ") + m.text));
    });
    var out = group.results;
    out.textContent = "";
    if (!group.learners.length) {
      out.appendChild(E.make("p", null, T("group.empty")));
      return;
    }
    var learners = group.learners.map(learnerRow);
    var questions = questionRows(group);

    out.appendChild(E.make("h2", null, T("group.learners_count", { n: learners.length })));
    out.appendChild(table(T("group.learners"),
      [T("group.col_name"), T("group.col_file"), T("group.col_path"), T("group.col_done")].concat(TESTS.map(function (m) {
        return T("group.col_test", { module: m.title });
      })),
      learners.map(function (r) {
        return [r.name, r.file, r.path || T("group.no_path"), r.done === null ? "\u2014" : r.done + "%"].concat(r.tests.map(score));
      })));

    out.appendChild(E.make("h2", null, T("group.missed")));
    var missed = mostMissed(questions);
    if (missed.length) {
      var list = out.appendChild(E.make("ol", "elearn-missed"));
      missed.forEach(function (r) {
        var li = list.appendChild(E.make("li"));
        li.appendChild(link(r.q.title, r.q.url));
        li.appendChild(document.createTextNode(": " + T("group.missed_line", { missed: r.answered - r.right, answered: r.answered,
          share: r.share }) + " "));
        if (r.q.classroom) li.appendChild(link(T("group.discuss"), r.q.classroom));
      });
    } else {
      out.appendChild(E.make("p", null, questions.length ? T("group.none_missed") : T("group.none_answered")));
    }

    out.appendChild(E.make("h2", null, T("group.questions_count", { n: questions.length })));
    if (questions.length) {
      out.appendChild(table(T("group.questions"), [T("group.col_question"), T("group.col_module"), T("group.col_answered"),
        T("group.col_right"), T("group.col_r"), T("group.col_chosen"), T("group.col_flags")],
        questions.map(function (r) {
          return [link(r.q.title, r.q.url), moduleTitle(r.q.module), String(r.answered), r.right + " (" + r.share + "%)",
            decimalText(r.r), choicesText(r), flagsText(r) || "\u2014"];
        })));
      out.appendChild(E.make("h2", null, T("group.watch")));
      var flagged = questions.filter(function (r) { return r.flags.length; });
      if (flagged.length) {
        var watch = out.appendChild(E.make("ul", "elearn-flagged"));
        flagged.forEach(function (r) {
          var li = watch.appendChild(E.make("li"));
          li.appendChild(link(r.q.title, r.q.url));
          li.appendChild(document.createTextNode(": " + r.flags.map(explain.bind(null, r)).join("; ") + "."));
        });
      } else {
        out.appendChild(E.make("p", null, T("group.no_flags")));
      }
    }

    var day = new Date().toISOString().slice(0, 10);
    var controls = out.appendChild(E.make("div", "elearn-controls"));
    controls.appendChild(E.button(T("group.csv_learners"), "", function () {
      download(T("group.csv_learners_file", { date: day }),
        [[T("group.csv_name"), T("group.csv_file"), T("group.csv_path"), T("group.csv_done")].concat(TESTS.map(function (m) {
          return T("group.csv_test", { module: m.title });
        }), [T("group.csv_passed")])]
          .concat(learners.map(function (r) {
            return [r.name, r.file, r.path, r.done].concat(r.tests.map(function (t) { return t ? t.best : ""; }),
              [r.tests.filter(function (t) { return t && t.passed; }).length]);
          })));
    }));
    controls.appendChild(E.button(T("group.csv_questions"), "", function () {
      download(T("group.csv_questions_file", { date: day }),
        [[T("group.csv_id"), T("group.csv_question"), T("group.csv_module"), T("group.csv_answered"), T("group.csv_right"),
          T("group.csv_share"), T("group.csv_r"), T("group.csv_chosen"), T("group.csv_flags")]].concat(questions.map(function (r) {
          return [r.q.id, r.q.title, moduleTitle(r.q.module), r.answered, r.right, r.share,
            r.r === null ? "" : r.r.toFixed(2).replace(".", ","), r.withChoice ? choicesText(r) : "", flagsText(r)];
        })));
    }));
  }

  /* A question's flags by name, as the table and the CSV list them. */
  function flagsText(row) {
    return row.flags.map(function (flag) {
      return flag === "easy" ? T("group.easy") : flag === "flat" ? T("group.flat") : T("group.unused");
    }).join(", ");
  }

  /* One flag in words a trainer can act on. */
  function explain(row, flag) {
    if (flag === "easy") return T("group.easy_why", { share: row.share });
    if (flag === "flat") return T("group.flat_why", { r: decimalText(row.r) });
    var never = row.options.filter(function (o) { return !o.right && !o.count; }).map(function (o) { return "\u201C" + o.text + "\u201D"; });
    return T("group.unused_why", { options: never.join(", ") });
  }

  /* Semicolons and a byte order mark: what a Dutch spreadsheet opens without asking. */
  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    // A name must never run as a formula in the trainer's spreadsheet.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[";\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function download(name, rows) {
    var text = "\uFEFF" + rows.map(function (r) { return r.map(cell).join(";"); }).join("\r\n") + "\r\n";
    var a = E.make("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  window.elearnExtras.groep = start;
})();
