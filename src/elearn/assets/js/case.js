/* Cases: a branching scenario, one decision point after the other, to an outcome. */
function setupCase(q) {
  q.nodes = {};
  all(q.el, ".elearn-case-node").forEach(function (node) {
    q.nodes[node.getAttribute("data-node")] = node;
    all(node, ".elearn-choice-button").forEach(function (b) {
      b.addEventListener("click", function () { choose(q, node, b); });
    });
  });
  q.outcomes = {};
  all(q.el, ".elearn-case-outcome").forEach(function (o) {
    o.setAttribute("tabindex", "-1");
    q.outcomes[o.getAttribute("data-outcome")] = o;
  });
}

function startCase(q, fresh) {
  if (fresh) shuffleChoices(q.el);
  q.choices = 0;
  q.good = 0;
  Object.keys(q.nodes).forEach(function (id) {
    var node = q.nodes[id];
    node.hidden = id !== q.data.start;
    node.classList.remove("is-done");
    all(node, ".elearn-choice").forEach(function (li) {
      li.classList.remove("is-correct", "is-wrong");
      var m = li.querySelector(".elearn-mark");
      if (m) m.remove();
      li.querySelector(".elearn-option-feedback").hidden = true;
      var b = li.querySelector("button");
      b.disabled = false;
      b.removeAttribute("aria-pressed");
    });
  });
  Object.keys(q.outcomes).forEach(function (id) { q.outcomes[id].hidden = true; });
  q.feedback.hidden = true;
  q.controls.textContent = "";
}

function choose(q, node, b) {
  var li = b.parentNode;
  var index = +li.getAttribute("data-index");
  var choice = q.data.nodes[node.getAttribute("data-node")][index];
  q.choices++;
  if (choice[1]) q.good++;
  all(node, ".elearn-choice-button").forEach(function (other) { other.disabled = true; });
  b.setAttribute("aria-pressed", "true");
  node.classList.add("is-done");
  mark(li, choice[1], choice[1] ? T("case.good") : T("case.less_good"));
  var fb = li.querySelector(".elearn-option-feedback");
  fb.hidden = false;
  fb.setAttribute("tabindex", "-1");
  var next = q.nodes[choice[0]] || q.outcomes[choice[0]];
  next.hidden = false;
  if (q.outcomes[choice[0]]) {
    finishCase(q, choice[0]);
  } else {
    fb.focus();
    var said = { feedback: fb.textContent.trim() };
    announce(q.quiz, choice[1] ? T("case.good_said", said) : T("case.less_good_said", said));
  }
}

function finishCase(q, outcomeId) {
  var outcome = q.outcomes[outcomeId];
  var score = q.choices ? q.good / q.choices : 0;
  q.attempts++;
  q.score = score;
  q.verdict.textContent = T("case.end", { good: q.good, choices: q.choices });
  q.verdict.className = "elearn-verdict " + (q.data.outcomes[outcomeId] ? "is-correct" : "is-wrong");
  q.feedback.hidden = false;
  q.controls.textContent = "";
  q.controls.appendChild(button(T("case.replay"), "", function () {
    startCase(q, true);
    q.nodes[q.data.start].querySelector("button").focus();
  }));
  outcome.focus();
  announce(q.quiz, T("case.end_said", { outcome: outcome.querySelector(".elearn-case-outcome-title").textContent.trim(),
    verdict: q.verdict.textContent }));
  answered(q, score);
}

