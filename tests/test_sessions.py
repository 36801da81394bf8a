"""Session plans for trainers: validated like all content, rendered under /trainers/."""

import pytest

from helpers import mkdocs_build
from elearn.build import check

PLAN = """id: kennismaking
titel: Kennismaking met de meldcode
voor_wie: Studenten
duur: 45
doel: Je kent de stappen.
activiteiten:
  - titel: Opening
    minuten: 10
    werkvorm: Plenair
    tekst: We beginnen.
    gebruik: [start]
  - titel: Casus
    minuten: 20
    werkvorm: In tweetallen
    tekst: Speel de casus.
    materialen: [Beamer]
    gebruik: [v-case, toets-module-een]
  - titel: Afsluiting
    minuten: 15
    werkvorm: Plenair
    tekst: Wat neem je mee?
notities_trainer:
  - Let op de sfeer.
"""


def with_plan(mini, text=PLAN):
    (mini / "content" / "sessies").mkdir()
    (mini / "content" / "sessies" / "kennismaking.yml").write_text(text, encoding="utf-8")


def errors(mini):
    return [d for d in check(mini)[1] if d.is_error]


@pytest.mark.build
def test_a_valid_plan_renders_with_a_timetable(mini, tmp_path):
    with_plan(mini)
    assert errors(mini) == []
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    index = (site / "trainers" / "index.html").read_text(encoding="utf-8")
    assert 'href="kennismaking/"' in index and "45 minuten" in index
    plan = (site / "trainers" / "kennismaking" / "index.html").read_text(encoding="utf-8")
    for start in ["0:00", "0:10", "0:30"]:
        assert f"<td>{start}</td>" in plan
    assert 'href="../../toetsen/module-een/">Casus Mini</a>' in plan  # the case, where its pool is
    assert 'href="../../">Start</a>' in plan
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Voor trainers" in home  # a section of its own in the navigation


def test_a_plan_that_refers_to_an_unknown_quiz_is_an_error(mini):
    with_plan(mini, PLAN.replace("gebruik: [v-case,", "gebruik: [v-casus,"))
    [error] = errors(mini)
    assert error.message == "onbekende pagina, vraag, casus of toets 'v-casus'"
    assert error.hint == "bedoel je 'v-case'?"
    assert error.pos.file.endswith("content/sessies/kennismaking.yml") and (error.pos.line, error.pos.col) == (17, 15)


def test_activities_that_do_not_add_up_are_an_error(mini):
    with_plan(mini, PLAN.replace("duur: 45", "duur: 60"))
    [error] = errors(mini)
    assert error.message == "sessie 'kennismaking' duurt 60 minuten, maar de activiteiten samen 45"
    assert (error.pos.line, error.pos.col) == (4, 7)
