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
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: 0x_, 2001-02-30
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


def test_a_date_that_does_not_exist_is_found_where_it_stands():
    """safe_load raises a bare ValueError for 30 February; an author gets its place and what to do."""
    doc, [diag] = parse_yaml("id: a\nsessie:\n  datum: 2001-02-30\n", "x.yml")
    assert doc is None and (diag.pos.line, diag.pos.col) == (3, 10)
    assert diag.message == "YAML-syntaxfout: dit lijkt een getal of datum, maar is het niet ('2001-02-30')"
    assert "bestaat de dag?" in diag.hint and "aanhalingstekens" in diag.hint


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


# --- the line reader (load/blockyaml.py) reads what libyaml reads, or gives way to it ---------

BLOCK_SEED = """# kop
id: bank-x
titel: 'Een ''titel'' met: dubbele punt'
beschrijving: "Dubbel # geen commentaar"
module: module-a   # commentaar
getal: 12
ja: yes
leeg:
datum: 2026-12-03
lijst: [a, b, 3, yes, ~, -1, "16 jaar", 'een ''x''', "a \\"b\\" \\\\ c:", d e]
lang: [een, twee,
   drie, "vier",
    vijf]
lege_lijst: []
citaat: "\\"Mij doet hij niks\\" \\/ \\n"
vragen:
- id: v1
  type: single
  vraag: >-
    Een lange vraag
    over twee regels.

    Met een alinea.
  opties:
    - tekst: Een
      goed: true
      feedback: |
        Regel een
          ingesprongen

        Regel drie
    - tekst: Twee -- of 0800-2000, 8:30
      feedback: |-
        Alleen dit.
  toetst:
  - pagina-a
  - pagina-b
-   id: v2
    uitleg: >
      Gevouwen met
      einde.


    null: ~
    on: off
"""


# Where the line reader's part of YAML ends: each is read as safe_load reads it, or given way.
LINE_READER_EDGES = [
    "a: >-\n\n  x\n", "a: |\n  x\n   \n  y\n", "a: >\n  x\n    y\n  z\n", "a: |+\n  x\n\n", "a: |2\n   x\n",
    "a: >-\nb: 1\n", "- >-\n  x\n- y\n", "a:\n  b\n", "a: b\n  c\n", "a: 'x'\n  y\n", "a: 'x\n  y'\n", "- - a\n",
    "-\n  a: b\n", "a: -\n", "a: - b\n", "a: ---\n", "a: b #c\n", "a: b#c\n", "a:b\n", "? a\n: b\n", "yes: no\n",
    "1: a\n", "a: 0800-2000\n", "a: 1:30\n", "a: 1_000\n", "a: 2026-12-03 10:00:00\n", "a: =\n", "<<: {a: 1}\n",
    "a: !!str 1\n", "a: &x 1\nb: *x\n", "--- # doc\na: 1\n", "---\na: 1\n---\nb: 2\n", "a: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n", "a: 1\n b: 2\n", " a: 1\nb: 2\n", "a:\n- b\n c\n", "a:\n  - b\n - c\n",
    "a: [*x]\n", "a: [&x b]\n", "a: [!t b]\n", "a: [b, ]\n", "a: [?b]\n", "a: [|b]\n", "a: [b c: d]\n",
    'a: ["b": c]\n', "a: [b]]\n", "a: [[b]]\n", "a: [b,\nc]\n", "a: [b,\n  # c\n  c]\n", 'a: "\\x41"\n',
    "a: 'b' # c\n", "a: 'b'c\n", "a: \"b\" c\n", "a: b \n", "a:   b   \n", "a: b\r\nc: d\r\n", "a: b\tc\n",
    # a number or a date that cannot be: libyaml's reader says what is wrong
    "a: 0x_\n", "a: [0x_]\n", "a: 2001-02-30\n",
    "- a\n- b: c\n  d: e\n-   f: g\n    h: i\n", "a:\n\n  b: c\n", "a:\n# x\n  b: c\n", "a: >-\n  x\n # y\n",
    # found by a second review: a block at the end of a file without a newline, '---' markers
    "a: |\n  x", "a: >\n  x\n  y", "a: >\n  x\n\n  y", "a:\n- |\n x", "a: |\n  x\n  y  ", "a: |\n  x\n  ",
    "---#c\na: 1\n", "---#c", "---\xa0\na: 1\n", "--- \u3000\na: 1\n", "---\u2003",
]


def _mangled(seed: str, count: int, rng) -> list[str]:
    """``count`` variants of ``seed``, each with one to three small edits an author might make:
    a line indented more or less, a character that means something in YAML, a line dropped,
    doubled, split or joined."""
    marks = [":", ": ", " #", "#", "'", '"', "- ", "-", "&a ", "*a", "!", "!!str ", "[", "]", "{", "}", ">", "|",
             "|-", ">+", "? ", "%", "@", "`", ",", "\t", "\r", "yes", "~", "0x1f", "1:30", "  ", "---", "...",
             "\\", "é", "\u2028", "\ufeff", "<<: *a", ": >-", "0o17", ".inf", "2026-12-03 10:00"]
    variants = []
    for _ in range(count):
        lines = seed.split("\n")
        for _ in range(rng.randint(1, 3)):
            if not lines:
                break
            i = rng.randrange(len(lines))
            edit = rng.randrange(7)
            if edit == 0:
                lines[i] = " " * rng.randint(1, 2) + lines[i]
            elif edit == 1:
                lines[i] = lines[i][rng.randint(1, 2):]
            elif edit == 2:
                at = rng.randint(0, len(lines[i]))
                lines[i] = lines[i][:at] + rng.choice(marks) + lines[i][at:]
            elif edit == 3:
                del lines[i]
            elif edit == 4:
                lines.insert(i, lines[i])
            elif edit == 5 and " " in lines[i].strip():
                at = lines[i].rindex(" ")
                lines[i:i + 1] = [lines[i][:at], " " * rng.randint(0, 8) + lines[i][at + 1:]]
            elif i + 1 < len(lines):
                lines[i:i + 2] = [lines[i] + " " + lines[i + 1].strip()]
        variants.append("\n".join(lines))
    return variants


def test_the_line_reader_reads_what_safe_load_reads_or_gives_way():
    """Over the course files and 3,000 mangled texts: whatever the line reader accepts, safe_load
    and libyaml read the same (repr: types, order and nan too); whatever either refuses, the
    line reader refuses as well, and parse_yaml reports what libyaml refuses. (libyaml and
    PyYAML's own scanner differ on a few tabs; the line reader reads no text with a tab.)"""
    import random

    import yaml

    from elearn.load import blockyaml

    rng = random.Random(20261204)
    course = [p.read_text(encoding="utf-8-sig") for p in
              sorted(REPO.glob("content/**/*.yml")) + sorted(REPO.glob("quizzes/*.yml"))]
    # Slices of the real course, so the edits land in the texts authors write.
    slices = ["\n".join(text.split("\n")[start:start + 40]) for text in course[:12] for start in (0, 40, 200)]
    texts = course + LINE_READER_EDGES + [BLOCK_SEED] + _mangled(BLOCK_SEED, 1500, rng)
    for seed in slices:
        texts += _mangled(seed, 40, rng)
    read = refused = 0
    for text in texts:
        expected, error = safe_load_or_error(text)
        try:
            by_libyaml, libyaml_error = yaml.load(text, Loader=yaml.CSafeLoader), None
        except (yaml.YAMLError, ValueError) as exc:
            by_libyaml, libyaml_error = None, exc
        try:
            data = blockyaml.read(text)
        except blockyaml.Unsupported:
            data = blockyaml.Unsupported
        except ValueError:  # a number or date that cannot be: refused, but not as Unsupported
            raise AssertionError(f"read() raised ValueError, not Unsupported:\n{text}") from None
        if error is not None or libyaml_error is not None:
            assert data is blockyaml.Unsupported, f"read what YAML refuses ({error or libyaml_error}):\n{text}"
            refused += 1
        elif data is not blockyaml.Unsupported:
            assert repr(data) == repr(expected) == repr(by_libyaml), text
            read += 1
        if libyaml_error is not None:
            doc, diagnostics = parse_yaml(text, "x.yml")
            assert doc is None and diagnostics, text
    # The mangling must test both sides: many texts read, many refused.
    assert read > 400 and refused > 1500, (read, refused)


def test_the_line_reader_reads_the_course_it_was_made_for():
    """Every file of the course and of the authors' guide's example is read by the fast reader: a
    file that falls back to libyaml costs a large course seconds."""
    from elearn.load import blockyaml

    files = (sorted(REPO.glob("content/**/*.yml")) + sorted(REPO.glob("quizzes/*.yml"))
             + sorted(REPO.glob("docs/voorbeeld/**/*.yml")))
    assert len(files) > 30
    given_way = []
    for path in files:
        try:
            blockyaml.read(path.read_text(encoding="utf-8-sig"))
        except blockyaml.Unsupported:
            given_way.append(path.name)
    assert given_way == []
