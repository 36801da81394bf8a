"""The loader keeps the file, line and column of every object."""

from pathlib import Path

from elearn.diagnostics import Position
from elearn.load.assemble import load_course, load_model
from elearn.model import SourcesFile
from elearn.load.yaml import parse_yaml


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
    assert diag.pos == Position("x.yml", 4, 1)  # where libyaml notices the open bracket
    assert "YAML-syntaxfout" in diag.message


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
                        "c": [1, 2.5, None, "ja"], "3": "drie"}
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
