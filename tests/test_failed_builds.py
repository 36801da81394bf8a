"""A mistake by an author never costs the last good site, and never runs as script.

Each case breaks a copy of the mini course in one way a new author does, then builds it as the
author would: `mkdocs build --strict` in a terminal, with and without -q, over a site/ that
holds the last good build and a marker file. What the author must get every time: a located
message in Dutch with a tip, a non-zero exit, no traceback, the marker still there; and the
same message from `elearn check`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from helpers import FIXTURES, edit, elearn, mkdocs_build, serving

pytestmark = pytest.mark.build

MD = "content/eigen-pagina.md"
QUIZ = "quizzes/mini.yml"


@dataclass
class Case:
    id: str
    mutate: Callable[[Path], None]
    message: str  # located: file:line:col, then what is wrong
    tip: str  # part of the tip line


def _bytes(path: Path, change: Callable[[bytes], bytes]) -> None:
    path.write_bytes(change(path.read_bytes()))


def _non_utf8_name(root: Path) -> None:
    (root / "content").joinpath(os.fsdecode(b"caf\xe9.md")).write_text("# Cafe\n", encoding="utf-8")


CASES = [
    # Our own warnings under --strict: they stop the build after MkDocs emptied its output folder.
    Case("untested-theme", lambda r: edit(r / QUIZ, "toetst: [al-een, thema-een]", "toetst: [al-een]"),
         "content/programma.yml:17:9: waarschuwing: 'thema-een' wordt door geen enkele vraag getoetst",
         "voeg een vraag toe met 'toetst: [thema-een]'"),
    Case("unreachable-outcome", lambda r: edit(r / QUIZ, "naar: c-uit-goed, goed: true", "naar: c-uit-fout, goed: true"),
         "quizzes/mini.yml:94:9: waarschuwing: casus 'v-case': 'c-uit-goed' is vanaf de start niet te bereiken",
         "laat een keuze ernaar leiden"),
    # MkDocs' own link check (a warning at the end of the page build), now also ours, located.
    Case("broken-link", lambda r: edit(r / MD, "Met de hand geschreven.", "Met de hand, zie [weg](bestaat-niet.md)."),
         f"{MD}:7:24: fout: de link naar 'bestaat-niet.md' leidt nergens heen",
         "verwijs naar een bestaande pagina"),
    # What a page would load from another server: in a setting, and in a page.
    Case("external-extra-css",
         lambda r: edit(r / "mkdocs.yml", "plugins:", "extra_css:\n  - https://cdn.example.org/x.css\nplugins:"),
         "mkdocs.yml:8:5: fout: extra_css laadt 'https://cdn.example.org/x.css' van een andere server",
         "zet het bestand in content/"),
    Case("external-image",
         lambda r: edit(r / MD, "Met de hand geschreven.", 'Met de hand.\n\n<img src="https://example.org/a.png" alt="a">'),
         f"{MD}:9:11: fout: <img> laadt 'https://example.org/a.png' van een andere server",
         "zet het bestand in de site zelf"),
    # The file system.
    Case("symlink-loop", lambda r: os.symlink("..", r / "content" / "lus"),
         "content/lus:1:1: fout: 'lus' is een snelkoppeling (symlink) naar een map waar hij zelf in staat",
         "verwijder de snelkoppeling 'content/lus'"),
    Case("symlink-outside", lambda r: os.symlink(sys.executable, r / "content" / "buiten.md"),
         "content/buiten.md:1:1: fout: 'buiten.md' is een snelkoppeling (symlink) naar",
         "kopieer het bestand naar de cursus"),
    Case("non-utf8-file-name", _non_utf8_name,
         "content/caf\\xe9.md:1:1: fout: de naam van dit bestand is geen geldige tekst (UTF-8)",
         "geef het bestand een naam met gewone letters"),
    # Markdown pages and their front matter.
    Case("bom-hides-no-front-matter",
         lambda r: _bytes(r / MD, lambda b: b"\xef\xbb\xbf" + b.replace(b"id: eigen-pagina", b"id: Eigen Pagina")),
         f"{MD}:2:1: fout: 'Eigen Pagina' is geen geldige id voor deze pagina",
         "bijvoorbeeld 'id: eigen-pagina'"),
    Case("latin-1-page",
         lambda r: _bytes(r / MD, lambda b: b.replace(b"Met de hand", "Met de hand é".encode("latin-1"))),
         f"{MD}:7:13: fout: deze pagina is geen geldige UTF-8-tekst (byte 0xe9 kan daarin niet)",
         "sla het bestand op als UTF-8"),
    Case("list-front-matter", lambda r: edit(r / MD, "id: eigen-pagina", "- eigen-pagina"),
         f"{MD}:2:1: fout: de kop (front matter) van deze pagina moet een blok met velden zijn",
         "zonder '-' ervoor"),
    Case("broken-front-matter", lambda r: edit(r / MD, "id: eigen-pagina", "id: [eigen-pagina"),
         f"{MD}:2:5: fout: YAML-syntaxfout in de kop (front matter): de lijst tussen [ ] wordt niet gesloten",
         "sluit de lijst met ]"),
    Case("id-with-space", lambda r: edit(r / MD, "id: eigen-pagina", "id: eigen pagina"),
         f"{MD}:2:1: fout: 'eigen pagina' is geen geldige id voor deze pagina", "'id: eigen-pagina'"),
    Case("id-breaks-out-of-attribute", lambda r: edit(r / MD, "id: eigen-pagina", "id: 'x\" onmouseover=\"alert(1)'"),
         f"{MD}:2:1: fout: 'x\" onmouseover=\"alert(1)' is geen geldige id", "kleine letters, cijfers en koppeltekens"),
    # YAML: an unclosed quote is found where it opens, not at the end of the file.
    Case("unclosed-quote", lambda r: edit(r / "content/begrippen.yml", "definitie: Een adviesvraag.",
                                          'definitie: "Een adviesvraag.'),
         "content/begrippen.yml:9:16: fout: YAML-syntaxfout: het bestand houdt op voordat het afsluitende "
         "aanhalingsteken komt", "sluit de tekst af met hetzelfde aanhalingsteken"),
    # Author text that would run as script in every learner's browser.
    Case("script-in-question", lambda r: edit(r / QUIZ, "vraag: Wat doe je in stap 1?",
                                              "vraag: Wat doe je in stap 1? <script>alert(1)</script>"),
         "quizzes/mini.yml:7:12: fout: <script> (een script) mag niet in de tekst van de cursus", "laat het weg"),
    Case("script-in-glossary", lambda r: edit(r / "content/begrippen.yml", "definitie: Een adviesvraag.",
                                              "definitie: Een adviesvraag. <script>alert(1)</script>"),
         "content/begrippen.yml:9:16: fout: <script> (een script) mag niet in de tekst van de cursus", "laat het weg"),
    Case("onerror-in-option", lambda r: edit(r / QUIZ, "tekst: Direct melden.",
                                             "tekst: 'Direct melden. <img src=x onerror=alert(1)>'"),
         "quizzes/mini.yml:14:16: fout: het attribuut onerror= op <img> zou code laten lopen",
         'laat onerror="..." weg'),
    Case("external-image-in-feedback", lambda r: edit(r / QUIZ, "feedback: Nee, wegkijken helpt niemand.",
                                                      "feedback: 'Nee. <img src=\"https://example.org/a.png\" alt=\"a\">'"),
         "quizzes/mini.yml:17:19: fout: <img> laadt 'https://example.org/a.png' van een andere server",
         "zet het bestand in de site zelf"),
    Case("javascript-link-in-feedback", lambda r: edit(r / QUIZ, "feedback: Nee, wegkijken helpt niemand.",
                                                       "feedback: 'Nee, [lees](javascript:alert(1)) meer.'"),
         "quizzes/mini.yml:17:19: fout: het adres 'javascript:alert(1)' in href= op <a> is een javascript:-adres",
         "verwijs naar een pagina met https://"),
    Case("iframe-in-page", lambda r: edit(r / MD, "Met de hand geschreven.",
                                          'Met de hand.\n\n<iframe src="https://example.org"></iframe>'),
         f"{MD}:9:1: fout: <iframe> (een ingesloten pagina (iframe)) mag niet in de tekst van de cursus",
         "laat het weg"),
    Case("data-url-in-page", lambda r: edit(r / MD, "Met de hand geschreven.",
                                            "Met de hand, [klik](data:text/html,<script>alert(1)</script>)."),
         f"{MD}:7:21: fout: het adres 'data:text/html,<script>alert(1)</script>' in href= op <a> is een data:-adres",
         "verwijs naar een pagina met https://"),
]


@pytest.fixture(scope="module")
def last_good_site(tmp_path_factory) -> Path:
    """The mini course's site as a good build left it, with a marker of our own in it."""
    site = tmp_path_factory.mktemp("good") / "site"
    mkdocs_build(FIXTURES / "mini", site)
    (site / "marker.txt").write_text("de vorige, goede site", encoding="utf-8")
    return site


def _course_with_site(tmp_path: Path, site: Path) -> Path:
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", root)
    shutil.copytree(site, root / "site", symlinks=True)
    return root


def _mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_failed_build_says_where_and_keeps_the_last_good_site(case, tmp_path, last_good_site):
    root = _course_with_site(tmp_path, last_good_site)
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    case.mutate(root)
    for quiet in ([], ["-q"]):  # -q changes what is printed, never the outcome
        run = _mkdocs(root, *quiet)
        out = run.stdout + run.stderr
        assert run.returncode != 0, (quiet, out)
        assert "Traceback" not in out, out
        assert case.message in out, (quiet, out)
        assert f"tip: {case.tip}" in out or case.tip in out.split(case.message, 1)[1].split("\n", 2)[1], out
        after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
        assert after == before, f"site/ changed by a failed build ({quiet})"
        assert not list(root.glob(".site.bouw-*")), "a failed build left its folder behind"
    check = elearn("check", cwd=root)
    assert check.returncode != 0, check.stdout + check.stderr
    assert case.message in check.stdout + check.stderr
    assert "Traceback" not in check.stdout + check.stderr


def test_a_good_build_replaces_the_old_site_whole(tmp_path, last_good_site):
    root = _course_with_site(tmp_path, last_good_site)
    (root / ".site.bouw-oud1234").mkdir()  # what a killed build leaves behind
    edit(root / MD, "Met de hand geschreven.", "Met de hand herschreven.")
    run = _mkdocs(root, "-q")
    assert run.returncode == 0, run.stderr
    assert "Met de hand herschreven." in (root / "site" / "eigen-pagina" / "index.html").read_text()
    assert not (root / "site" / "marker.txt").exists()  # a new site, not the old one patched
    assert not list(root.glob(".site.*")), list(root.glob(".site.*"))


def test_a_build_stopped_halfway_keeps_the_last_good_site(tmp_path, last_good_site):
    root = _course_with_site(tmp_path, last_good_site)
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(root.glob(".site.bouw-*/*")):
        time.sleep(0.01)
    assert any(root.glob(".site.bouw-*/*")), "the build never started writing"
    build.send_signal(signal.SIGKILL)  # as a closed laptop or a killed CI job does
    build.wait()
    assert (root / "site" / "marker.txt").read_text(encoding="utf-8") == "de vorige, goede site"
    assert _mkdocs(root, "-q").returncode == 0
    assert not list(root.glob(".site.*"))


def test_a_short_answer_is_data_not_html(tmp_path, browser):
    """`<!--<script>` as an accepted answer is text a learner types; the data block of the page
    escapes every '<', so it cannot end the block and swallow the quizzes after it."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", root)
    edit(root / QUIZ, 'antwoorden: ["0800-2000", "0800 2000"]', 'antwoorden: ["0800-2000", "<!--<script>"]')
    site = tmp_path / "site"
    mkdocs_build(root, site)
    page_html = (site / "oefenen" / "index.html").read_text(encoding="utf-8")
    assert "<!--<script>" not in page_html
    with serving(site) as url:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/oefenen/")
        assert page.locator("[data-elearn-quiz]").count() == 7  # the quizzes after it are all there
        question = page.locator('[data-elearn-question="v-short"]')
        question.get_by_label("Je antwoord").fill("<!--<script>")
        question.get_by_label("Je antwoord").press("Enter")
        assert question.locator(".elearn-verdict").inner_text() == "Goed!"
        assert errors == []
        page.close()


def test_the_scorm_launch_page_escapes_the_course_title_and_speaks_its_language(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", root)
    edit(root / "mkdocs.yml", "  language: nl\n", "  language: en\n")
    title = 'Zorg & "veiligheid" </title><b>thuis'
    cursus = root / "content" / "cursus.yml"
    text = cursus.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("titel:"))
    cursus.write_text(text.replace(first, "titel: '" + title.replace("'", "''") + "'", 1), encoding="utf-8")
    out = tmp_path / "pakket.zip"
    run = elearn("export", "scorm", "--output", str(out), cwd=root)
    assert run.returncode == 0, run.stderr
    import zipfile

    from lxml import html as lxml_html

    launch = zipfile.ZipFile(out).read("scorm.html").decode("utf-8")
    doc = lxml_html.fromstring(launch)
    assert doc.findtext(".//title") == title
    assert doc.find(".//iframe").get("title") == title
    assert doc.find(".//b") is None
    assert doc.get("lang") == "en"
