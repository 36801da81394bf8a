"""Broken question banks: every problem named with file, line and column."""

import pytest

from helpers import edit
from elearn.build import check

BANK = "quizzes/mini.yml"

CASES = {
    "single-without-correct-option": (
        "        goed: true\n        feedback: Juist, in stap 1", "        feedback: Juist, in stap 1",
        "vraag 'v-single': precies één optie moet 'goed: true' hebben, nu 0", (11, 7),
    ),
    "single-with-two-correct-options": (
        "      - tekst: Direct melden.\n", "      - tekst: Direct melden.\n        goed: true\n",
        "vraag 'v-single': precies één optie moet 'goed: true' hebben, nu 2", (11, 7),
    ),
    "multiple-without-correct-option": (
        "        goed: true\n        feedback: Ja, overleggen is stap 2.\n      - tekst: Gesprek.\n        goed: true\n",
        "        feedback: Ja, overleggen is stap 2.\n      - tekst: Gesprek.\n",
        "vraag 'v-multiple': geen enkele optie heeft 'goed: true'", (25, 7),
    ),
    "case-choice-leads-nowhere": (
        "naar: c-twee, goed: true", "naar: c-tweee, goed: true",
        "casus 'v-case': keuze in situatie 'c-een' leidt nergens heen ('c-tweee' is geen situatie of uitkomst van deze casus)",
        (79, 52),
    ),
    "case-loop-without-outcome": (
        "naar: c-uit-goed, goed: true, feedback: Goed want bij blijvende zorg meld je.}\n          - {tekst: Je wacht af tot de zorgen vanzelf slijten., naar: c-uit-fout",
        "naar: c-twee, goed: true, feedback: Goed want bij blijvende zorg meld je.}\n          - {tekst: Je wacht af tot de zorgen vanzelf slijten., naar: c-twee",
        "casus 'v-case': vanuit situatie 'c-twee' is geen uitkomst te bereiken", (81, 9),
    ),
    "case-start-unknown": (
        "start: c-een", "start: c-eenn",
        "casus 'v-case': start 'c-eenn' is geen situatie van deze casus", (73, 12),
    ),
    "ordering-with-two-items": (
        "      - {tekst: Wegen, feedback: Later weeg je.}\n", "",
        "'items' moet minstens 3 item(s) bevatten, gevonden 2", (47, 7),
    ),
    "duplicate-question-id": (
        "id: v-multiple", "id: v-single",
        "id 'v-single' wordt al gebruikt", (18, 9),
    ),
    "unknown-content": (
        "toetst: [stap-een]", "toetst: [stap-eenn]",
        "onbekende inhoud 'stap-eenn'", (8, 14),
    ),
    "unknown-type": (
        "type: truefalse", "type: waarniet",
        "onbekend vraagtype 'waarniet'", (34, 11),
    ),
    "unknown-key-in-question": (
        "    juist: false", "    juistt: false",
        "onbekend veld 'juistt'", (38, 5),
    ),
    "test-draws-more-than-pool": (
        "aantal: 4", "aantal: 40",
        "de toets van module 'module-een' trekt 40 vragen, maar de vragenpool heeft er 7", (16, 15),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_broken_bank(mini, name):
    old, new, message, (line, col) = CASES[name]
    path = mini / ("content/cursus.yml" if name.startswith("test-draws") else BANK)
    edit(path, old, new)
    _, diagnostics = check(mini)
    matching = [d for d in diagnostics if message in d.message]
    assert matching, "\n".join(d.format() for d in diagnostics)
    assert (matching[0].pos.line, matching[0].pos.col) == (line, col), matching[0].format()
    assert matching[0].pos.file.endswith(path.relative_to(mini).as_posix())


def test_unknown_quiz_in_a_markdown_page(mini):
    edit(mini / "content" / "oefenen.md", "[[quiz: v-short]]", "[[quiz: v-shortt]]")
    _, diagnostics = check(mini)
    [diag] = diagnostics
    assert diag.message == "onbekende quiz 'v-shortt' in [[quiz: ...]]"
    assert diag.hint == "bedoel je 'v-short'?"
    assert (diag.pos.line, diag.pos.col) == (15, 1)


def test_unknown_quiz_in_a_handout_directive(mini):
    edit(mini / "content" / "oefenen.md", "[[quiz: v-short]]", "[[hand-out: v-shortt]]")
    [diag] = check(mini)[1]
    assert diag.message == "onbekende quiz 'v-shortt' in [[hand-out: ...]]"
    assert diag.hint == "bedoel je 'v-short'?"
    assert (diag.pos.line, diag.pos.col) == (15, 1)


def test_uncovered_content_is_a_warning(mini):
    edit(mini / "quizzes" / "mini.yml", "toetst: [kindcheck]", "toetst: [stap-een]")
    _, diagnostics = check(mini)
    [warning] = diagnostics
    assert warning.severity == "waarschuwing"
    assert warning.message == "'kindcheck' wordt door geen enkele vraag getoetst"
