"""Quizzes as the built page delivers them: semantic HTML, data apart, no inlined code."""

import gzip
import importlib.util
import json
import re
from collections import Counter

import yaml

from helpers import FIXTURES, REPO, elearn
from elearn.build import prepare
from elearn.directive import ANSWER_KEY, HANDOUT, QUIZ, Directive
from elearn.publish.served import ON_DEMAND, QUESTIONS_SCRIPT
from elearn.publish.coursedata import course_map, course_script

TYPES = {"single", "multiple", "truefalse", "ordering", "matching", "shortanswer", "case"}


def quiz_blocks(html):
    return re.findall(r'<section class="elearn-quiz"(.*?)</section>\s*(?=<|$)', html, re.S)


def test_questions_are_semantic_html_with_data_attributes(mini_site):
    html = (mini_site / "oefenen" / "index.html").read_text(encoding="utf-8")
    types = re.findall(r'data-elearn-question="([^"]+)" data-elearn-type="([^"]+)"', html)
    assert {t for _, t in types} == TYPES
    assert len(re.findall(r'data-elearn-quiz="', html)) == 7
    single = html.split('data-elearn-question="v-single"')[1].split('data-elearn-question=')[0]
    assert "<fieldset>" in single and '<legend class="elearn-prompt">' in single
    assert re.search(r'<input type="radio" name="v-single--v-single" id="v-single--v-single-0" value="0">\s*'
                     r'<label for="v-single--v-single-0">Signalen in kaart brengen.</label>', single)
    matching = html.split('data-elearn-question="v-matching"')[1].split('data-elearn-question=')[0]
    assert len(re.findall(r"<label for=[^>]+>[^<]+</label>\s*<select", matching)) == 3
    short = html.split('data-elearn-question="v-short"')[1]
    assert '<label for="v-short--v-short-antwoord">Je antwoord</label>' in short


def test_quiz_data_is_json_and_holds_no_feedback_text(mini_site):
    html = (mini_site / "oefenen" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/json" class="elearn-data">(.*?)</script>', html, re.S)
    assert len(blocks) == 7
    data = [json.loads(b)[0] for b in blocks]
    single = next(d for d in data if d["id"] == "v-single")
    assert single["questions"]["v-single"] == {"type": "single", "topics": ["stap-een"], "correct": [0]}
    case = next(d for d in data if d["id"] == "v-case")["questions"]["v-case"]
    assert case["start"] == "c-een" and case["outcomes"] == {"c-uit-goed": True, "c-uit-fout": False}
    assert "Juist, in stap 1" not in " ".join(blocks)  # feedback lives in the HTML, hidden


def test_ordering_is_not_shown_in_the_right_order(mini_site):
    html = (mini_site / "oefenen" / "index.html").read_text(encoding="utf-8")
    ordering = html.split('data-elearn-question="v-ordering"')[1].split("</ol>")[0]
    assert re.findall(r'data-index="(\d)"', ordering) != ["0", "1", "2"]


def test_assets_are_files_never_inlined(mini_site):
    for page in mini_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<script src="[^"]*assets/elearn/elearn\.js"></script>', html), page
        assert re.search(r'<link rel="stylesheet" href="[^"]*assets/elearn/elearn\.css">', html), page
        for block in quiz_blocks(html):
            for script in re.findall(r"<script\b[^>]*>", block):
                assert 'type="application/json"' in script, page


def test_module_test_page_is_in_the_navigation(mini_site):
    html = (mini_site / "index.html").read_text(encoding="utf-8")
    assert 'href="toetsen/module-een/"' in html
    test = (mini_site / "toetsen" / "module-een" / "index.html").read_text(encoding="utf-8")
    [data] = json.loads(re.search(r'class="elearn-data">(.*?)</script>', test).group(1))
    assert (data["draw"], data["mastery"], data["test"], len(data["questions"])) == (4, 80, True, 7)
    assert "Deze toets trekt 4 vragen uit een pool van 7." in test


def test_content_pages_end_with_their_own_practice_questions(mini_site):
    step = (mini_site / "meldcode" / "stap-een" / "index.html").read_text(encoding="utf-8")
    assert 'id="test-jezelf"' in step
    ids = set(re.findall(r'data-elearn-question="([^"]+)"', step))
    assert ids == {"v-single", "v-ordering"}  # the questions that test stap-een


def gzipped(site, uris) -> int:
    return sum(len(gzip.compress((site / uri).read_bytes(), 9)) for uri in uris)


# Every kind of page a learner opens; the trainers' pages are not in a learner's course.
LEARNER_PAGES = ["", "meldcode/stap-4-wegen/", "toetsen/module-afwegen/", "voortgang/", "voortgang/certificaat/",
                 "sectoren/", "sectoren/jgz/", "begrippen/", "privacy/"]


def test_budget_elearn_js_and_css_at_most_15_kb_gzipped(built_site, served_site, browser):
    """Everything of ours a page loads, as the browser asks for it: scripts, styles, the course
    data, and the file a page loads on demand (the certificate, the sector comparison)."""
    page = browser.new_page()
    loaded = {}
    page.on("request", lambda r: loaded[current].add(r.url.split("/assets/elearn/", 1)[1])
            if "/assets/elearn/" in r.url and r.url.endswith((".js", ".css")) else None)
    for current in LEARNER_PAGES:
        loaded[current] = set()
        page.goto(f"{served_site}/{current}")
        page.wait_for_load_state("networkidle")
    page.close()
    assert loaded[""] == {"course.js", "elearn.css", "elearn.js"}  # one script, one stylesheet, the data
    assert loaded["voortgang/certificaat/"] == loaded[""] | {"certificaat.js", "certificaat.css"}
    assert loaded["sectoren/"] == loaded[""] | {"vergelijk.js", "vergelijk.css"}
    sizes = {p: gzipped(built_site, [f"assets/elearn/{f}" for f in files]) for p, files in loaded.items()}
    # The trainer tools load only when a trainer opens one; they are counted, not hidden.
    tools = sorted(u for u in ON_DEMAND if u.startswith(("assets/elearn/klassikaal", "assets/elearn/groep"))) + [
        QUESTIONS_SCRIPT]
    print("elearn JS+CSS gzipped per page: " + ", ".join(f"/{p} {n} B" for p, n in sizes.items()) +
          f"; trainer tools on demand: {gzipped(built_site, tools)} B ({', '.join(tools)})")
    assert max(sizes.values()) <= 15 * 1024, sizes
    assert all((built_site / uri).exists() for uri in tools)


def test_budget_holds_for_a_course_of_200_pages(built_site, tmp_path):
    """The code is fixed, but course.js grows with the pages: the benchmark's course must fit too."""
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.generate(200, tmp_path, 200)
    built = prepare(tmp_path / "elearn")
    # MkDocs' directory URLs, as the plugin receives them: a/b.md -> a/b/, a/index.md -> a/
    urls = {p.id: (re.sub(r"(^|/)index\.md$|\.md$", r"\1", p.uri) + "/").lstrip("/") or "./"
            for p in built.site.pages}
    assert urls["start"] == "./" and urls["pagina-7"] == "pagina-7/"
    data = course_map(built.course, built.site.pages, urls, built.page_markdown(), built.site.quizzes)
    assert len(data["pages"]) > 200
    course = len(gzip.compress(course_script(data).encode(), 9))
    code = gzipped(built_site, ["assets/elearn/elearn.css", "assets/elearn/elearn.js"])
    own = {tool: gzipped(built_site, [f"assets/elearn/{tool}.js", f"assets/elearn/{tool}.css"])
           for tool in ("certificaat", "vergelijk")}
    print(f"200 pages: code {code} + course.js {course} = {code + course} bytes gzipped on every page; "
          + ", ".join(f"the {tool} page loads {n} more" for tool, n in own.items()))
    assert code + course <= 15 * 1024


def test_course_script_gives_the_progress_code_every_page_title_and_url(built_site, served_site, browser):
    """course.js sends pages in short form; what the browser reads must be whole again."""
    page = browser.new_page()
    page.goto(served_site + "/")
    pages = page.evaluate("window.ELEARN_COURSE.pages")
    page.close()
    assert pages["start"] == {"title": "Start", "url": "./"}
    assert pages["kindcheck"] == {"title": "De kindcheck", "url": "meldcode/kindcheck/"}
    for page_id, entry in pages.items():
        assert (built_site / entry["url"] / "index.html").exists(), (page_id, entry)


# --- the real course ----------------------------------------------------------------


def stats():
    result = elearn("stats", "--json", check=True)
    return json.loads(result.stdout)


def test_stats_match_the_built_site(built_site):
    numbers = stats()
    pages = [p for p in built_site.rglob("index.html")]
    assert numbers["pages"] == len(pages)
    seen = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for qid, kind in re.findall(r'data-elearn-question="([^"]+)" data-elearn-type="([^"]+)"', html):
            seen[qid] = kind
    assert numbers["questions"] == len(seen)
    assert numbers["question_types"] == dict(Counter(seen.values()))
    assert numbers["cases"] == sum(1 for kind in seen.values() if kind == "case")


def test_real_course_has_enough_questions_of_every_type():
    numbers = stats()
    assert numbers["questions"] >= 100
    assert all(count > 0 for count in numbers["question_types"].values())
    assert set(numbers["question_types"]) == TYPES
    deep_cases = [cid for cid, points in numbers["case_decision_points"].items() if points >= 3]
    assert len(deep_cases) >= 3
    coverage = numbers["coverage"]
    for content_id in ["eerder-en-beter-in-beeld", "stoppen-en-duurzaam-oplossen", "specifieke-groepen",
                       "stap-1-signalen", "stap-2-overleggen", "stap-3-gesprek", "stap-4-wegen",
                       "stap-5-beslissen", "afweging-1-vermoeden", "afweging-2-onveiligheid",
                       "afweging-3-hulp-mogelijk", "afweging-4-hulp-aanvaard", "afweging-5-resultaat",
                       "kindcheck"]:
        assert coverage[content_id] >= 1, content_id
    assert min(coverage.values()) >= 1


def test_question_text_without_the_parser_is_what_markdown_gives():
    # Plain sentences skip the Markdown parser; what the learner reads must not change.
    import markdown

    from elearn.mdtext import md_block

    texts = ["Bel Veilig Thuis: 0800-2000.", "Een 8-jarige + zijn moeder = twee mensen!", "1. Eerst dit",
             "12) nummer", "- een lijst", "+ ook een lijst", "# kop", "> citaat", "---", "Tekst {: .klein }",
             "Tab\ter tussen", "*nadruk* en `code`", "A & B <b>", "Gewoon een zin, met komma's en \"quotes\"."]
    for text in texts:
        expected = markdown.Markdown(extensions=["attr_list"]).convert(text)
        assert md_block(text) == expected, text


def test_a_question_named_on_its_own_is_a_quiz_of_that_one_question(mini_site):
    """[[quiz: <question id>]] shows the question alone, titled by itself or by its bank."""
    page = (mini_site / "oefenen" / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<section class="elearn-quiz" data-search-exclude data-elearn-quiz="([^"]+)" '
                       r'aria-label="([^"]*)">(.*?)</section>', page, re.S)
    assert [(quiz_id, label) for quiz_id, label, _ in found] == [
        ("v-single", "Vraag uit Mini-vragen"), ("v-multiple", "Vraag uit Mini-vragen"),
        ("v-truefalse", "Vraag uit Mini-vragen"), ("v-ordering", "Vraag uit Mini-vragen"),
        ("v-matching", "Vraag uit Mini-vragen"), ("v-short", "Vraag uit Mini-vragen"),
        ("v-case", "Casus Mini"),
    ]
    for quiz_id, _, body in found:
        assert re.findall(r'data-elearn-question="([^"]+)"', body) == [quiz_id]


def test_each_slot_gets_its_quiz_where_it_stands_and_nothing_else_changes():
    """Two quizzes, one of them twice, between text that stays as it was; a slot written inside
    a quiz (by an author, say) is text of that quiz and is not filled."""
    from elearn.slots import QuizSlots, slot_html

    site = prepare(FIXTURES / "mini").site
    slots = QuizSlots(site)
    uri, directives = next((uri, list(found.values())) for uri, found in slots._lines.items() if len(found) >= 2)
    first, second = directives[:2]
    quiz_one, quiz_two = (site.quiz_html(d, "../bronnen/") for d in (first, second))
    site.quiz_html = lambda d, url: (quiz_one + slot_html(second)) if d is first else quiz_two
    page = f"<p>a</p>{slot_html(second)}<p>b</p>{slot_html(first)}<p>c</p>{slot_html(second)}<p>d</p>"
    filled = slots.fill(uri, page, "../bronnen/")
    assert filled == (f"<p>a</p>{quiz_two}<p>b</p>{quiz_one}{slot_html(second)}<p>c</p>{quiz_two}<p>d</p>")
    assert slots.fill(uri, "<p>geen quiz</p>", "../bronnen/") == "<p>geen quiz</p>"


def test_quiz_html_adds_no_character_beyond_ascii_of_its_own():
    """Every view of every quiz (on screen, hand-out, answer key) writes its fixed words and marks
    as ASCII, with references for the rest (&eacute;, &middot;, &#9744;): one other character
    has the whole page encoded character by character, or held in two bytes per character. What
    is beyond ASCII comes from the course's own texts."""
    def texts(data):
        if isinstance(data, str):
            yield data
        elif isinstance(data, dict):
            for value in data.values():
                yield from texts(value)
        elif isinstance(data, list):
            for value in data:
                yield from texts(value)

    course = FIXTURES / "mini"
    own = {c for path in course.rglob("*.yml") for text in texts(yaml.safe_load(path.read_text(encoding="utf-8")))
           for c in text if ord(c) > 0x7f}
    site = prepare(course).site
    written = set()
    for quiz_id in site.quizzes:
        for kind in (QUIZ, HANDOUT, ANSWER_KEY):
            written |= {c for c in site.quiz_html(Directive(kind, quiz_id), "../bronnen/") if ord(c) > 0x7f}
    assert written <= own, sorted(written - own)
