"""Everything the tests share that is not a fixture: paths, running elearn and MkDocs as an
author does, a loopback web server, a learner who answers in the browser, learners who
know nothing, and the WCAG check. Fixtures are in conftest.py and use these."""

import contextlib
import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NPM_PACKAGES = ["gift-pegjs@1.0.2", "scorm-again@3.4.3"]  # third-party readers the exports must satisfy

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def elearn(*args, cwd=REPO, check=False) -> subprocess.CompletedProcess:
    """The `elearn` command as an author runs it, from this environment."""
    return subprocess.run([str(Path(sys.executable).parent / "elearn"), *args], cwd=cwd, capture_output=True,
                          text=True, check=check)


def mkdocs_build(root: Path, site_dir: Path, strict: bool = True, command: str | None = None) -> None:
    """A real MkDocs build of the course at ``root``, in this process. ``command``: start the
    plugins as that command of MkDocs' own CLI does (``"build"`` for `mkdocs build`); without it
    the build runs as a program calling MkDocs' build() would."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    if command:
        config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve ``directory`` on a loopback port, as a static web server would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@contextlib.contextmanager
def serving(directory: Path):
    server, url = serve(directory)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


# --- a learner in the browser: answers questions the way a person would, right or wrong ---

import json  # noqa: E402


def quiz_data(quiz):
    """The quiz's own answer data, as the page carries it."""
    return json.loads(quiz.locator("script").first.text_content())[0]


def answer(question, data, right):
    """Answer one question through its controls; ``data`` is its entry in the quiz data."""
    kind = question.get_attribute("data-elearn-type")
    if kind == "case":
        while question.locator(".elearn-case-outcome:visible").count() == 0:
            node = question.locator(".elearn-case-node:visible").last
            choices = data["nodes"][node.get_attribute("data-node")]
            pick = next((i for i, (_, good) in enumerate(choices) if good == right), 0)
            # The choices stand in a shuffled order: find the one written at ``pick``.
            node.locator(f'.elearn-choice[data-index="{pick}"] .elearn-choice-button').click()
        return
    if kind in ("single", "multiple"):
        for option in question.locator("input").all():
            if (int(option.get_attribute("value")) in data["correct"]) == right:  # its written place
                option.check()
        if not right and not any(i.is_checked() for i in question.locator("input").all()):
            question.locator("input").first.check()
    elif kind == "truefalse":
        value = "true" if data["correct"] == right else "false"
        question.locator(f'input[value="{value}"]').check()
    elif kind == "ordering":
        for _ in range(data["count"] ** 2):
            order = question.locator(".elearn-order-item").evaluate_all("xs => xs.map(x => +x.dataset.index)")
            wrong = [p for p in range(1, len(order)) if order[p] < order[p - 1]]
            if not right:
                if order != list(range(len(order))):
                    break
                question.locator(".elearn-order-item").nth(1).locator(".elearn-move").first.click()
                break
            if not wrong:
                break
            question.locator(".elearn-order-item").nth(wrong[0]).locator(".elearn-move").first.click()
    elif kind == "matching":
        selects = question.locator("select").all()
        for i, select in enumerate(selects):
            select.select_option(value=str(i if right else (i + 1) % len(selects)))
    elif kind == "shortanswer":
        question.locator("input").fill(data["accepted"][0] if right else "geen idee")
    question.get_by_role("button", name="Controleer").click()


def answer_quiz(page, quiz_id, right=True):
    """Answer every question that is shown in quiz ``quiz_id``."""
    quiz = page.locator(f'[data-elearn-quiz="{quiz_id}"]')
    data = quiz_data(quiz)
    for question in quiz.locator(".elearn-question:visible").all():
        answer(question, data["questions"][question.get_attribute("data-elearn-question")], right)
    return quiz


def answer_every_question(page, right):
    """Answer all questions on the page, wrong or right, the way a learner would."""
    for quiz in page.locator("[data-elearn-quiz]").all():
        answer_quiz(page, quiz.get_attribute("data-elearn-quiz"), right)


# --- WCAG 2.1 AA with axe-core ---

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def settle(page):
    """Wait until CSS transitions are done: a colour halfway through a fade is no verdict."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def check_page(axe, page):
    settle(page)
    return axe.run(page, options=WCAG_AA).response["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )


# --- learners who know nothing, and one who has the key, play a module test ---
# Each plays through the page's own controls (clicking options, choosing in lists, pressing
# Controleer, and "Opnieuw, met nieuwe vragen" for the next attempt), in page script so that
# hundreds of attempts take seconds. What they see is what a learner sees: the options in the
# order the page shows them.

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


# --- what a package links to ---

def package_links(archive) -> list[tuple[str, str, str]]:
    """(page, link as written, file it leads to) for every relative href and src in the HTML pages
    of a zip (a ``zipfile.ZipFile``), the way a browser resolves them on file://."""
    import posixpath
    from html.parser import HTMLParser
    from urllib.parse import unquote, urlsplit

    class Refs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            self.found += [v for k, v in attrs if k in ("href", "src") and v]

    links = []
    for name in archive.namelist():
        if not name.endswith(".html"):
            continue
        refs = Refs()
        refs.feed(archive.read(name).decode("utf-8"))
        for ref in refs.found:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site, tel:, or a place on the same page
            path = unquote(parts.path)
            target = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(name), path)
            target = posixpath.normpath(posixpath.join(target, "index.html") if path.endswith("/") else target)
            links.append((name, ref, target))
    return links


def trainer_files(names) -> list[str]:
    """The trainers' material among the files of a package: their section, and the group results
    tool with its list of questions (which names the right option of each)."""
    return [n for n in names if n.startswith("trainers/")
            or n in ("assets/elearn/vragen.js", "assets/elearn/groep.js", "assets/elearn/groep.css")]
