"""The authoring guide (docs/auteursgids.md) and its example course (docs/voorbeeld/).

Everything the guide shows is real: each file it quotes is in the example (word for word), the
example builds strict with no warning, its quiz page works in Chromium, each `elearn check` output
it shows comes from breaking a copy of the example the way the guide says, and its lists (the fixed
page ids, what must be tested, the warnings) are what the code does. Change the code or the example,
and this file says which part of the guide to update.
"""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import REPO, answer_quiz, edit, elearn, mkdocs_build, serving

GUIDE = REPO / "docs" / "auteursgids.md"
EXAMPLE = REPO / "docs" / "voorbeeld"

# A fenced block: its language and its text, up to the closing fence.
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
# The first line of a block that shows a file names it.
NAMING = {
    "yaml": re.compile(r"# (docs/voorbeeld/\S+)"),
    "markdown": re.compile(r"<!-- (docs/voorbeeld/\S+) -->"),
}
COMMANDS, CHECK_OUTPUT = "sh", "text"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def blocks(kind: str | None = None) -> list[tuple[str, str]]:
    found = [(m.group(1), m.group(2)) for m in FENCE.finditer(guide())]
    return [b for b in found if kind is None or b[0] == kind]


def section(heading: str) -> str:
    """The guide's text from ``heading`` to the next heading of the same or a higher level."""
    text = guide()
    start = text.index("\n" + heading + "\n")
    level = heading.split(" ")[0]
    end = re.compile(rf"^#{{1,{len(level)}}} ", re.M).search(text, start + len(heading) + 2)
    return text[start: end.start() if end else len(text)]


def table(heading: str) -> list[list[str]]:
    """The rows (without header and separator) of the first table under ``heading``."""
    rows = []
    for line in section(heading).splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    return rows[2:]


# --- (a) every file the guide shows is in the example -------------------------------------


def test_every_block_is_a_file_a_command_or_check_output():
    kinds = {kind for kind, _ in blocks()}
    assert kinds <= {*NAMING, COMMANDS, CHECK_OUTPUT}, kinds


def test_every_file_block_occurs_literally_in_the_file_it_names():
    shown = 0
    for kind, text in blocks():
        if kind not in NAMING:
            continue
        first, _, rest = text.partition("\n")
        named = NAMING[kind].fullmatch(first)
        assert named, f"a {kind} block must start with the name of its file, not {first!r}"
        path = REPO / named.group(1)
        assert path.is_file(), f"{named.group(1)} does not exist"
        assert rest.strip(), f"empty block for {named.group(1)}"
        assert rest in path.read_text(encoding="utf-8"), f"the block for {named.group(1)} is not in that file"
        shown += 1
    assert shown >= 10


def test_the_example_has_what_the_guide_promises():
    content = EXAMPLE / "content"
    for name in ("cursus.yml", "bronnen.yml", "begrippen.yml", "programma.yml", "meldcode.yml"):
        assert (content / name).is_file()
    assert list((content / "sectoren").glob("*.yml")) and list((content / "sessies").glob("*.yml"))
    assert list(content.glob("*.md")) and list((EXAMPLE / "quizzes").glob("*.yml"))
    assert "- elearn" in (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_example_yaml_file_points_at_its_schema():
    kinds = {"quizzes": "vragenbank", "sectoren": "sector", "sessies": "sessie"}
    files = sorted([*EXAMPLE.glob("content/**/*.yml"), *EXAMPLE.glob("quizzes/*.yml")])
    assert len(files) >= 9
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path.relative_to(REPO)} does not start with its schema"
        kind = kinds.get(path.parent.name, path.stem)
        assert (path.parent / match.group(1)).resolve() == REPO / "schemas" / f"{kind}.schema.json", path


def _slug(heading: str) -> str:
    """The anchor a heading gets on GitHub."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(text: str) -> set[str]:
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", re.sub(FENCE, "", text), re.M)}


def test_links_in_the_guide_lead_somewhere():
    text = guide()
    own = _anchors(text)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        if not path:
            assert anchor in own, f"no heading for #{anchor}"
            continue
        linked = (GUIDE.parent / path).resolve()
        assert linked.exists(), target
        if anchor:
            assert anchor in _anchors(linked.read_text(encoding="utf-8")), target


def test_the_readme_links_the_guide_where_it_says_how_to_write_content():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## Inhoud schrijven\n")
    end = readme.index("\n## ", start + 1)
    assert "](docs/auteursgids.md)" in readme[start:end]


# --- (b) the example builds strict and checks clean ----------------------------------------


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    """The example course, built once with --strict from a copy (nothing is written beside it)."""
    root = tmp_path_factory.mktemp("voorbeeld") / "course"
    shutil.copytree(EXAMPLE, root)
    site = root.parent / "site"
    mkdocs_build(root, site)
    return site


def test_example_checks_with_no_error_and_no_warning():
    result = elearn("check", cwd=EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert not re.search(r": (fout|waarschuwing): ", result.stdout + result.stderr), result.stderr


@pytest.mark.build
def test_example_builds_strict(example_site):
    for page in ("index.html", "oefenen/index.html", "toetsen/module-kinderopvang/index.html",
                 "sectoren/kinderopvang/index.html", "trainers/teamoverleg-kinderopvang/index.html",
                 "programma/index.html", "meldcode/rollen/index.html"):
        assert (example_site / page).is_file(), page


# --- (c) the example's quiz page works in Chromium ---------------------------------------


@pytest.mark.build
def test_example_quiz_page_and_module_test_in_chromium(browser, example_site):
    with serving(example_site) as url:
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/oefenen/")
        answer_quiz(page, "kinderopvang-overleg-thuis", right=True)
        question = page.locator('[data-elearn-question="kinderopvang-overleg-thuis"]')
        expect(question.locator(".elearn-verdict")).to_have_text("Goed!")
        # The case on the same page, along its best route, ends in the outcome marked right.
        answer_quiz(page, "kinderopvang-casus-yara", right=True)
        expect(page.locator('[data-elearn-quiz="kinderopvang-casus-yara"] .elearn-case-outcome:visible')) \
            .to_contain_text("Melden, en hulp waar het kan")
        response = page.goto(url + "/toetsen/module-kinderopvang/")
        assert response.ok
        page.wait_for_selector("[data-elearn-test][data-elearn-ready]", state="attached")
        expect(page.locator("h1")).to_contain_text("Toets: De meldcode in de kinderopvang")
        assert errors == []
        context.close()


# --- (d) the guide's lists are what the code does ------------------------------------------

# The pages that take the id of what they show, and how the guide names each.
OBJECT_PAGES = {
    "ActionLine": "van een actielijn",
    "Step": "van een stap",
    "DecisionFramework": "van het afwegingskader",
    "Kindcheck": "van de kindcheck",
    "SectorFile": "bovenaan een sectorbestand",
    "SessionPlan": "bovenaan een sessieplan",
    "MarkdownPage": "van een eigen Markdown-pagina",
}


def _page_kinds(root: Path) -> tuple[set[str], set[str]]:
    """(fixed ids and per-module patterns, the kinds of object that give a page its id) of the course
    at ``root``, as src/elearn/site.py makes them."""
    from elearn.build import check
    from elearn.model import Module, node_id
    from elearn.site import site_pages

    course, diagnostics = check(root)
    assert not [d for d in diagnostics if d.is_error], diagnostics
    fixed, by_object = set(), set()
    for page in site_pages(course):
        shows = page.objects[0] if len(page.objects) == 1 else None
        if page.template is None:
            by_object.add("MarkdownPage")
        elif isinstance(shows, Module) and page.id.endswith("-" + shows.id):
            fixed.add(page.id.removesuffix(shows.id) + "<module-id>")
        elif shows is not None and node_id(shows) == page.id:
            by_object.add(type(shows).__name__)
        else:
            fixed.add(page.id)
    return fixed, by_object


def test_fixed_page_ids_in_the_guide_are_those_the_site_makes():
    fixed, by_object = _page_kinds(EXAMPLE)
    # The example makes every kind of page; the real course makes nothing it does not.
    real_fixed, real_by_object = _page_kinds(REPO)
    assert real_fixed <= fixed and real_by_object <= by_object
    listed = [row[0].strip("`") for row in table("### Vaste namen")]
    assert len(listed) == len(set(listed))
    assert set(listed) == fixed, (
        f"the table under '### Vaste namen' lists {sorted(set(listed) - fixed)} that the site does not make, "
        f"and misses {sorted(fixed - set(listed))}"
    )
    assert "programma" in listed and "geweld-hoort-nergens-thuis" not in listed
    assert by_object == set(OBJECT_PAGES), f"pages named after their object: {sorted(by_object)}"
    rows = table("### Pagina's met de id van hun object")
    assert len(rows) == len(OBJECT_PAGES)
    for kind, phrase in OBJECT_PAGES.items():
        assert any(phrase in row[0] for row in rows), f"no row for {kind} ({phrase!r})"


def test_what_must_be_tested_is_what_the_coverage_check_asks():
    from elearn.validate.coverage import MUST_BE_TESTED

    phrases = {
        "ActionLine": "elke actielijn",
        "Theme": "elk thema",
        "Step": "elke stap",
        "DecisionQuestion": "elke afwegingsvraag",
        "Kindcheck": "de kindcheck",
        "SectorStep": "elke uitwerking van een stap in een sector",
    }
    assert {cls.__name__ for cls in MUST_BE_TESTED} == set(phrases)
    text = " ".join(section("## Wat getoetst moet worden").split())
    for phrase in phrases.values():
        assert phrase in text, f"'## Wat getoetst moet worden' does not say {phrase!r}"


def test_the_warning_table_has_a_row_for_every_warning_in_the_code():
    sites = sum(path.read_text(encoding="utf-8").count('severity="waarschuwing"')
                for folder in (REPO / "src", REPO / "plugins") for path in folder.rglob("*.py"))
    assert sites >= 11
    assert len(table("### Waarschuwingen")) == sites, (
        "a warning was added or removed in the code: update the table under '### Waarschuwingen'"
    )


# Each `elearn check` output the guide shows, in its order: how to break a copy of the example
# the way the text around the block says.
BREAKS = [
    ("content/cursus.yml", "      - programma\n", "      - geweld-hoort-nergens-thuis\n"),
    ("quizzes/kinderopvang.yml", "toetst: [kinderopvang-stap-4]", "toetst: [kinderopvang-stap-3]"),
    ("quizzes/kinderopvang.yml", "        stap: stap-1-signalen\n        situatie:",
     "        stap: kinderopvang-stap-1\n        situatie:"),
    ("content/sessies/teamoverleg-kinderopvang.yml", "minuten: 25", "minuten: 20"),
    ("content/oefenen.md", "[[quiz: kinderopvang-overleg-thuis]]", "[[quiz: kinderopvang-overleg]]"),
]


@pytest.mark.parametrize("number", range(len(BREAKS)))
def test_check_output_in_the_guide_is_real(number, tmp_path):
    shown = blocks(CHECK_OUTPUT)
    assert len(shown) == len(BREAKS), "every `elearn check` output in the guide needs its break here"
    root = tmp_path / "course"
    shutil.copytree(EXAMPLE, root)
    path, old, new = BREAKS[number]
    edit(root / path, old, new)
    strict = elearn("check", cwd=root)
    lenient = elearn("check", "--no-strict", cwd=root)
    want = shown[number][1].splitlines()
    got = strict.stderr.splitlines()
    assert any(got[i: i + len(want)] == want for i in range(len(got))), "\n".join(["guide:", *want, "elearn check:", *got])
    assert lenient.stderr.count(want[0]) == 1
    # strict: any diagnostic fails; --no-strict: only an error does (as the guide says)
    assert strict.returncode == 1
    assert lenient.returncode == (1 if ": fout: " in want[0] else 0), lenient.stdout + lenient.stderr
