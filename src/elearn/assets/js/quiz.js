/* Quizzes: checks answers, explains them, scores quizzes. The page already holds every
 * question and all feedback as HTML; this only reveals, marks and scores. It never builds
 * markup from strings. */
function decimal(x) {
  return (Math.round(x * 10) / 10).toString().replace(".", T("format.decimal"));
}
function normalise(text) {
  return text.replace(/\s+/g, "").toLowerCase();
}
function mark(node, ok, label) {
  node.classList.remove("is-correct", "is-wrong");
  node.classList.add(ok ? "is-correct" : "is-wrong");
  var old = node.querySelector(":scope > .elearn-mark");
  if (old) old.remove();
  // The words carry the meaning; colour only repeats it.
  var m = make("span", "elearn-mark", (ok ? "\u2713 " : "\u2717 ") + label);
  node.insertBefore(m, node.firstChild);
}
function reveal(node) {
  var fb = node.querySelector(".elearn-option-feedback");
  if (fb) fb.hidden = false;
}

/* --- scoring per type: null when nothing was answered yet --- */

function isRightOption(q, option) {
  var value = option.getAttribute("data-index");
  var correct = q.data.correct;
  return Array.isArray(correct) ? correct.indexOf(+value) >= 0 : String(correct) === value;
}

var scorers = {
  choice: function (q) {
    var chosen = all(q.el, ".elearn-option").filter(function (o) {
      return o.querySelector("input").checked;
    });
    if (!chosen.length) return null;
    // Which options, as the page numbers them: the trainer's item analysis counts them.
    q.choice = chosen.map(function (o) { return o.getAttribute("data-index"); }).sort();
    var hits = chosen.filter(function (o) { return isRightOption(q, o); }).length;
    chosen.forEach(function (o) {
      var ok = isRightOption(q, o);
      mark(o, ok, ok ? T("quiz.chosen_right") : T("quiz.wrong"));
      reveal(o);
    });
    if (q.type !== "multiple") return hits;
    // Partial credit: every wrong choice cancels a right one.
    return Math.max(0, (hits - (chosen.length - hits)) / q.data.correct.length);
  },
  ordering: function (q) {
    var items = all(q.el, ".elearn-order-item");
    var right = 0;
    items.forEach(function (li, position) {
      var ok = +li.getAttribute("data-index") === position;
      if (ok) right++;
      mark(li, ok, ok ? T("quiz.place_right") : T("quiz.place_other", { n: +li.getAttribute("data-index") + 1 }));
      reveal(li);
    });
    return right / items.length;
  },
  matching: function (q) {
    var rows = all(q.el, ".elearn-match");
    if (rows.some(function (r) { return !r.querySelector("select").value; })) return null;
    var right = 0;
    rows.forEach(function (row) {
      var ok = row.querySelector("select").value === row.getAttribute("data-index");
      if (ok) right++;
      mark(row, ok, ok ? T("quiz.right") : T("quiz.wrong"));
      reveal(row);
    });
    return right / rows.length;
  },
  shortanswer: function (q) {
    var input = q.el.querySelector(".elearn-short input");
    if (!input.value.trim()) return null;
    var ok = q.data.accepted.indexOf(normalise(input.value)) >= 0;
    mark(q.el.querySelector(".elearn-short"), ok, ok ? T("quiz.right") : T("quiz.wrong"));
    q.el.querySelector('.elearn-option-feedback[data-when="' + (ok ? "correct" : "wrong") + '"]').hidden = false;
    return ok ? 1 : 0;
  }
};
scorers.single = scorers.multiple = scorers.truefalse = scorers.choice;

function showAnswer(q) {
  if (q.type === "ordering") {
    var list = q.el.querySelector(".elearn-order");
    all(list, ".elearn-order-item").sort(function (a, b) {
      return a.getAttribute("data-index") - b.getAttribute("data-index");
    }).forEach(function (li) { list.appendChild(li); mark(li, true, T("quiz.place_right")); reveal(li); });
  } else if (q.type === "matching") {
    all(q.el, ".elearn-match").forEach(function (row) {
      row.querySelector("select").value = row.getAttribute("data-index");
      mark(row, true, T("quiz.answer"));
      reveal(row);
    });
  } else if (q.type === "shortanswer") {
    q.el.querySelector('.elearn-option-feedback[data-when="wrong"]').hidden = false;
  } else {
    all(q.el, ".elearn-option").forEach(function (o) {
      var ok = isRightOption(q, o);
      o.querySelector("input").checked = ok;
      if (ok) { mark(o, true, T("quiz.answer")); reveal(o); }
    });
  }
  q.verdict.textContent = T("quiz.answer_shown");
  announce(q.quiz, T("quiz.answer_said"));
}

/* --- questions --- */

function setLocked(q, locked) {
  all(q.el, "input, select").forEach(function (i) { i.disabled = locked; });
  all(q.el, ".elearn-move").forEach(function (b) { b.disabled = locked; });
  var check = q.el.querySelector(".elearn-check");
  if (check) check.hidden = locked;
}

/* ``fresh``: a new attempt, so the choices take a new order (the first one has it already). */
function resetQuestion(q, fresh) {
  if (fresh) shuffleChoices(q.el);
  all(q.el, ".is-correct, .is-wrong").forEach(function (n) { n.classList.remove("is-correct", "is-wrong"); });
  all(q.el, ".elearn-mark").forEach(function (n) { n.remove(); });
  all(q.el, ".elearn-option-feedback").forEach(function (n) { n.hidden = true; });
  all(q.el, "input[type=radio], input[type=checkbox]").forEach(function (i) { i.checked = false; });
  all(q.el, "input[type=text], select").forEach(function (i) { i.value = ""; });
  q.feedback.hidden = true;
  q.controls.textContent = "";
  setLocked(q, false);
}

function verdictText(score) {
  if (score >= 1) return T("quiz.verdict_right");
  if (score <= 0) return T("quiz.verdict_wrong");
  return T("quiz.verdict_part", { percent: Math.round(score * 100) });
}

function check(q) {
  var score = scorers[q.type](q);
  if (score === null) {
    announce(q.quiz, T("quiz.answer_first"));
    return;
  }
  q.attempts++;
  q.score = score;
  setLocked(q, true);
  q.verdict.textContent = verdictText(score);
  q.verdict.className = "elearn-verdict " + (score >= 1 ? "is-correct" : "is-wrong");
  q.feedback.hidden = false;
  q.controls.textContent = "";
  if (score < 1) {
    if (!q.quiz.isTest) {
      q.controls.appendChild(button(T("quiz.retry"), "", function () {
        resetQuestion(q, true);
        var first = q.el.querySelector("input, select, .elearn-move");
        if (first) first.focus();
      }));
    }
    q.controls.appendChild(button(T("quiz.show_answer"), "", function () {
      showAnswer(q);
      this.remove();
    }));
  }
  q.feedback.focus();
  var explained = all(q.el, ".elearn-option-feedback:not([hidden]), .elearn-explanation").map(function (n) {
    return n.textContent.trim();
  });
  announce(q.quiz, [verdictText(score)].concat(explained).join(" "));
  answered(q, score);
}

function setupOrdering(q) {
  all(q.el, ".elearn-order-item").forEach(function (li) {
    var label = li.querySelector(".elearn-order-text").textContent.trim();
    var box = make("span", "elearn-move-buttons");
    [["\u2191", T("quiz.up", { item: label }), -1], ["\u2193", T("quiz.down", { item: label }), 1]].forEach(function (spec) {
      var b = button(spec[0], "elearn-move", function () { move(q, li, spec[2], b); });
      b.setAttribute("aria-label", spec[1]);
      box.appendChild(b);
    });
    li.appendChild(box);
  });
}

function move(q, li, direction, focusAfter) {
  var list = li.parentNode;
  var items = all(list, ".elearn-order-item");
  var at = items.indexOf(li);
  var to = at + direction;
  var label = li.querySelector(".elearn-order-text").textContent.trim();
  if (to < 0 || to >= items.length) {
    announce(q.quiz, to < 0 ? T("quiz.at_top", { item: label }) : T("quiz.at_bottom", { item: label }));
    return;
  }
  list.insertBefore(li, direction < 0 ? items[to] : items[to].nextSibling);
  focusAfter.focus();
  announce(q.quiz, T("quiz.moved", { item: label, n: to + 1, total: items.length }));
}

/* --- quizzes --- */

function announce(quiz, message) {
  // Emptying first makes screen readers repeat an identical message.
  quiz.live.textContent = "";
  window.setTimeout(function () { quiz.live.textContent = message; }, 60);
}

function answered(q, score) {
  document.dispatchEvent(new CustomEvent("elearn:answer", {
    detail: { quiz: q.quiz.id, question: q.id, type: q.type, score: score, attempt: q.attempts, test: q.quiz.isTest,
      topics: q.data.topics, classroom: !!q.quiz.classroom, choice: q.choice || null }
  }));
  var quiz = q.quiz;
  var pending = quiz.active.filter(function (x) { return x.score === null; });
  if (pending.length) return;
  var total = quiz.active.reduce(function (sum, x) { return sum + x.score; }, 0);
  var percent = Math.round(100 * total / quiz.active.length);
  var text = T("quiz.score", { score: decimal(total), total: quiz.active.length, percent: percent });
  if (quiz.data.mastery) {
    var passed = percent >= quiz.data.mastery;
    var needed = { mastery: quiz.data.mastery };
    text += " " + (passed ? T("quiz.passed", needed) : T("quiz.not_passed", needed));
    quiz.summary.className = "elearn-summary " + (passed ? "is-correct" : "is-wrong");
  }
  quiz.summaryText.textContent = text;
  quiz.summary.hidden = false;
  if (quiz.active.length > 1 || quiz.isTest) {
    quiz.summaryControls.textContent = "";
    quiz.summaryControls.appendChild(button(quiz.isTest ? T("quiz.again_test") : T("quiz.again"), "", function () {
      draw(quiz);
      var first = quiz.active[0].el.querySelector("input, select, button");
      if (first) first.focus();
      announce(quiz, T("quiz.restarted"));
    }));
  }
  document.dispatchEvent(new CustomEvent("elearn:quiz", {
    detail: { quiz: quiz.id, score: percent, mastery: quiz.data.mastery, passed: !!quiz.data.mastery && percent >= quiz.data.mastery, test: quiz.isTest,
      classroom: !!quiz.classroom }
  }));
  window.setTimeout(function () { announce(quiz, text); }, 900);
}

/* A new attempt: a fresh draw for a test, and a fresh order of every question's choices.
 * ``prepared``: the ids early.js drew before the page was painted, in that order already. */
function draw(quiz, prepared) {
  var ids = prepared || drawIds(quiz.data);
  var chosen = quiz.questions.filter(function (q) { return ids.indexOf(q.id) >= 0; });
  quiz.active = chosen;
  quiz.questions.forEach(function (q) {
    q.el.hidden = chosen.indexOf(q) < 0;
    q.score = null;
    q.attempts = 0;
    if (q.type === "case") startCase(q, !prepared); else resetQuestion(q, !prepared);
  });
  if (quiz.data.draw) chosen.forEach(function (q, i) { numberQuestion(q.el, i + 1); });
  quiz.summary.hidden = true;
}

function setupQuiz(root) {
  if (root.hasAttribute("data-elearn-ready")) return;
  root.setAttribute("data-elearn-ready", "true");
  // By element, not by class: after instant navigation the script has lost its attributes.
  var data = JSON.parse(root.querySelector("script").textContent)[0];
  var quiz = {
    id: data.id, data: data, el: root, isTest: !!data.test,
    live: root.querySelector(".elearn-live"),
    summary: root.querySelector(".elearn-summary"),
    questions: []
  };
  quiz.summaryText = quiz.summary.querySelector(".elearn-summary-text");
  quiz.summaryControls = make("div", "elearn-controls");
  quiz.summary.appendChild(quiz.summaryControls);
  all(root, ".elearn-question").forEach(function (el) {
    var id = el.getAttribute("data-elearn-question");
    var q = {
      id: id, el: el, quiz: quiz, type: el.getAttribute("data-elearn-type"), data: data.questions[id],
      feedback: el.querySelector(".elearn-feedback"), score: null, attempts: 0
    };
    q.verdict = q.feedback.querySelector(".elearn-verdict");
    q.controls = make("div", "elearn-controls");
    q.feedback.appendChild(q.controls);
    if (q.type === "case") {
      setupCase(q);
    } else {
      if (q.type === "ordering") setupOrdering(q);
      el.querySelector("form").addEventListener("submit", function (event) {
        event.preventDefault();
        check(q);
      });
    }
    quiz.questions.push(q);
  });
  root.classList.add("is-enhanced");
  root.elearnQuiz = quiz;
  // Not on a test: closing the projection starts the quiz afresh, and a learner's attempt
  // must not go that way. Trainers open a test from the trainers' page (?klassikaal=).
  if (!quiz.isTest) {
    var open = button(T("quiz.classroom"), "elearn-classroom-open", function () { need("klassikaal", { quiz: quiz }); });
    open.setAttribute("aria-label", T("quiz.classroom_label", { quiz: root.getAttribute("aria-label") }));
    root.insertBefore(open, root.firstChild);
  }
  draw(quiz, root.elearnEarly && root.elearnEarly.drawn);
}

