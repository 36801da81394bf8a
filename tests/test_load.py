"""The loader keeps the file, line and column of every object."""

from pathlib import Path

import pytest

from elearn.diagnostics import Position
from elearn.load.assemble import load_course, load_model
from elearn.model import SourcesFile
from elearn.load.yaml import parse_yaml
from helpers import REPO


def test_every_object_keeps_its_position(mini):
    course, diagnostics = load_course(mini)
    assert diagnostics == []
    source_b = course.sources.sources[1]
    assert (source_b.pos.line, source_b.pos.col) == (6, 5)
    assert source_b.pos.file.endswith("content/bronnen.yml")
    assert source_b.field_pos("url").line == 8
    theme = course.programme.action_lines[0].themes[0]
    assert theme.actions[1].field_pos("source").line == theme.actions[1].pos.line + 1


def test_dutch_keys_become_english_attributes(mini):
    course, _ = load_course(mini)
    question = course.meldcode.decision_framework.questions[1]
    assert question.no.decision == "hulp"
    assert question.no.next == "vraag-drie"
    assert course.course.helpline.phone == "0800-2000"


def test_markdown_pages_are_found_with_their_id_and_title(mini):
    course, _ = load_course(mini)
    pages = {p.id: p for p in course.markdown_pages}
    page = pages["eigen-pagina"]
    assert (page.path, page.title) == ("eigen-pagina.md", "Een eigen pagina")
    assert [d.quiz_id for d, _, _ in pages["oefenen"].directives][:2] == ["v-single", "v-multiple"]
    assert pages["oefenen"].directives[0][1].line == 5


def test_syntax_error_names_line_and_column():
    doc, [diag] = parse_yaml("bronnen:\n  - id: a\n    titel: [open\n", "x.yml")
    assert doc is None
    assert diag.pos == Position("x.yml", 3, 12)  # the bracket that opens, not where libyaml notices it
    assert diag.message == ("YAML-syntaxfout: de lijst tussen [ ] wordt niet gesloten (een lijst tussen [ ]); "
                            "dat bleek op regel 4, kolom 1")
    assert "sluit de lijst met ]" in diag.hint


def test_duplicate_key_is_reported():
    doc, [diag] = parse_yaml("id: a\ntitel: een\ntitel: twee\n", "x.yml")
    assert diag.pos == Position("x.yml", 3, 1)
    assert "twee keer" in diag.message and "regel 2" in diag.hint


def test_yaml_values_anchors_and_bad_aliases():
    doc, diagnostics = parse_yaml(
        "a: &basis {tekst: Hallo, goed: yes}\nb: *basis\nc: [1, 2.5, ~, 'ja']\n3: drie\n", "x.yml"
    )
    assert diagnostics == []
    assert doc.data == {"a": {"tekst": "Hallo", "goed": True}, "b": {"tekst": "Hallo", "goed": True},
                        "c": [1, 2.5, None, "ja"], 3: "drie"}  # as yaml.safe_load reads it
    for text, line in (("a: *onbekend\n", 1), ("a: 1\nb: &lus [*lus]\n", 2), ("a: 1\n---\nb: 2\n", 2)):
        doc, [diag] = parse_yaml(text, "x.yml")
        assert doc is None and diag.pos.line == line and "YAML-syntaxfout" in diag.message


def test_real_sources_load(tmp_path):
    repo = Path(__file__).resolve().parents[1]
    obj, diagnostics = load_model(repo / "content" / "bronnen.yml", SourcesFile)
    assert diagnostics == []
    assert len(obj.sources) >= 20


def test_a_directive_in_a_code_block_is_an_example_not_a_quiz(mini):
    """An author who shows how to write a directive writes it in a fenced code block."""
    page = mini / "content" / "eigen-pagina.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n```markdown\n[[quiz: bestaat-niet]]\n```\n\n~~~\n[[quiz: ook-niet]]\n~~~\n",
                    encoding="utf-8")
    course, diagnostics = load_course(mini)
    [own] = [p for p in course.markdown_pages if p.path == "eigen-pagina.md"]
    assert [d.quiz_id for d, _, _ in own.directives] == []
    assert not [d for d in diagnostics if "bestaat-niet" in d.message]


# --- the YAML language is yaml.safe_load's -------------------------------------------------

EDGE_CASES = [
    "a: &basis {tekst: Hallo, goed: yes}\nb:\n  <<: *basis\n  goed: no\n",  # a merge key
    "a: &x {p: 1}\nb: &y {q: 2}\nc:\n  <<: [*x, *y]\n  r: 3\n",  # merging two
    "s: !!set {een: null, twee: null}\n",
    "t: !!str 2026-12-03\nu: !!int '7'\nv: !!float '1.5'\n",
    "d: 2026-12-03\nn: ~\nb: [yes, No, on, OFF, true]\n",
    "g: [0o17, 0x1f, 1_000, .5, 1e5, 1.0e+5, -.inf, .nan]\n",
    "k: |\n  regel een\n  regel twee\nl: >-\n  gevouwen\n  tekst\n",
    "'sleutel met: dubbele punt': waarde\n3: drie\nnull: niets\n",
    "a: !!omap [{een: 1}, {twee: 2}]\n",
    "lijst:\n- een\n-   - twee\n    - drie\n",
    "tekst: \"\\u00e9\\t\\\\ en \\/\"\n",
    "a: *onbekend\n",
    "a: [open\n",
    "a: \"open\nb: 2\n",
    "a: 1\n---\nb: 2\n",
    "? [samengesteld, sleutel]\n: waarde\n",
    "",
    "# alleen commentaar\n",
]


def safe_load_or_error(text):
    import yaml

    try:
        return yaml.safe_load(text), None
    except yaml.YAMLError as exc:
        return None, exc


@pytest.mark.parametrize("text", EDGE_CASES)
def test_yaml_means_what_safe_load_says(text):
    import math

    expected, error = safe_load_or_error(text)
    doc, diagnostics = parse_yaml(text, "x.yml")
    if error is not None or expected is None:
        assert doc is None and diagnostics, text  # refused (or empty) by both, with a located message
        assert all(d.pos and d.pos.file == "x.yml" for d in diagnostics)
        return
    assert diagnostics == [], text
    if "nan" in text:  # nan is never equal to itself
        assert math.isnan(doc.data["g"][-1]) and doc.data["g"][:-1] == expected["g"][:-1]
    else:
        assert doc.data == expected, text


def test_every_course_file_reads_as_safe_load_reads_it():
    import yaml

    files = sorted(REPO.glob("content/**/*.yml")) + sorted(REPO.glob("quizzes/*.yml"))
    assert len(files) > 20
    for path in files:
        doc, diagnostics = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        assert diagnostics == [] and doc.data == yaml.safe_load(path.read_text(encoding="utf-8")), path


def test_an_unclosed_quote_is_found_where_it_opens():
    text = "id: a\ntitel: \"Een titel\nbron: b\nvragen:\n  - id: x\n"
    doc, [diag] = parse_yaml(text, "x.yml")
    assert doc is None and (diag.pos.line, diag.pos.col) == (2, 8)
    assert "aanhalingsteken" in diag.message and "aanhalingsteken" in diag.hint


def test_a_byte_order_mark_is_no_part_of_the_text(tmp_path):
    from elearn.load.yaml import read_yaml

    path = tmp_path / "bronnen.yml"
    path.write_bytes("\ufeffbronnen:\n  - id: a\n    titel: A\n".encode("utf-8"))
    doc, diagnostics = read_yaml(path)
    assert diagnostics == [] and doc.data == {"bronnen": [{"id": "a", "titel": "A"}]}
