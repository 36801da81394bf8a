"""Learners who know nothing, and one who has the key: they play a module test in the browser.

Each plays through the page's own controls (clicking options, choosing in lists, pressing
Controleer, and "Opnieuw, met nieuwe vragen" for the next attempt), in page script so that
hundreds of attempts take seconds. What they see is what a learner sees: the options in the
order the page shows them.
"""

STRATEGIES = ("eerste", "laatste", "langste", "onwaar", "willekeurig")
KEY = "sleutel"

PLAY = """
async ([strategy, attempts, seed]) => {
  // A small seeded generator, so a run of the random strategy can be repeated.
  let s = seed >>> 0;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const root = document.querySelector("[data-elearn-test]");
  const data = JSON.parse(root.querySelector("script").textContent)[0];
  const text = (el) => el.textContent.trim();
  const pick = (items, label) => {
    if (strategy === "laatste") return items[items.length - 1];
    if (strategy === "langste") return items.reduce((a, b) => (label(b).length > label(a).length ? b : a));
    if (strategy === "willekeurig") return items[Math.floor(random() * items.length)];
    return items[0];  // eerste, and onwaar everywhere but true/false
  };
  const wait = () => new Promise((r) => setTimeout(r, 0));

  function byKey(q) {
    const d = data.questions[q.dataset.elearnQuestion];
    const type = q.dataset.elearnType;
    if (type === "single" || type === "multiple" || type === "truefalse") {
      for (const o of q.querySelectorAll(".elearn-option")) {
        const i = o.dataset.index;
        const right = Array.isArray(d.correct) ? d.correct.includes(+i) : String(d.correct) === i;
        if (right) o.querySelector("input").click();
      }
    } else if (type === "ordering") {
      // Up buttons only, as a learner who knows the order would press them.
      for (let round = 0; round < d.count * d.count; round++) {
        const items = [...q.querySelectorAll(".elearn-order-item")];
        const at = items.findIndex((li, p) => p > 0 && +li.dataset.index < +items[p - 1].dataset.index);
        if (at < 0) break;
        items[at].querySelector(".elearn-move").click();
      }
    } else if (type === "matching") {
      for (const row of q.querySelectorAll(".elearn-match")) row.querySelector("select").value = row.dataset.index;
    } else if (type === "shortanswer") {
      q.querySelector(".elearn-short input").value = d.accepted[0];
    }
  }

  function blind(q) {
    const type = q.dataset.elearnType;
    if (type === "truefalse") {
      const options = [...q.querySelectorAll(".elearn-option")];
      const choice = strategy === "onwaar" ? options.find((o) => o.dataset.index === "false") : pick(options, text);
      choice.querySelector("input").click();
    } else if (type === "single" || type === "multiple") {
      pick([...q.querySelectorAll(".elearn-option")], (o) => text(o.querySelector("label"))).querySelector("input").click();
    } else if (type === "matching") {
      for (const select of q.querySelectorAll("select")) {
        select.value = pick([...select.options].filter((o) => o.value), text).value;
      }
    } else if (type === "shortanswer") {
      q.querySelector(".elearn-short input").value = "weet ik niet";
    }
    // ordering: left as the page shows it
  }

  async function playCase(q) {
    const d = data.questions[q.dataset.elearnQuestion];
    for (let step = 0; step < 50 && !q.querySelector(".elearn-case-outcome:not([hidden])"); step++) {
      const nodes = [...q.querySelectorAll(".elearn-case-node:not([hidden])")];
      const node = nodes[nodes.length - 1];
      const choices = [...node.querySelectorAll(".elearn-choice")];
      const good = d.nodes[node.dataset.node];
      const choice = strategy === "sleutel"
        ? (choices.find((li) => good[+li.dataset.index][1]) || choices[0])
        : pick(choices, text);
      choice.querySelector("button").click();
      await wait();
    }
  }

  const results = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const done = new Promise((resolve) => document.addEventListener("elearn:quiz", (e) => resolve(e.detail), { once: true }));
    for (const q of root.querySelectorAll(".elearn-question:not([hidden])")) {
      if (q.dataset.elearnType === "case") { await playCase(q); continue; }
      if (strategy === "sleutel") byKey(q); else blind(q);
      q.querySelector(".elearn-check").click();
    }
    const detail = await done;
    results.push([detail.score, detail.passed]);
    [...root.querySelectorAll(".elearn-summary button")].find((b) => b.textContent.startsWith("Opnieuw")).click();
    await wait();
  }
  return results;
}
"""


def play(page, url: str, strategy: str, attempts: int, seed: int = 1) -> list[tuple[int, bool]]:
    """(percent, passed) of each attempt at the test on ``url``."""
    page.goto(url)
    page.wait_for_selector("[data-elearn-test][data-elearn-ready]", state="attached")
    return [tuple(r) for r in page.evaluate(PLAY, [strategy, attempts, seed])]
