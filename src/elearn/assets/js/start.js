/* Start-up: everything that needs the whole page waits for it, then runs for every page
 * Material's instant navigation swaps in (document$), and trainer tools load when used. */

/* A trainer tool from its own file, loaded the first time it is asked for: learners never
 * download it. */
function need(name, arg) {
  if (extras[name]) return extras[name](arg);
  var style = make("link");
  var script = make("script");
  style.rel = "stylesheet";
  style.href = new URL(name + ".css", HERE).href;
  script.src = new URL(name + ".js", HERE).href;
  script.onload = function () { extras[name](arg); };
  document.head.append(style, script);
}

function init() {
  if (COURSE) {
    state = read();
    visit();
    renderProgress();
  }
  prepareQuizzes(true); // a page that instant navigation swapped in was never read by the parser
  all(document, "[data-elearn-quiz]").forEach(setupQuiz);
  all(document, "[data-elearn-compare]").forEach(function (el) { need("vergelijk", el); });
  all(document, "[data-elearn-group]").forEach(function (el) { need("groep", el); });
  // ?klassikaal=<quiz>[&vraag=<question>]: a session plan opens a quiz or a case for the group.
  var wanted = new URLSearchParams(window.location.search);
  var root = wanted.get("klassikaal") && document.querySelector('[data-elearn-quiz="' + CSS.escape(wanted.get("klassikaal")) + '"]');
  if (root && !root.elearnQuiz.classroom) need("klassikaal", { quiz: root.elearnQuiz, question: wanted.get("vraag") });
}

// For the trainer tools, the SCORM bridge and the test suite.
window.elearn = { all: all, make: make, add: add, button: button, mark: mark, announce: announce, draw: draw,
  showAnswer: showAnswer, startCase: startCase, choose: choose, text: T };
window.elearnProgress = { importText: importText, parse: parse, pathStatus: pathStatus, pathById: pathById,
  link: link, MAX_IMPORT: MAX_IMPORT, url: function (u) { return new URL(u, baseUrl()).href; },
  record: function () { return state; },
  rename: function (name) { state.name = name; write(state); } };

function started() {
  startOffline();
  // Material's instant navigation swaps pages without a load event: follow document$, which
  // Material's own script (at the end of the page) defines and which gives the current page first.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else init();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", started);
else started();
