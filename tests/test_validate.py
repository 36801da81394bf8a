"""One broken fixture per kind of content error: message, hint and location."""

import pytest

from helpers import edit
from elearn.build import check

CASES = {
    # name: (file, old text, new text, expected message, expected tip or None, (line, col))
    "yaml-syntax": (
        "bronnen.yml", "    titel: Bron A\n", "    titel: [Bron A\n",
        "YAML-syntaxfout", "sluit de lijst", (3, 12),
    ),
    "unknown-key": (
        "cursus.yml", "inleiding: Een", "inleidng: Een",
        "onbekend veld 'inleidng'", "bedoel je 'inleiding'?", (3, 1),
    ),
    "missing-field": (
        "bronnen.yml", "    titel: Bron B\n", "",
        "verplicht veld 'titel' ontbreekt", "voeg 'titel: ...' toe", (6, 5),
    ),
    "wrong-type": (
        "bronnen.yml", "jaar: 2018", "jaar: tweeduizend",
        "verkeerd type voor 'jaar': verwacht een geheel getal, gevonden tekst 'tweeduizend'", None, (5, 11),
    ),
    "wrong-type-list": (
        "cursus.yml", "modules: [module-een]", "modules: module-een",
        "verkeerd type voor 'modules': verwacht een lijst", None, (21, 14),
    ),
    "empty-value": (
        "begrippen.yml", "    term: Advies\n", "    term:\n",
        "veld 'term' heeft geen waarde", None, (8, 10),
    ),
    "duplicate-id": (
        "begrippen.yml", "id: begrip-advies", "id: begrip-melding",
        "id 'begrip-melding' wordt al gebruikt", "eerder gedefinieerd op", (7, 9),
    ),
    "unknown-source": (
        "begrippen.yml", "bron: bron-b", "bron: bron-bb",
        "onbekende bron 'bron-bb'", "bedoel je 'bron-b'", (10, 11),
    ),
    "file-id-for-page-id": (  # the id: inside programma.yml is not the page's id
        "cursus.yml", "onderdelen: [programma,", "onderdelen: [programma-x,",
        "onbekende pagina 'programma-x'",
        "'programma-x' is de id van wat de pagina 'programma' toont; verwijs naar de pagina met 'programma'", (14, 18),
    ),
    "unknown-page": (
        "cursus.yml", "kindcheck, eigen-pagina,", "kindcheck, eigen-pagna,",
        "onbekende pagina 'eigen-pagna'", "bedoel je 'eigen-pagina'?", (14, 84),
    ),
    "unknown-definition": (
        "begrippen.yml", "zie_ook: [begrip-advies]", "zie_ook: [begrip-adviez]",
        "onbekende begrip 'begrip-adviez'", "bedoel je 'begrip-advies'?", (6, 15),
    ),
    "invalid-id": (
        "bronnen.yml", "id: bron-a", "id: Bron_A",
        "'Bron_A' is geen geldige id voor 'id'", "bijvoorbeeld 'bron-a'", (2, 9),
    ),
    "empty-file": (
        "begrippen.yml", None, "",
        "het bestand is leeg", "vul het bestand in", (1, 1),
    ),
    "not-a-mapping": (
        "begrippen.yml", None, "- een\n- twee\n",
        "het bestand moet een blok met velden zijn", None, (1, 1),
    ),
    "too-few-steps": (
        "meldcode.yml",
        "  - {id: stap-vijf, nummer: 5, titel: Beslissen, kern: Besluit., bron: bron-a, wat_je_doet: [{tekst: Besluit over melden., bron: bron-a}]}\n",
        "",
        "'stappen' moet minstens 5 item(s) bevatten, gevonden 4", None, (11, 3),
    ),
    "step-numbering": (
        "meldcode.yml", "{id: stap-twee, nummer: 2,", "{id: stap-twee, nummer: 3,",
        "stap heeft nummer 3, maar staat op plaats 2", None, (12, 29),
    ),
    "branch-leads-nowhere": (
        "meldcode.yml", "        gevolg: Melden.\n        besluit: melden\n      nee:\n        gevolg: Hulp",
        "        gevolg: Melden.\n      nee:\n        gevolg: Hulp",
        "het antwoord 'ja' op vraag 2 leidt nergens heen", "besluit: melden", (37, 9),
    ),
    "framework-loop": (
        "meldcode.yml", "        gevolg: Melden.\n        besluit: melden\nkindcheck",
        "        gevolg: Terug.\n        naar: vraag-een\nkindcheck",
        "het afwegingskader loopt in een kring: vraag-een → vraag-twee → vraag-drie → vraag-een",
        "elke route moet eindigen", (52, 15),
    ),
    "wrong-literal": (
        "meldcode.yml", "besluit: afsluiten\n    - id: vraag-twee", "besluit: stoppen\n    - id: vraag-twee",
        "'stoppen' is geen geldige waarde voor 'besluit'", "kies uit 'melden', 'afsluiten' of 'hulp'", (31, 18),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_error_has_message_hint_and_location(mini, name):
    file, old, new, message, hint, (line, col) = CASES[name]
    path = mini / "content" / file
    if old is None:
        path.write_text(new, encoding="utf-8")
    else:
        edit(path, old, new)
    _, diagnostics = check(mini)
    matching = [d for d in diagnostics if message in d.message]
    assert matching, "\n".join(d.format() for d in diagnostics)
    diag = matching[0]
    assert diag.severity == "fout"
    assert diag.pos.file.endswith(f"content/{file}")
    assert (diag.pos.line, diag.pos.col) == (line, col), diag.format()
    if hint:
        assert hint in (diag.hint or ""), diag.format()


def test_valid_fixture_has_no_diagnostics(mini):
    _, diagnostics = check(mini)
    assert diagnostics == []


def test_every_problem_is_reported_at_once(mini):
    edit(mini / "content" / "bronnen.yml", "jaar: 2018", "jaar: nooit")
    edit(mini / "content" / "begrippen.yml", "bron: bron-b", "bron: bron-c")
    edit(mini / "content" / "programma.yml", "titel: Thema een", "titl: Thema een")
    _, diagnostics = check(mini)
    files = {d.pos.file.rsplit("/", 1)[-1] for d in diagnostics if d.is_error}
    assert files == {"bronnen.yml", "programma.yml"}  # bronnen.yml broke: its refs are not judged
    messages = " | ".join(d.message for d in diagnostics)
    assert "onbekend veld 'titl'" in messages and "'jaar'" in messages


def test_reference_into_a_valid_file_is_judged_even_when_another_file_breaks(mini):
    edit(mini / "content" / "programma.yml", "titel: Thema een", "titl: Thema een")
    edit(mini / "content" / "begrippen.yml", "bron: bron-b", "bron: bron-c")
    _, diagnostics = check(mini)
    assert any("onbekende bron 'bron-c'" in d.message for d in diagnostics)


def test_unknown_and_missing_files(mini):
    (mini / "content" / "cursuss.yml").write_text("id: x\n", encoding="utf-8")
    (mini / "content" / "begrippen.yml").unlink()
    _, diagnostics = check(mini)
    by_message = {d.message: d for d in diagnostics}
    assert "onbekend inhoudsbestand 'cursuss.yml'" in by_message
    assert by_message["onbekend inhoudsbestand 'cursuss.yml'"].hint == "bedoel je 'cursus.yml'?"
    assert "verplicht bestand 'begrippen.yml' ontbreekt" in by_message


def test_page_id_clash_between_markdown_and_generated_page(mini):
    edit(mini / "content" / "eigen-pagina.md", "id: eigen-pagina", "id: bronnen")
    _, diagnostics = check(mini)
    [diag] = [d for d in diagnostics if "zelfde id 'bronnen'" in d.message]
    assert diag.pos.file.endswith("content/eigen-pagina.md")


def test_unused_source_and_module_are_warnings(mini):
    edit(
        mini / "content" / "bronnen.yml",
        "  - id: bron-b\n",
        "  - id: bron-ongebruikt\n    titel: Niemand citeert mij\n  - id: bron-b\n",
    )
    _, diagnostics = check(mini)
    [warning] = diagnostics
    assert warning.severity == "waarschuwing"
    assert warning.message == "bron 'bron-ongebruikt' wordt nergens gebruikt"
    assert (warning.pos.line, warning.pos.col) == (6, 5)


def test_format_is_path_line_col_severity_message():
    from elearn.diagnostics import Diagnostic, Position

    diag = Diagnostic(Position("content/x.yml", 3, 7), "onbekend veld 'titl'", "bedoel je 'titel'?")
    assert diag.format() == "content/x.yml:3:7: fout: onbekend veld 'titl'\n    tip: bedoel je 'titel'?"
