"""Real MkDocs builds into tmp_path, asserting on the pages a learner gets."""

import re

import pytest
from mkdocs.exceptions import Abort

from helpers import edit, mkdocs_build


def read(site, uri):
    return (site / uri).read_text(encoding="utf-8")


@pytest.mark.build
def test_mini_course_builds_generated_and_handwritten_pages(mini, tmp_path):
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    for uri in [
        "index.html",
        "programma/index.html",
        "programma/al-een/index.html",
        "meldcode/index.html",
        "meldcode/stap-een/index.html",
        "meldcode/afwegingskader/index.html",
        "meldcode/kindcheck/index.html",
        "meldcode/rollen/index.html",
        "begrippen/index.html",
        "bronnen/index.html",
        "eigen-pagina/index.html",
    ]:
        assert (site / uri).exists(), uri
    assert not list(site.rglob("*.yml")), "course YAML must not be published"
    framework = read(site, "meldcode/afwegingskader/index.html")
    assert 'id="vraag-twee"' in framework and 'href="#vraag-drie"' in framework
    assert "Met de hand geschreven." in read(site, "eigen-pagina/index.html")
    # The module's pages form the navigation, in the module's order.
    home = read(site, "index.html")
    nav_titles = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', home)
    assert nav_titles.index("Programma X") < nav_titles.index("Stap 1: Signalen") < nav_titles.index("Een eigen pagina")


@pytest.mark.build
def test_sources_page_lists_where_each_source_is_used(mini, tmp_path):
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    sources = read(site, "bronnen/index.html")
    section_b = sources.split('id="bron-b"')[1]
    assert 'href="https://example.org/b"' in section_b
    assert "Begrippenlijst" in section_b and "Actielijn 1: Eerste lijn" in section_b
    assert "Stap 1: Signalen" not in section_b  # bron-b is not cited there
    # A citation links to the right anchor on the sources page.
    assert 'href="../../bronnen/#bron-a"' in read(site, "meldcode/stap-een/index.html")


@pytest.mark.build
def test_failed_build_leaves_the_previous_site_untouched(mini, tmp_path, caplog):
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(mini / "content" / "begrippen.yml", "bron: bron-b", "bron: bron-onbekend")
    with pytest.raises(Abort):
        mkdocs_build(mini, site)
    assert "begrippen.yml:10:11: fout: onbekende bron 'bron-onbekend'" in caplog.text
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.build
def test_a_content_warning_fails_a_strict_build(mini, tmp_path):
    edit(mini / "content" / "bronnen.yml", "  - id: bron-b\n", "  - id: bron-x\n    titel: X\n  - id: bron-b\n")
    with pytest.raises(Abort):
        mkdocs_build(mini, tmp_path / "site", strict=True)
    mkdocs_build(mini, tmp_path / "site", strict=False)
    assert (tmp_path / "site" / "index.html").exists()


# --- the real course --------------------------------------------------------

REAL_PAGES = [
    "index.html",
    "programma/index.html",
    "programma/eerder-en-beter-in-beeld/index.html",
    "programma/stoppen-en-duurzaam-oplossen/index.html",
    "programma/specifieke-groepen/index.html",
    "meldcode/index.html",
    "meldcode/afwegingskader/index.html",
    "meldcode/kindcheck/index.html",
    "meldcode/rollen/index.html",
    "begrippen/index.html",
    "bronnen/index.html",
]


def test_real_course_has_every_page_in_dutch(built_site):
    for uri in REAL_PAGES:
        html = read(built_site, uri)
        assert '<html lang="nl"' in html, uri
    steps = sorted(built_site.glob("meldcode/stap-*/index.html"))
    assert len(steps) == 5
    for step in steps:
        assert "Wat je doet" in step.read_text(encoding="utf-8")


def test_real_course_has_all_19_themes_with_actions(built_site):
    themes = 0
    for uri in REAL_PAGES[2:5]:
        html = read(built_site, uri)
        count = len(re.findall(r"<h2 id=\"al\d-[^\"]+\"", html))
        assert html.count("Wat gaan we doen?") == count
        themes += count
    assert themes == 19


def test_real_course_glossary_and_framework(built_site):
    glossary = read(built_site, "begrippen/index.html")
    assert len(re.findall(r'<h3 id="begrip-', glossary)) >= 25
    framework = read(built_site, "meldcode/afwegingskader/index.html")
    assert len(re.findall(r"<h3 id=\"[^\"]+\">Vraag \d", framework)) == 5


def test_every_key_figure_shows_its_source(built_site):
    programme = read(built_site, "programma/index.html")
    table = programme.split('id="kerncijfers"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) >= 6
    for row in rows:
        assert 'class="elearn-bron"' in row and "bronnen/#" in row


def test_helpline_on_every_page(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        banner = html.split('<aside class="md-banner">')[1].split("</aside>")[0]
        assert 'href="tel:08002000"' in banner and 'href="tel:112"' in banner, page


EXTERNAL_RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\bhref=[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//",
    re.I,
)


def test_no_page_loads_anything_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL_RESOURCE.search(html), page
    for css in built_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*[\"']?https?:|url\(\s*[\"']?https?://", css.read_text()), css


@pytest.mark.build
def test_the_course_own_language_and_colour_are_used(mini, tmp_path):
    """theme.language and palette.primary in mkdocs.yml reach what we make beside Material's
    pages: the web manifest, the theme colour of the browser bar, the app icons."""
    import json
    import struct
    import zlib

    edit(mini / "mkdocs.yml", "  language: nl\n", "  language: en\n  palette:\n    primary: teal\n")
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "en"
    assert manifest["theme_color"] == "#009485"  # Material's teal
    page = read(site, "index.html")
    assert '<html lang="en"' in page
    assert '<meta name="theme-color" content="#009485">' in page
    png = (site / "assets" / "elearn" / "icon-192.png").read_bytes()
    idat = png[png.index(b"IDAT") + 4: png.index(b"IEND") - 8]
    assert zlib.decompress(idat)[1:4] == bytes((0x00, 0x94, 0x85))  # the first pixel, after the row's filter byte
    assert struct.unpack(">I", png[16:20])[0] == 192
