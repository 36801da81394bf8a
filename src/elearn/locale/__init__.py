"""The site's UI text: one catalogue per language, ``locale/<lang>.yml``.

Every fixed word the site shows that is not course content comes from here: the page
templates, the quiz HTML written in Python, and the browser scripts (whose served code has
the texts in place of their keys: see ``publish.served``). A change of
wording touches the catalogue only; a translation is one new file beside ``nl.yml``.

A catalogue is two levels deep (``section: key: text``), read as flat keys ``section.key``.
``{name}`` in a text is a placeholder, filled in by the code that uses it; any other brace
(Markdown's ``{#anchor}``) stays as written. A text is inserted as it is written, like a
template's own text: Markdown on a generated page, HTML where Python writes HTML (the quiz
code escapes it there, see quiz/questions.py). Values put into placeholders are escaped by
the caller, as any course value is.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

LOCALE_DIR = Path(__file__).parent
# The language the site was written in: every key is there, and a translation that misses
# one falls back to it, so a partial translation still builds.
DEFAULT = "nl"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def languages() -> list[str]:
    """The languages that have a catalogue."""
    return sorted(p.stem for p in LOCALE_DIR.glob("*.yml"))


def language(requested: str | None) -> str:
    """The catalogue for a site in ``requested`` (mkdocs.yml's ``theme.language``, as
    "nl", "pt-BR"): its own, else the one of its base language, else the default."""
    have = languages()
    name = str(requested or "").replace("_", "-")
    for candidate in (name, name.split("-")[0]):
        if candidate in have:
            return candidate
    return DEFAULT


@functools.cache
def strings(lang: str = DEFAULT) -> dict[str, str]:
    """Every text of ``lang`` by its flat key, with the default's where ``lang`` has none."""
    found = _read(LOCALE_DIR / f"{lang}.yml")
    if lang == DEFAULT:
        return found
    return {key: found.get(key, text) for key, text in strings(DEFAULT).items()}


def _read(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as file:
        data = yaml.load(file, Loader=_Loader) or {}
    flat = {}
    for section, texts in data.items():
        for key, text in texts.items():
            # YAML reads an unquoted yes, no or 12 as no text at all: say so, rather than show "True".
            if not isinstance(text, str):
                raise ValueError(f"{path}: {section}.{key} is {text!r}, not a text: put it in quotes")
            flat[f"{section}.{key}"] = text
    return flat


class Catalogue:
    """The texts of one language, called as ``t("quiz.check")`` or ``t("quiz.number", n=3)``.

    ``transform`` is applied to each text once, before any value is put in (the quiz HTML
    escapes its texts that way). Texts are made into format strings once: the quiz code
    calls this for every question of a large course."""

    def __init__(self, lang: str = DEFAULT, transform=None):
        self.lang = lang
        texts = {key: transform(text) if transform else text for key, text in strings(lang).items()}
        self._formats = {key: _format_string(text) for key, text in texts.items()}
        # Only texts without placeholders can be had without values.
        self._plain = {key: text for key, text in texts.items() if not PLACEHOLDER.search(text)}
        self._numbers: dict[tuple[str, int], str] = {}

    def __call__(self, key: str, **values) -> str:
        try:
            return self._formats[key].format_map(values) if values else self._plain[key]
        except KeyError:
            if key not in self._formats:
                raise  # no such key
            needed = ", ".join(PLACEHOLDER.findall(self._formats[key]))
            raise KeyError(f"{key} needs {needed}; given: {', '.join(values) or 'nothing'}") from None

    def number(self, key: str, n: int) -> str:
        """The text of ``key`` with the number ``n`` in it, filled in once per number: a large
        course asks for "Vraag 3" or "Situatie 2" tens of thousands of times."""
        text = self._numbers.get((key, n))
        if text is None:
            text = self._numbers[key, n] = self(key, n=n)
        return text


def _format_string(text: str) -> str:
    """``text`` for str.format: its placeholders as fields, every other brace as itself."""
    parts = PLACEHOLDER.split(text)  # text, name, text, name, ...
    return "".join(part.replace("{", "{{").replace("}", "}}") if i % 2 == 0 else "{" + part + "}"
                   for i, part in enumerate(parts))


@functools.cache
def catalogue(lang: str = DEFAULT) -> Catalogue:
    return Catalogue(lang)
