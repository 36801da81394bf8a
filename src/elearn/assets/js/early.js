/* Before the first paint: a test draws its questions, and every question puts its choices in
 * a fresh random order while the page is still being read. The page then does not jump when
 * the draw hides most of the pool (layout shift), and a learner never sees the choices where
 * the author wrote them. A MutationObserver's callback runs after each piece the parser adds
 * and before the browser paints; a question whose end has not arrived yet waits, hidden, at
 * the bottom. Without JavaScript nothing is hidden and every question shows. */

/* A random order of ``items``. An ordering question's written order is its answer, and
 * matching answers in the written order would line up with their terms: with ``unwritten``
 * the order is never the written one (``index`` tells an item's written place). */
function randomOrder(items, unwritten, index) {
  var order = items.slice();
  for (var tries = 0; tries < 9; tries++) {
    shuffle(order);
    if (!unwritten || order.some(function (x, i) { return +index(x) !== i; })) break;
  }
  return order;
}

/* Puts ``nodes`` (siblings, the last children of their parent) in a new random order. */
function reorder(nodes, unwritten) {
  randomOrder(nodes, unwritten, function (n) { return n.getAttribute("data-index"); })
    .forEach(function (n) { n.parentNode.appendChild(n); });
}

/* A fresh order for the choices of one question: once here, and on every new attempt. */
function shuffleChoices(question) {
  var type = question.getAttribute("data-elearn-type");
  if (type === "ordering") return reorder(all(question, ".elearn-order-item"), true);
  if (question.hasAttribute("data-elearn-pinned")) return;
  if (type === "single" || type === "multiple") {
    reorder(all(question, ".elearn-option"), false);
  } else if (type === "matching") {
    // One order for every row's list, so each answer stands in the same place in all of them.
    var selects = all(question, "select");
    var values = all(selects[0], "option").map(function (o) { return o.value; }).filter(Boolean);
    var order = randomOrder(values, true, function (v) { return v; });
    selects.forEach(function (select) {
      order.forEach(function (value) { select.appendChild(select.querySelector('option[value="' + value + '"]')); });
    });
  } else if (type === "case") {
    all(question, ".elearn-choices").forEach(function (list) { reorder(all(list, ".elearn-choice"), false); });
  }
}

/* Which questions of a quiz this attempt shows: for a test ``draw`` of them, at random. */
function drawIds(data) {
  var ids = Object.keys(data.questions);
  return data.draw && data.draw < ids.length ? shuffle(ids).slice(0, data.draw) : ids;
}

function numberQuestion(question, n) {
  var label = question.querySelector(".elearn-number");
  if (label) label.textContent = T("quiz.number", { n: n });
}

function prepareQuiz(root, finished) {
  if (!root.elearnEarly) {
    var data = root.querySelector("script");
    if (!data || !(data.nextSibling || finished)) return;
    root.elearnEarly = { drawn: drawIds(JSON.parse(data.textContent)[0]), count: 0 };
  }
  var early = root.elearnEarly;
  all(root, ".elearn-question:not([data-elearn-early])").forEach(function (question) {
    if (!(question.nextElementSibling || finished)) {
      question.classList.add("elearn-pending"); // its last choices are still on their way
      return;
    }
    question.classList.remove("elearn-pending");
    question.setAttribute("data-elearn-early", "");
    if (early.drawn.indexOf(question.getAttribute("data-elearn-question")) < 0) {
      question.hidden = true;
      return;
    }
    shuffleChoices(question);
    if (root.hasAttribute("data-elearn-test")) numberQuestion(question, ++early.count);
  });
}

function prepareQuizzes(finished) {
  all(document, "[data-elearn-quiz]").forEach(function (root) { prepareQuiz(root, finished); });
}

if (document.readyState === "loading" && window.MutationObserver) {
  var watcher = new MutationObserver(function () { prepareQuizzes(false); });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { watcher.disconnect(); });
}
