"""The `elearn` command as an author runs it."""

import json
import re

import pytest
from helpers import REPO, edit, elearn, mkdocs_build

def run(*args, cwd):
    return elearn(*args, cwd=cwd)


def test_check_passes_on_the_repository():
    result = run("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "Inhoud in orde" in result.stdout


def test_check_fails_with_file_line_col_on_a_broken_copy(mini):
    edit(mini / "content" / "programma.yml", "titel: Thema een", "titl: Thema een")
    result = run("check", cwd=mini)
    assert result.returncode == 1
    assert "content/programma.yml:19:9: fout: onbekend veld 'titl'\n    tip: bedoel je 'titel'?" in result.stderr
    assert "content/programma.yml:17:9: fout: verplicht veld 'titel' ontbreekt" in result.stderr
    assert result.stderr.endswith("2 fout(en), 0 waarschuwing(en).\n")


def _with_one_warning(course):
    """The course with exactly one warning: a theme that no question tests any more."""
    edit(course / "quizzes" / "mini.yml", "toetst: [al-een, thema-een]", "toetst: [al-een]")
    return course


WARNING = "content/programma.yml:17:9: waarschuwing: 'thema-een' wordt door geen enkele vraag getoetst"


def test_check_counts_a_warning_as_an_error_like_the_strict_site_build(mini):
    result = run("check", cwd=_with_one_warning(mini))
    assert result.returncode == 1
    assert WARNING in result.stderr
    assert result.stderr.rstrip().endswith(
        "0 fout(en), 1 waarschuwing(en). strict: waarschuwingen tellen als fout, zoals bij `make site` "
        "(--no-strict: alleen fouten)."
    )
    assert "Inhoud in orde" not in result.stdout


def test_check_no_strict_passes_and_still_shows_the_warning(mini):
    result = run("check", "--no-strict", cwd=_with_one_warning(mini))
    assert result.returncode == 0, result.stderr
    assert WARNING in result.stderr
    # the mini course's mkdocs.yml sets no strict: only the Makefile's strict build stops
    assert result.stdout == ("Inhoud in orde zonder strict (1 waarschuwing(en)); `make site` (mkdocs build "
                             "--strict) stopt op deze waarschuwingen.\n")


def test_check_no_strict_says_when_mkdocs_yml_makes_every_build_strict(mini):
    (mini / "mkdocs.yml").write_text("strict: true\n" + (mini / "mkdocs.yml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    result = run("check", "--no-strict", cwd=_with_one_warning(mini))
    assert result.returncode == 0, result.stderr
    assert "elke build (mkdocs.yml zet strict: true) stopt op deze waarschuwingen" in result.stdout


@pytest.mark.build
def test_the_strict_site_build_fails_on_the_same_warning(mini, tmp_path, caplog):
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        mkdocs_build(_with_one_warning(mini), tmp_path / "site", strict=True)
    assert "'thema-een' wordt door geen enkele vraag getoetst" in caplog.text


def test_check_from_another_folder_with_root(mini, tmp_path):
    result = run("check", "--root", str(mini), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_schemas_are_current_and_referenced_by_every_content_file(tmp_path):
    result = run("schema", "--check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    files = [*(REPO / "content").glob("*.yml"), *(REPO / "content" / "sectoren").glob("*.yml"),
             *(REPO / "content" / "sessies").glob("*.yml"), *(REPO / "quizzes").glob("*.yml")]
    assert len(files) >= 15
    for path in sorted(files):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path.name} verwijst niet naar zijn schema"
        kind = {"quizzes": "vragenbank", "sectoren": "sector", "sessies": "sessie"}.get(path.parent.name, path.stem)
        assert (path.parent / match.group(1)).resolve() == REPO / "schemas" / f"{kind}.schema.json"


def test_schema_describes_dutch_keys_and_closed_objects(tmp_path):
    result = run("schema", "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0
    schema = json.loads((tmp_path / "meldcode.schema.json").read_text(encoding="utf-8"))
    assert {"stappen", "afwegingskader", "kindcheck", "rollen"} <= set(schema["properties"])
    step = schema["$defs"]["Step"]
    assert step["additionalProperties"] is False
    assert {"nummer", "titel", "kern", "wat_je_doet", "bron"} <= set(step["required"])
    # a stale schema is reported
    (tmp_path / "meldcode.schema.json").write_text("{}", encoding="utf-8")
    stale = run("schema", "--check", "--out", str(tmp_path), cwd=tmp_path)
    assert stale.returncode == 1 and "meldcode.schema.json" in stale.stderr


def test_every_property_of_every_schema_is_described():
    """Authors see these descriptions in their editor: no field without one, nested ones too."""
    described = 0

    def properties(node, where):
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                yield f"{where}.{name}", prop
            for key, value in node.items():
                yield from properties(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from properties(value, f"{where}[{index}]")

    files = sorted((REPO / "schemas").glob("*.schema.json"))
    assert len(files) == 8
    for path in files:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["description"].strip(), path.name
        for where, prop in properties(schema, path.name):
            assert isinstance(prop, dict) and str(prop.get("description", "")).strip(), f"{where}: geen description"
            described += 1
    assert described >= 250  # every field of every model; a schema that lost its $defs would say far fewer
