"""The UI text comes from one catalogue per language (src/elearn/locale/<lang>.yml): every key
the code asks for is there, every key there is asked for, and another catalogue really changes
what the pages, the quizzes and the scripts say."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

import elearn.locale as locale
from helpers import FIXTURES, edit, mkdocs_build
from elearn.build import prepare
from elearn.directive import QUIZ, Directive
from elearn.locale import DEFAULT, PLACEHOLDER, Catalogue, language, strings
from elearn.publish.served import ASSETS, ASSET_DIR, served

CORE = Path(__file__).resolve().parents[1] / "src" / "elearn"
PLUGIN = Path(__file__).resolve().parents[1] / "plugins"
# Where the code asks for a text: t("key", ...) or t.number("key", n) in Python and the templates,
# T("key", ...) in the browser scripts. The key is always written out, so a search finds every one.
PYTHON_CALL = re.compile(r"""\bt(?:\.number)?\(\s*(["'])([^"']*)\1""")
SCRIPT_CALL = re.compile(r'\bT\("([^"]*)"')


def python_sources() -> list[Path]:
    return [*CORE.rglob("*.py"), *PLUGIN.rglob("*.py"), *(CORE / "templates").glob("*.j2"), CORE / "theme" / "main.html"]


def script_sources() -> list[Path]:
    return [*(CORE / "assets" / "js").glob("*.js"), *(CORE / "assets").glob("*.js")]


def used_keys() -> dict[str, set[str]]:
    """Key -> the files that ask for it."""
    used: dict[str, set[str]] = {}
    for path in python_sources():
        for _, key in PYTHON_CALL.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, set()).add(path.name)
    for path in script_sources():
        for key in SCRIPT_CALL.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, set()).add(path.name)
    return used


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    missing = {key: sorted(files) for key, files in used_keys().items() if key not in strings(DEFAULT)}
    assert missing == {}


def test_every_key_in_the_catalogue_is_asked_for():
    assert sorted(strings(DEFAULT).keys() - used_keys().keys()) == []


def test_keys_are_always_written_out():
    """A key made at run time would escape the two tests above, and the build's own search."""
    computed = []
    for path in python_sources():
        computed += [f"{path.name}: {m.group()}" for m in re.finditer(r"""\bt(?:\.number)?\s*\((?!\s*["'])""", path.read_text(encoding="utf-8"))]
    for path in script_sources():
        computed += [f"{path.name}: {m.group()}" for m in re.finditer(r'(?<!function )\bT\((?!")', path.read_text(encoding="utf-8"))]
    assert computed == []


def test_every_catalogue_keeps_the_keys_and_placeholders_of_the_dutch():
    dutch = strings(DEFAULT)
    for path in sorted(locale.LOCALE_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert all(isinstance(texts, dict) for texts in data.values()), path.name  # section: key: text
        for section, texts in data.items():
            for key, text in texts.items():
                name = f"{section}.{key}"
                assert name in dutch, f"{path.name}: {name} is no key of nl.yml"
                assert set(PLACEHOLDER.findall(str(text))) == set(PLACEHOLDER.findall(dutch[name])), f"{path.name}: {name}"


def test_served_scripts_carry_texts_not_keys():
    page_script = served(*ASSETS["assets/elearn/elearn.js"])
    assert '"Opnieuw proberen"' in page_script and "quiz.retry" not in page_script
    assert 'T("Vraag {n}.",{n:n})' in page_script  # a text with a value: T fills it in
    tool = served(ASSET_DIR / "klassikaal.js")
    assert '"Volledig scherm"' in tool and "classroom." not in tool


def test_a_placeholder_fills_in_and_other_braces_stay():
    t = Catalogue(DEFAULT)
    assert t("quiz.number", n=3) == "Vraag 3."
    assert t("quiz.check") == "Controleer"
    with pytest.raises(KeyError):
        t("quiz.number")  # a value the text needs and did not get: loud, not "{n}" on the page
    assert locale._format_string("{#anker} {n} {.klasse}") == "{{#anker}} {n} {{.klasse}}"


# --- another language ---------------------------------------------------------------------------

ENGLISH = """
quiz:
  check: Check
  retry: Try again
  number: "Question {n}."
home:
  paths: Learning paths
site:
  practice: Test yourself
certificate:
  print: Print the certificate
"""


@pytest.fixture
def english(tmp_path, monkeypatch):
    """A catalogue directory with nl.yml and a partial en.yml: what a translator adds."""
    folder = tmp_path / "locale"
    folder.mkdir()
    shutil.copy(locale.LOCALE_DIR / "nl.yml", folder / "nl.yml")
    (folder / "en.yml").write_text(ENGLISH, encoding="utf-8")
    monkeypatch.setattr(locale, "LOCALE_DIR", folder)
    locale.strings.cache_clear()
    locale.catalogue.cache_clear()
    yield folder
    locale.strings.cache_clear()
    locale.catalogue.cache_clear()


def test_the_site_language_chooses_the_catalogue(english):
    assert language("en") == "en" and language("en-GB") == "en" and language("en_US") == "en"
    assert language("nl") == "nl" and language("nl-BE") == "nl"
    assert language("de") == DEFAULT and language(None) == DEFAULT  # no catalogue: Dutch


def test_another_catalogue_changes_the_pages_the_quizzes_and_the_scripts(english):
    built = prepare(FIXTURES / "mini", lang="en")
    site = built.site
    home = site.markdown["index.md"]
    assert "## Learning paths" in home and "## Leerpaden" not in home
    step = site.markdown[site.uri_of("stap-een")]
    assert "## Test yourself" in step
    quiz = site.quiz_html(Directive(QUIZ, "oefen-stap-een"), "../bronnen/")
    assert ">Check</button>" in quiz and "Controleer" not in quiz
    assert '<span class="elearn-number">Question 1.</span>' in quiz
    assert "Zet de onderdelen in de juiste volgorde." in quiz  # a key en.yml leaves out stays Dutch
    page_script = served(*ASSETS["assets/elearn/elearn.js"], lang="en")
    assert '"Try again"' in page_script and "Opnieuw proberen" not in page_script
    assert '"Print the certificate"' in served(ASSET_DIR / "certificaat.js", lang="en")
    dutch = prepare(FIXTURES / "mini").site  # the default stays Dutch
    assert "## Leerpaden" in dutch.markdown["index.md"]


@pytest.mark.build
def test_theme_language_chooses_the_catalogue_of_the_whole_site(english, mini, tmp_path):
    edit(mini / "mkdocs.yml", "language: nl", "language: en")
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    assert "Learning paths</h2>" in (site / "index.html").read_text(encoding="utf-8")
    practice = (site / "oefenen" / "index.html").read_text(encoding="utf-8")
    assert ">Check</button>" in practice and ">Controleer</button>" not in practice
    script = (site / "assets" / "elearn" / "elearn.js").read_text(encoding="utf-8")
    assert '"Try again"' in script and '"Opnieuw proberen"' not in script
