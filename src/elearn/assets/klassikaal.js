/* elearn classroom mode: a quiz or a case projected for a group, one question at a time.
 * The group discusses, the trainer reveals the answer with all its feedback, then moves on.
 * Keys: right arrow, space or PageDown go forward (first reveal, then next), left arrow or
 * PageUp go back, 1-9 pick an answer, F is full screen, Esc closes. A presenter clicker sends
 * PageDown and PageUp, so it works as well. Nothing reaches the learner record: every answer
 * event carries `classroom`, which the progress code ignores.
 * Loaded by elearn.js the first time a trainer asks for it. */
(function () {
  "use strict";
  var E = window.elearn;
  var T = E.text;
  var FORWARD = ["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"];
  var BACK = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];

  function open(arg) {
    var quiz = arg.quiz;
    if (quiz.classroom) return;
    var items = quiz.questions.filter(function (q) { return q.id === arg.question; });
    var room = quiz.classroom = {
      quiz: quiz, items: items.length ? items : quiz.active.slice(), index: 0, inert: [],
      opener: document.activeElement
    };
    var el = quiz.el;
    el.classList.add("is-classroom");
    el.setAttribute("role", "dialog");
    el.setAttribute("aria-modal", "true");
    // The rest of the page is out of reach while the quiz is projected; Esc gives it back.
    for (var node = el; node.parentElement; node = node.parentElement) {
      E.all(node.parentElement, ":scope > *").forEach(function (other) {
        if (other !== node && !other.inert) { other.inert = true; room.inert.push(other); }
      });
    }
    room.bar = E.make("div", "elearn-classroom-bar");
    room.status = room.bar.appendChild(E.make("p", "elearn-classroom-status"));
    room.back = room.bar.appendChild(E.button("\u2190 " + T("classroom.back"), "", function () { go(room, room.index - 1); }));
    room.forward = room.bar.appendChild(E.button("", "md-button--primary", function () { forward(room); }));
    room.bar.appendChild(E.button(T("classroom.full_screen"), "", fullScreen));
    room.bar.appendChild(E.button(T("classroom.close"), "", function () { close(room); }));
    room.bar.appendChild(E.make("p", "elearn-classroom-keys", T("classroom.keys")));
    el.insertBefore(room.bar, el.firstChild);
    room.keys = function (event) { keys(room, event); };
    room.leave = function (event) {
      // Following a link (a source) leaves the projection first, so nothing stays inert.
      if (event.target.closest && event.target.closest("a[href]")) close(room, true);
    };
    window.addEventListener("keydown", room.keys, true);
    el.addEventListener("click", room.leave, true);
    go(room, 0);
  }

  function current(room) { return room.items[room.index]; }

  function go(room, index) {
    if (index < 0 || index >= room.items.length) return;
    room.index = index;
    room.revealed = false;
    var q = current(room);
    room.items.forEach(function (x) { x.el.classList.toggle("is-stage", x === q); });
    q.el.hidden = false; // a question outside this draw, asked for by a session plan
    var number = q.el.querySelector(".elearn-number");
    if (number) number.textContent = T("quiz.number", { n: index + 1 });
    if (q.type === "case") {
      E.startCase(q);
      stage(room, q.nodes[q.data.start]);
    } else {
      room.revealed = q.el.classList.contains("is-revealed");
      q.el.setAttribute("tabindex", "-1");
      q.el.focus({ preventScroll: true });
    }
    room.quiz.el.scrollTop = 0; // a new question starts at its top, the case with its story
    update(room);
    E.announce(room.quiz, room.status.textContent + ".");
  }

  /* A case is shown one decision point at a time. */
  function stage(room, part) {
    var q = current(room);
    E.all(q.el, ".is-current").forEach(function (n) { n.classList.remove("is-current"); });
    part.classList.add("is-current");
    part.hidden = false;
    part.setAttribute("tabindex", "-1");
    part.focus({ preventScroll: true });
    if (part !== q.nodes[q.data.start]) part.scrollIntoView({ block: "start" }); // the first shows with the story
    room.part = part;
  }

  function update(room) {
    var q = current(room);
    var text = room.items.length > 1 || q.type !== "case" ?
      T("classroom.status", { n: room.index + 1, total: room.items.length }) : T("case.title");
    if (q.type === "case") {
      text = room.part.hasAttribute("data-node") ?
        T("classroom.at_node", { status: text, n: E.all(q.el, ".elearn-case-node").indexOf(room.part) + 1 }) :
        T("classroom.at_outcome", { status: text });
    }
    room.status.textContent = text;
    var last = room.index === room.items.length - 1 && !(q.type === "case" && room.part.hasAttribute("data-node"));
    room.forward.textContent = !room.revealed ? T("classroom.reveal") : last ? T("classroom.end") : T("classroom.next") + " \u2192";
    room.back.disabled = room.index === 0;
  }

  function forward(room) {
    var q = current(room);
    if (!room.revealed) {
      if (q.type === "case") revealNode(q, room.part); else reveal(q);
      room.revealed = true;
      update(room);
      E.announce(room.quiz, T("classroom.revealed"));
    } else if (q.type === "case" && room.part.hasAttribute("data-node")) {
      nextNode(room, q);
    } else if (room.index < room.items.length - 1) {
      go(room, room.index + 1);
    } else {
      close(room);
    }
  }

  function reveal(q) {
    var options = E.all(q.el, ".elearn-option");
    var chosen = options.map(function (o) { return o.querySelector("input").checked; });
    E.showAnswer(q);
    options.forEach(function (o, i) {
      var right = o.classList.contains("is-correct");
      o.querySelector("input").checked = chosen[i];
      var label = right ? T("quiz.answer") : T("quiz.wrong");
      E.mark(o, right, chosen[i] ? T("classroom.chosen", { mark: label }) : label);
    });
    E.all(q.el, ".elearn-option-feedback").forEach(function (f) { f.hidden = false; });
    q.feedback.hidden = false;
    q.el.classList.add("is-revealed");
  }

  function revealNode(q, node) {
    var choices = q.data.nodes[node.getAttribute("data-node")];
    E.all(node, ".elearn-choice").forEach(function (li) {
      var good = choices[+li.getAttribute("data-index")][1];
      E.mark(li, good, good ? T("case.good") : T("case.less_good"));
      li.querySelector(".elearn-option-feedback").hidden = false;
    });
  }

  /* On along the choice the group made, or along the best one if it made none. */
  function nextNode(room, q) {
    var node = room.part;
    var id = node.getAttribute("data-node");
    var pressed = node.querySelector('[aria-pressed="true"]');
    if (!pressed) {
      var best = E.all(node, ".elearn-choice").filter(function (li) {
        return q.data.nodes[id][+li.getAttribute("data-index")][1];
      })[0] || node.querySelector(".elearn-choice");
      pressed = best.querySelector("button");
      E.choose(q, node, pressed);
      revealNode(q, node);
    }
    var next = q.data.nodes[id][+pressed.parentNode.getAttribute("data-index")][0];
    var outcome = q.outcomes[next];
    stage(room, outcome || q.nodes[next]);
    room.revealed = !!outcome; // an outcome is its own answer
    update(room);
    E.announce(room.quiz, outcome ? T("classroom.case_end", { outcome: outcome.querySelector(".elearn-case-outcome-title").textContent }) :
      room.status.textContent + ".");
  }

  function pick(room, n) {
    var q = current(room);
    if (q.type === "case") {
      var choice = room.part.querySelectorAll(".elearn-choice-button")[n];
      if (choice && !choice.disabled) choice.click();
      return;
    }
    var input = q.el.querySelectorAll(".elearn-option input")[n];
    if (!input || room.revealed) return;
    input.checked = input.type === "radio" ? true : !input.checked;
    E.announce(room.quiz, input.checked ? T("classroom.picked", { n: n + 1 }) : T("classroom.unpicked", { n: n + 1 }));
  }

  function keys(room, event) {
    if (!document.contains(room.quiz.el)) return close(room, true);
    var target = event.target;
    var tag = target.tagName;
    if (event.key === "Escape") {
      event.preventDefault();
      return close(room);
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.key === "Tab") return;
    if (tag === "SELECT" || tag === "TEXTAREA" || (tag === "INPUT" && target.type === "text")) return;
    // Caught before Material's shortcuts (".", "n", "p": another page; "/": search), which
    // would take the group off the question; a clicker's "blank screen" key does nothing.
    event.stopPropagation();
    // A focused button or link does its own thing on Space and Enter, a box its own on Space.
    if ((event.key === " " || event.key === "Enter") && (tag === "BUTTON" || tag === "A")) return;
    if (event.key === " " && tag === "INPUT") return;
    if (FORWARD.indexOf(event.key) >= 0) forward(room);
    else if (BACK.indexOf(event.key) >= 0) go(room, room.index - 1);
    else if (event.key === "Home") go(room, 0);
    else if (event.key === "End") go(room, room.items.length - 1);
    else if (/^[1-9]$/.test(event.key)) pick(room, +event.key - 1);
    else if (event.key === "f" || event.key === "F") fullScreen();
    else if (event.key.length > 1) return; // Shift, F5 and the like
    event.preventDefault();
  }

  function fullScreen() {
    var el = document.querySelector(".is-classroom");
    if (document.fullscreenElement) document.exitFullscreen();
    else if (el && el.requestFullscreen) el.requestFullscreen().catch(function () { /* not allowed here: the overlay stays */ });
  }

  function close(room, quietly) {
    var quiz = room.quiz;
    if (quiz.classroom !== room) return;
    window.removeEventListener("keydown", room.keys, true);
    quiz.el.removeEventListener("click", room.leave, true);
    if (document.fullscreenElement) document.exitFullscreen();
    room.inert.forEach(function (n) { n.inert = false; });
    room.bar.remove();
    quiz.el.classList.remove("is-classroom");
    quiz.el.removeAttribute("role");
    quiz.el.removeAttribute("aria-modal");
    E.all(quiz.el, ".is-stage, .is-current, .is-revealed").forEach(function (n) {
      n.classList.remove("is-stage", "is-current", "is-revealed");
    });
    quiz.classroom = null;
    E.draw(quiz); // the learner's view starts clean, nothing revealed
    if (/[?&]klassikaal=/.test(window.location.search)) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.hash);
    }
    if (quietly) return;
    var back = room.opener && document.contains(room.opener) && room.opener !== document.body ? room.opener :
      quiz.el.querySelector(".elearn-classroom-open, input, button");
    if (back) back.focus();
  }

  window.elearnExtras.klassikaal = open;
})();
