"""Build-time benchmark: elearn against plain MkDocs + Material and against mkdocs-quiz.

One run builds the same synthetic course three ways and prints medians and ratios:

  (a) plain    the pages' Markdown text with MkDocs + Material, no quizzes
  (b) elearn   the same text as an elearn course, with every question in a bank
  (c) quiz     the same text with the same questions in mkdocs-quiz syntax

Usage:  make bench                       (1,000 and 10,000 questions, 5 runs)
        .venv/bin/python bench/run.py --questions 1000 --runs 5

mkdocs-quiz is installed from PyPI into its own environment under bench/.work/,
next to the same MkDocs and Material versions as ours. Timings are wall-clock
seconds of `mkdocs build` in a fresh process, as an author experiences them; a
second table gives the CPU seconds of the same builds, and a third the peak memory
of the largest process of each build (the most of the runs).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
REPO = HERE.parent
PAGES = 200  # fixed: the course grows in questions per page, as the budgets are per question
PAGES_PER_MODULE = 10
TYPES = ("single", "multiple", "truefalse", "ordering", "matching", "shortanswer", "case")

EXTENSIONS = "markdown_extensions:\n  - admonition\n  - attr_list\n  - md_in_html\n  - tables\n  - toc\n"
THEME = """theme:
  name: material
  language: nl
  font: false
"""

PROSE = """Bij zorgen over huiselijk geweld of kindermishandeling werk je met de stappen van de meldcode.
Dit is pagina {n} van de synthetische cursus. Je brengt signalen in kaart en legt feiten vast, los van je
interpretatie. Je overlegt met een deskundige collega of de aandachtsfunctionaris.

## Wat je doet

- Je noteert wat je ziet en hoort, met datum en bron.
- Je bespreekt je zorgen met een collega.
- Je gaat in gesprek met de betrokkenen.

## Achtergrond {n}

Het afwegingskader helpt bij de vraag of melden nodig is en of je hulp kunt bieden of organiseren.
Een melding uit zorg is nooit onterecht. Dit is tekst om de pagina een realistische lengte te geven:
elke pagina heeft een paar alinea's, een lijst en twee koppen, zoals een echte lespagina.
"""


# --- the synthetic course --------------------------------------------------------


def elearn_question(qid: str, kind: str, page_id: str) -> dict:
    """A question as a careful author writes it: it passes `elearn check` without a warning (no
    length cue, true/false keys and numbers of right options that vary), as a real course does."""
    n = int(qid.lstrip("q"))
    base = {"id": qid, "type": kind, "vraag": f"Vraag {qid}: wat doe je in deze situatie?",
            "toetst": [page_id], "bron": "bron-bench", "uitleg": "Zo werkt de meldcode."}
    options = [
        {"tekst": "Je legt het vast.", "feedback": "Juist: feiten eerst."},
        {"tekst": "Je belt de ouder.", "feedback": "Nee: eerst de stappen."},
        {"tekst": "Je wacht het af.", "feedback": "Nee: wegkijken helpt niet."},
    ]
    options[n % 3] = options[n % 3] | {"goed": True}
    if kind == "single":
        return base | {"opties": options}
    if kind == "multiple":
        if n % 2:
            options[(n + 1) % 3] = options[(n + 1) % 3] | {"goed": True, "feedback": "Ja, soms."}
        return base | {"opties": options}
    if kind == "truefalse":
        return base | {"juist": n % 2 == 0, "feedback_waar": "Zo is het.", "feedback_onwaar": "Zo is het niet."}
    if kind == "ordering":
        return base | {"items": [{"tekst": f"Stap {i}", "feedback": f"Stap {i} komt hier."} for i in range(1, 5)]}
    if kind == "matching":
        return base | {"paren": [{"term": f"Term {i}", "hoort_bij": f"Uitleg {i}", "feedback": "Zo hoort het."}
                                 for i in range(1, 4)]}
    if kind == "shortanswer":
        return base | {"antwoorden": ["0800-2000"], "feedback_goed": "Klopt.", "feedback_fout": "Het is 0800-2000."}
    nodes = [
        {"id": f"{qid}-n{i}", "situatie": f"Situatie {i}.", "stap": "stap-1",
         "keuzes": [{"tekst": "Goede keuze", "naar": f"{qid}-n{i + 1}" if i < 3 else f"{qid}-goed", "goed": True,
                     "feedback": "Goed."},
                    {"tekst": "Andere keuze", "naar": f"{qid}-fout", "feedback": "Minder goed."}]}
        for i in range(1, 4)
    ]
    outcomes = [{"id": f"{qid}-{k}", "titel": k, "tekst": "Nabespreking.", "goed": k == "goed",
                 "stap": "stap-5", "afwegingsvraag": "afweging-1", "bron": "bron-bench"} for k in ("goed", "fout")]
    return base | {"titel": f"Casus {qid}", "start": f"{qid}-n1", "situaties": nodes, "uitkomsten": outcomes}


def quiz_block(qid: str, kind: str) -> str:
    """The nearest mkdocs-quiz equivalent: it knows single, multiple and fill-in-the-blank."""
    question = f"Vraag {qid}: wat doe je in deze situatie?"
    if kind == "shortanswer":
        return "<quiz>\nHet nummer van Veilig Thuis is [[0800-2000]].\n\nZo werkt de meldcode.\n</quiz>\n"
    second = "- [x]" if kind == "multiple" else "- [ ]"
    return (f"<quiz>\n{question}\n- [x] Je legt de signalen vast.\n{second} Je meldt meteen.\n"
            f"- [ ] Je wacht af.\n\nZo werkt de meldcode.\n</quiz>\n")


def minimal_content() -> dict[str, object]:
    step = lambda n: {"id": f"stap-{n}", "nummer": n, "titel": f"Stap {n}", "kern": "Kern.", "bron": "bron-bench",
                      "wat_je_doet": [{"tekst": "Doe dit.", "bron": "bron-bench"}]}
    return {
        "bronnen.yml": {"bronnen": [{"id": "bron-bench", "titel": "Benchmarkbron"}]},
        "begrippen.yml": {"begrippen": [{"id": "begrip-a", "term": "A", "definitie": "A.", "bron": "bron-bench"}]},
        "programma.yml": {
            "id": "prog", "titel": "Programma", "inleiding": "In.",
            "opdracht": {"tekst": "O.", "bron": "bron-bench"}, "ambitie": {"tekst": "A.", "bron": "bron-bench"},
            "actielijnen": [{"id": "al", "nummer": 1, "titel": "AL", "doel": "D.", "bron": "bron-bench",
                             "themas": [{"id": "th", "nummer": 1, "titel": "T", "tekst": "T.", "bron": "bron-bench",
                                         "acties": [{"tekst": "Actie."}]}]}],
        },
        "meldcode.yml": {
            "id": "mc", "titel": "Meldcode",
            "wet": {"titel": "Wet", "inleiding": "W.", "bron": "bron-bench",
                    "reikwijdte": [{"tekst": "R.", "bron": "bron-bench"}]},
            "stappen": [step(n) for n in range(1, 6)],
            "afwegingskader": {"id": "ak", "titel": "AK", "inleiding": "I.", "bron": "bron-bench", "vragen": [
                {"id": "afweging-1", "nummer": 1, "vraag": "V?", "bron": "bron-bench",
                 "ja": {"gevolg": "Melden.", "besluit": "melden"}, "nee": {"gevolg": "Stop.", "besluit": "afsluiten"}}]},
            "kindcheck": {"id": "kc", "titel": "KC", "inleiding": "K.", "bron": "bron-bench",
                          "controleer": [{"tekst": "Kinderen?", "bron": "bron-bench"}]},
            "rollen": [{"id": "rol", "titel": "Rol", "kern": "R.", "bron": "bron-bench"}],
        },
    }


def as_yaml(data) -> str:
    """Block-style YAML, as an author writes it (and as `elearn` reads it on every build)."""
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=100)


def generate(size: int, root: Path, pages: int) -> None:
    """Write the elearn course, then give (a) and (c) exactly its pages and navigation.

    The elearn site has pages of its own (programme, steps, module tests...). The plain
    and mkdocs-quiz builds get the same Markdown for those, so every build renders the
    same page set and the same navigation, and the ratios measure the quizzes alone.
    """
    if root.exists():
        shutil.rmtree(root)
    per_page = max(1, size // pages)
    modules = max(1, pages // PAGES_PER_MODULE)
    course = root / "elearn"
    (course / "content").mkdir(parents=True)
    (course / "quizzes").mkdir()
    course_modules = []
    quiz_markdown: dict[str, str] = {}
    counter = 0
    for m in range(modules):
        page_ids = []
        for p in range(pages // modules):
            n = m * (pages // modules) + p
            page_id = f"pagina-{n}"
            page_ids.append(page_id)
            prose = f"# Pagina {n}\n\n" + PROSE.format(n=n)
            questions, blocks = [], []
            for _ in range(per_page):
                kind = TYPES[counter % len(TYPES)]
                qid = f"q{counter}"
                questions.append(elearn_question(qid, kind, page_id))
                blocks.append(quiz_block(qid, kind))
                counter += 1
            (course / "content" / f"{page_id}.md").write_text(
                prose + f"\n## Vragen\n\n[[quiz: bank-{page_id}]]\n", encoding="utf-8")
            (course / "quizzes" / f"{page_id}.yml").write_text(as_yaml(
                {"id": f"bank-{page_id}", "titel": f"Vragen {n}", "module": f"module-{m}", "vragen": questions}),
                encoding="utf-8")
            quiz_markdown[f"{page_id}.md"] = ("\n## Vragen\n\n<!-- mkdocs-quiz intro -->\n\n" + "\n".join(blocks)
                                              + "\n<!-- mkdocs-quiz results -->\n")
        course_modules.append({"id": f"module-{m}", "titel": f"Module {m}", "beschrijving": "Een module.",
                               "onderdelen": page_ids, "toets": {"aantal": min(10, per_page * len(page_ids))}})
    # Every content id a course must test, so the elearn build is as clean as a real one.
    first = course / "quizzes" / "pagina-0.yml"
    bank = yaml.safe_load(first.read_text(encoding="utf-8"))
    bank["vragen"][0]["toetst"] += ["al", "th", "kc", "afweging-1"] + [f"stap-{n}" for n in range(1, 6)]
    first.write_text(as_yaml(bank), encoding="utf-8")
    content = minimal_content() | {"cursus.yml": {
        "id": "bench", "titel": "Benchmark", "inleiding": "Synthetisch.",
        "hulplijn": {"titel": "Veilig Thuis", "telefoon": "0800-2000", "spoed": "112", "tekst": "Bel.",
                     "bron": "bron-bench"},
        "modules": course_modules,
        "doelgroepen": [{"id": "iedereen", "titel": "Iedereen", "beschrijving": "Allen.",
                         "modules": [m["id"] for m in course_modules]}],
    }}
    for name, data in content.items():
        (course / "content" / name).write_text(as_yaml(data), encoding="utf-8")
    (course / "mkdocs.yml").write_text(
        f"site_name: Benchmark\ndocs_dir: content\n{THEME}plugins:\n  - search\n  - elearn\n{EXTENSIONS}",
        encoding="utf-8")

    # (a) and (c): the same pages and navigation, as plain Markdown.
    sys.path.insert(0, str(REPO / "src"))
    from elearn.build import prepare

    built = prepare(course)
    directive = re.compile(r"^\[\[quiz: [a-z0-9-]+\]\]$", re.M)
    for variant, plugin in (("plain", ""), ("quiz", "  - mkdocs_quiz\n")):
        docs = root / variant / "docs"
        for page in built.site.pages:
            text = built.site.markdown.get(page.uri) or (course / "content" / page.uri).read_text(encoding="utf-8")
            text = directive.sub("", text)
            if variant == "quiz":
                text += quiz_markdown.get(page.uri, "")
            (docs / page.uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / page.uri).write_text(text, encoding="utf-8")
        (root / variant / "mkdocs.yml").write_text(
            f"site_name: Benchmark\ndocs_dir: docs\n{THEME}plugins:\n  - search\n{plugin}{EXTENSIONS}"
            + "nav: " + json.dumps(built.site.nav, ensure_ascii=False) + "\n", encoding="utf-8")


# --- environments and builds ---------------------------------------------------------


def quiz_python() -> Path:
    """A venv with mkdocs-quiz and the same MkDocs and Material as ours."""
    venv = WORK / "venv-quiz"
    python = venv / "bin" / "python"
    stamp = venv / ".ready"
    if not stamp.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "mkdocs-quiz",
                        f"mkdocs=={version('mkdocs')}", f"mkdocs-material=={version('mkdocs-material')}"], check=True)
        stamp.touch()
    return python


# Runs one build in a process of its own and reports on it: the wall clock, the CPU seconds of
# every process of the build, and the largest resident size any of them reached. A separate
# small process, so that what this script holds (the generated course) counts for no build.
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": used.ru_utime + used.ru_stime, "peak_kib": used.ru_maxrss,
                  "returncode": result.returncode, "stderr": result.stderr[-3000:]}))
"""


def build(python: Path, project: Path) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds (user + system, with any process the build started) and
    peak memory in MiB (the largest process of the build)."""
    site = project / "site"
    result = subprocess.run([sys.executable, "-c", MEASURE, str(python), "-m", "mkdocs", "build", "--quiet", "-f",
                             str(project / "mkdocs.yml"), "-d", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
    measured = json.loads(result.stdout)
    if measured["returncode"] != 0:
        raise SystemExit(f"build failed in {project}:\n{measured['stderr']}")
    return measured["wall"], measured["cpu"], measured["peak_kib"] / 1024


def quiz_pages(site: Path) -> list[Path]:
    return sorted(site.glob("pagina-*/index.html"))


def inline_bytes(html: str) -> int:
    """Bytes of inline <script> (not JSON data) and <style> in a page."""
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    return sum(len(s.encode()) for s in scripts + styles)


def median_html(site: Path) -> tuple[int, int]:
    pages = [p.read_text(encoding="utf-8") for p in quiz_pages(site)]
    return (int(statistics.median(len(p.encode()) for p in pages)),
            int(statistics.median(inline_bytes(p) for p in pages)))


def elearn_asset_size(site: Path) -> tuple[int, int]:
    """Our JS and CSS, and the course data, as a page loads them (trainer tools load on demand).

    The course data (course.js) grows with the course's pages, the code does not."""
    page = (site / "index.html").read_text(encoding="utf-8")
    loaded = set(re.findall(r'(?:src|href)="(?:\./)?(assets/elearn/[^"?]+\.(?:js|css))', page))
    sizes = {uri: len(gzip.compress((site / uri).read_bytes(), 9)) for uri in loaded}
    data = sizes.pop("assets/elearn/course.js", 0)
    return sum(sizes.values()), data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=PAGES)
    args = parser.parse_args()
    ours = Path(sys.executable)
    theirs = quiz_python()
    # Like pip does for installed packages: no build should pay for compiling our modules.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src"), str(REPO / "plugins")], check=True)
    rows = []
    for size in args.questions:
        root = WORK / f"course-{size}"
        generate(size, root, args.pages)
        times = {"plain": [], "elearn": [], "quiz": []}
        cpu = {"plain": [], "elearn": [], "quiz": []}
        peak = {"plain": [], "elearn": [], "quiz": []}
        for run in range(args.runs):
            # Interleaved, so a slow moment of the machine hits every variant alike.
            for variant, python in (("plain", ours), ("elearn", ours), ("quiz", theirs)):
                wall, used, most = build(python, root / variant)
                times[variant].append(wall)
                cpu[variant].append(used)
                peak[variant].append(most)
            print(f"  {size} questions, run {run + 1}/{args.runs}: "
                  + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items()), flush=True)
        med = {k: statistics.median(v) for k, v in times.items()}
        med |= {f"cpu {k}": statistics.median(v) for k, v in cpu.items()}
        med |= {f"peak {k}": max(v) for k, v in peak.items()}
        # The ratio within each run as well: both builds of a run meet the same state of the machine,
        # so the spread of these says how far to trust the ratio of the medians.
        med["cpu ratios"] = sorted(b / a for a, b in zip(cpu["plain"], cpu["elearn"]))
        html_b, inline_b = median_html(root / "elearn" / "site")
        html_c, inline_c = median_html(root / "quiz" / "site")
        html_a, inline_a = median_html(root / "plain" / "site")
        rows.append((size, args.pages, med, html_a, html_b, html_c, inline_a, inline_b, inline_c))

    print()
    code, data = elearn_asset_size(WORK / f"course-{rows[0][0]}" / "elearn" / "site")
    print(f"elearn JS+CSS, gzipped, as every page loads it: {code} bytes, plus course data (course.js) "
          f"{data} bytes for this course of {PAGES} pages; total {code + data} (budget 15360)")
    print(f"medians over {args.runs} runs, seconds per build; questions spread over {args.pages} content pages")
    print("(the elearn site adds its own pages, e.g. a test per module; (a) and (c) get the same pages and nav)")
    print("the CPU columns count the seconds of every process of a build; peak memory is the largest")
    print("resident size of any process of the build, the most over the runs")
    print()
    print("| questions | (a) plain | (b) elearn | (c) mkdocs-quiz | b/a | c/a "
          "| quiz page HTML a | b | c | inline JS/CSS per page a | b | c |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size, pages, med, html_a, html_b, html_c, inline_a, inline_b, inline_c in rows:
        print(f"| {size:,} | {med['plain']:.2f} | {med['elearn']:.2f} | {med['quiz']:.2f} "
              f"| {med['elearn'] / med['plain']:.2f} | {med['quiz'] / med['plain']:.2f} "
              f"| {html_a:,} B | {html_b:,} B | {html_c:,} B | {inline_a:,} B | {inline_b:,} B | {inline_c:,} B |")
    print()
    print("| questions | CPU s (a) | (b) | (c) | CPU b/a | CPU c/a | CPU b/a per run: lowest, median, highest |")
    print("|---|---|---|---|---|---|---|")
    for size, pages, med, *_ in rows:
        ratios = med["cpu ratios"]
        print(f"| {size:,} | {med['cpu plain']:.2f} | {med['cpu elearn']:.2f} | {med['cpu quiz']:.2f} "
              f"| {med['cpu elearn'] / med['cpu plain']:.2f} | {med['cpu quiz'] / med['cpu plain']:.2f} "
              f"| {ratios[0]:.2f}, {statistics.median(ratios):.2f}, {ratios[-1]:.2f} |")
    print()
    print("| questions | peak MiB (a) | (b) | (c) | KiB per question (b - a) |")
    print("|---|---|---|---|---|")
    for size, pages, med, *_ in rows:
        print(f"| {size:,} | {med['peak plain']:.0f} | {med['peak elearn']:.0f} | {med['peak quiz']:.0f} "
              f"| {1024 * (med['peak elearn'] - med['peak plain']) / size:.1f} |")
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        growth = large[2]["elearn"] / small[2]["elearn"]
        print(f"\nelearn build time {large[0]:,} vs {small[0]:,} questions: {growth:.1f}x "
              f"(budget {1.1 * large[0] / small[0]:.0f}x: linear plus 10%)")


if __name__ == "__main__":
    main()
