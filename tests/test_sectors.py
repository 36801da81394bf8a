"""Sector routes: validated like all content, rendered as route pages and a comparison."""

import re

import pytest

from helpers import edit
from elearn.build import check

SECTOR = """id: school
titel: School
voor_wie: Leraren
inleiding: Zo werkt het op school.
bron: bron-a
bronnen:
  - id: school-kader
    titel: Een kader voor scholen
stappen:
  - {id: school-stap-1, stap: stap-een, wat_je_doet: [{tekst: Kijk., bron: bron-a}]}
  - {id: school-stap-2, stap: stap-twee, wat_je_doet: [{tekst: Overleg., bron: school-kader}]}
  - {id: school-stap-3, stap: stap-drie, wat_je_doet: [{tekst: Praat., bron: bron-a}]}
  - {id: school-stap-4, stap: stap-vier, wat_je_doet: [{tekst: Weeg., bron: bron-a}]}
  - {id: school-stap-5, stap: stap-vijf, wat_je_doet: [{tekst: Besluit., bron: bron-a}]}
eigen_regelingen:
  - id: school-regeling
    titel: Een eigen regeling
    tekst: Bij een collega gaat het anders.
    bron: school-kader
"""


def with_sector(mini, text=SECTOR):
    (mini / "content" / "sectoren").mkdir()
    path = mini / "content" / "sectoren" / "school.yml"
    path.write_text(text, encoding="utf-8")
    return path


def errors(mini):
    _, diagnostics = check(mini)
    return [d for d in diagnostics if d.is_error]


def test_a_valid_route_has_no_errors_and_its_steps_must_be_tested(mini):
    with_sector(mini)
    _, diagnostics = check(mini)
    assert errors(mini) == []
    uncovered = sorted(d.message for d in diagnostics if "getoetst" in d.message)
    assert uncovered == [f"'school-stap-{n}' wordt door geen enkele vraag getoetst" for n in range(1, 6)]


def test_a_route_that_misses_a_step_is_an_error(mini):
    with_sector(mini, SECTOR.replace(
        "  - {id: school-stap-3, stap: stap-drie, wat_je_doet: [{tekst: Praat., bron: bron-a}]}\n", ""))
    [error] = errors(mini)
    assert error.message == "route 'school' mist stap 3 (Gesprek)"
    assert error.hint == "voeg onder 'stappen' een blok toe met 'stap: stap-drie'"
    assert error.pos.file.endswith("content/sectoren/school.yml") and error.pos.line == 10


def test_a_regime_without_a_source_is_an_error(mini):
    with_sector(mini, SECTOR.replace("    bron: school-kader\n", ""))
    [error] = errors(mini)
    assert error.message == "verplicht veld 'bron' ontbreekt"
    assert (error.pos.line, error.pos.col) == (16, 5)


def test_a_sector_source_is_cited_like_any_other(mini):
    with_sector(mini, SECTOR.replace("bron: school-kader}", "bron: school-kaderr}"))
    [error] = errors(mini)
    assert error.message == "onbekende bron 'school-kaderr'" and error.hint == "bedoel je 'school-kader'?"


@pytest.mark.build
def test_route_and_comparison_pages(mini, tmp_path):
    from helpers import mkdocs_build

    with_sector(mini)
    edit(mini / "quizzes" / "mini.yml", "toetst: [stap-een]",
         "toetst: [stap-een, school-stap-1, school-stap-2, school-stap-3, school-stap-4, school-stap-5]")
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    route = (site / "sectoren" / "school" / "index.html").read_text(encoding="utf-8")
    assert "Route: School" in route and 'id="school-stap-2"' in route and 'id="school-regeling"' in route
    assert 'href="../../bronnen/#school-kader"' in route
    step = (site / "meldcode" / "stap-twee" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sectoren/school/#school-stap-2"' in step  # each step page leads to the sectors
    compare = (site / "sectoren" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'data-sector="school"', compare)) == 5
    sources = (site / "bronnen" / "index.html").read_text(encoding="utf-8")
    assert 'id="school-kader"' in sources


# --- the real course -----------------------------------------------------------------

SECTORS = ["onderwijs", "kinderopvang", "jgz", "huisarts", "ggz", "sociaal-werk", "jeugdhulp"]


def test_the_course_has_seven_routes_a_comparison_and_sourced_facts(built_site):
    for sector in SECTORS:
        html = (built_site / "sectoren" / sector / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>")[0]
        assert len(re.findall(r'<h2 id="' + sector + r'-stap-\d"', article)) == 5, sector
        # every item of every step and regime names its source
        items = re.findall(r"<li>(.*?)</li>", article, re.S)  # the steps' and regimes' lists
        assert len(items) >= 5
        for item in items:
            assert 'class="elearn-bron"' in item, (sector, item[:120])
    compare = (built_site / "sectoren" / "index.html").read_text(encoding="utf-8")
    assert len(set(re.findall(r'data-sector="([a-z-]+)"', compare))) == 7


def test_stats_cover_every_sector_step_and_count_the_cases():
    import json
    from helpers import elearn

    numbers = json.loads(elearn("stats", "--json", check=True).stdout)
    for sector in SECTORS:
        for n in range(1, 6):
            assert numbers["coverage"][f"{sector}-stap-{n}"] >= 1, f"{sector}-stap-{n}"
    assert numbers["cases"] >= 8
    sector_questions = sum(count for bank, count in numbers["banks"].items() if bank.startswith("bank-sector-"))
    assert sector_questions >= 70


def test_one_case_per_sector_played_to_an_outcome_by_keyboard(browser, served_site):
    page = browser.new_page()
    for sector in SECTORS:
        page.goto(f"{served_site}/sectoren/{sector}/")
        case = page.locator('[data-elearn-type="case"]').first
        assert case.count() == 1, sector
        qid = case.get_attribute("id")
        page.locator("h1").focus()
        for _ in range(12):
            if case.locator(".elearn-case-outcome:visible").count():
                break
            for _ in range(400):
                page.keyboard.press("Tab")
                if page.evaluate(
                    "(id) => { const e = document.activeElement; return !!(e && e.closest('#' + CSS.escape(id))"
                    " && e.matches('.elearn-choice-button:not([disabled])')); }", qid):
                    break
            page.keyboard.press("Enter")
        outcome = case.locator(".elearn-case-outcome:visible")
        assert outcome.count() == 1, sector
        text = outcome.inner_text()
        # Where the route ends: in the meldcode, or in the sector's own regime for violence by staff.
        meldcode = "Meldcode: Stap" in text and "Afweging: afwegingsvraag" in text
        regime = "Niet de meldcode, maar een eigen regeling: " in text
        assert (meldcode or regime) and "Bron:" in text, sector
    page.close()
