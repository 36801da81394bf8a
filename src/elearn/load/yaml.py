"""YAML with provenance: every value and key can tell its file, line and column.

The language is exactly what ``yaml.safe_load`` reads (tests/test_load.py compares the two
over every course file, a set of edge cases and thousands of mangled files). Three readers,
the first that can: ``blockyaml`` reads the plain block YAML course files are written in, line
by line; libyaml's events become plain data directly, with PyYAML's own resolver and
constructors for every scalar; a document that uses more of YAML than content files need (a
tag such as ``!!set``, a merge key ``<<: *anker``, a block as a key) is built by PyYAML's
constructor, so it means there what it means to ``safe_load``. The same key twice in one
block is reported, where YAML itself would silently keep the last one.

Positions are only looked up when a diagnostic needs one: the file is then read and composed
again, so no text or node tree is kept for a file without problems.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, \
    SequenceStartEvent, StreamEndEvent

from ..diagnostics import Diagnostic, Position
from . import blockyaml

Path_ = tuple  # a path into the data: keys and list indices


class YamlDocument:
    """One YAML file's data, and where in the file each part of it stands."""

    def __init__(self, file: str, data: object, source: Path | None = None, text: str | None = None):
        self.file = file  # as an author's editor and terminal want it
        self.data = data
        self._source = source  # read again for positions; or the text itself, for a text without a file
        self._text = text
        self._value_pos: dict[Path_, Position] = {}
        self._key_pos: dict[Path_, Position] = {}

    @property
    def value_pos(self) -> dict[Path_, Position]:
        if not self._value_pos:
            _index(self)
        return self._value_pos

    @property
    def key_pos(self) -> dict[Path_, Position]:
        if not self._value_pos:
            _index(self)
        return self._key_pos

    def text(self) -> str:
        return self._text if self._text is not None else self._source.read_text(encoding="utf-8-sig")

    def position(self, path: Path_) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        positions = self.value_pos
        path = tuple(path)
        while path:
            if path in positions:
                return positions[path]
            path = path[:-1]
        return positions.get((), Position(self.file, 1, 1))


def display_path(path: Path) -> str:
    """A path as an author's editor and terminal want it: relative when possible."""
    # relpath is slow and a course has hundreds of files in a few folders: one per folder.
    absolute, cwd = os.path.abspath(path), os.getcwd()
    if absolute == cwd:
        return "."
    folder, name = os.path.split(absolute)
    return os.path.join(_display_dir(folder, cwd), name)


@functools.lru_cache(maxsize=64)
def _display_dir(folder: str, cwd: str) -> str:
    relative = os.path.relpath(folder, cwd)
    if relative.startswith(".."):
        return folder
    return "" if relative == "." else relative


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Diagnostic]]:
    shown = display_path(path)
    try:
        # utf-8-sig: an editor's byte order mark is no part of the text.
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            Diagnostic(
                Position(shown, 1, 1),
                f"het bestand is geen geldige UTF-8-tekst ({exc.reason} bij byte {exc.start})",
                "sla het bestand op als UTF-8 (in de meeste editors: Opslaan als, codering UTF-8)",
            )
        ]
    except OSError as exc:
        return None, [Diagnostic(Position(shown, 1, 1), f"het bestand kan niet worden gelezen ({exc.strerror})",
                                 "controleer of het bestand bestaat en leesbaar is")]
    return parse_yaml(text, shown, source=path)


def parse_yaml(text: str, shown: str, source: Path | None = None) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """The data of one YAML document; ``source``: the file it was read from, read again only
    for positions (without one, the text is kept for them)."""
    try:
        try:
            data, duplicates = blockyaml.read(text), []
        except blockyaml.Unsupported:
            try:
                data, duplicates = _Builder(text).document()
            except _Unusual:
                data, duplicates = _constructed(text)
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_error(exc, shown)]
    if data is None:
        return None, [
            Diagnostic(Position(shown, 1, 1), "het bestand is leeg", "vul het bestand in of verwijder het")
        ]
    diagnostics = [
        Diagnostic(
            Position(shown, mark.line + 1, mark.column + 1),
            f"veld '{key}' staat twee keer in hetzelfde blok",
            f"het eerste staat op regel {first.line + 1}; houd er één over (YAML zou stil het laatste nemen)",
        )
        for key, mark, first in duplicates
    ]
    return YamlDocument(shown, data, source, None if source else text), diagnostics


def syntax_error(exc: yaml.MarkedYAMLError, shown: str) -> Diagnostic:
    """A syntax error where the author has to look: where the problem starts (the opening quote
    of a string that never closes, the block that a line breaks), saying where it showed."""
    found = exc.problem_mark
    start = exc.context_mark if exc.context in _STARTS_THERE else None
    mark = start or found or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = _DUTCH.get(exc.problem, exc.problem) or _DUTCH.get(exc.context, exc.context) or "onbekend probleem"
    context = f" ({_DUTCH.get(exc.context, exc.context)})" if exc.context and exc.problem else ""
    where = f"; dat bleek op regel {found.line + 1}, kolom {found.column + 1}" if start and found and found.line != start.line else ""
    return Diagnostic(
        Position(shown, line, col),
        f"YAML-syntaxfout: {problem}{context}{where}",
        _TIPS.get(exc.context) or _TIPS.get(exc.problem) or
        "controleer inspringing, dubbele punten en aanhalingstekens op deze regel en de regel erboven",
    )


# Contexts whose mark is where the problem starts: an opening quote or bracket that never
# closes, a key without its colon. (A block mapping's mark is where the block begins, often far
# above the line that breaks it: there the problem's own mark is the place to look.)
_STARTS_THERE = {
    "while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping",
    "while scanning a simple key", "while scanning a flow collection",
}
# Ours: a plain value that PyYAML's resolver takes for a number or date its constructor cannot
# make (0x_, 2001-02-30); safe_load raises a bare ValueError there.
_NOT_A_VALUE = "found a number or date that cannot be"
# PyYAML's words for the problems an author meets most, in Dutch.
_DUTCH = {
    "while scanning a quoted scalar": "een tekst tussen aanhalingstekens",
    "while parsing a flow sequence": "een lijst tussen [ ]",
    "while parsing a flow mapping": "een blok tussen { }",
    "did not find expected ',' or ']'": "de lijst tussen [ ] wordt niet gesloten",
    "did not find expected ',' or '}'": "het blok tussen { } wordt niet gesloten",
    "found unexpected end of stream": "het bestand houdt op voordat het afsluitende aanhalingsteken komt",
    "while parsing a block mapping": "in een blok met velden",
    "expected <block end>, but found '<block mapping start>'": "de inspringing klopt niet",
    "expected <block end>, but found '<block sequence start>'": "de inspringing van de lijst klopt niet",
    "mapping values are not allowed here": "hier mag geen dubbele punt staan",
    "while scanning a simple key": "bij een veldnaam",
    "could not find expected ':'": "er ontbreekt een dubbele punt",
    "found character '\\t' that cannot start any token": "er staat een tab; YAML springt alleen in met spaties",
    "found undefined alias": "deze verwijzing (*naam) verwijst naar een anker (&naam) dat niet bestaat",
    "expected a single document in the stream": "het bestand bevat meer dan één document (---)",
    _NOT_A_VALUE: "dit lijkt een getal of datum, maar is het niet",
}
_TIPS = {
    _NOT_A_VALUE: "verbeter het getal of de datum (bestaat de dag?), of zet de waarde tussen aanhalingstekens als "
                  "het tekst is",
    "while scanning a quoted scalar": "sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint, "
                                      "of zet hem tussen enkele aanhalingstekens als er dubbele in staan",
    "found character '\\t' that cannot start any token": "vervang de tab door spaties",
    "while parsing a flow sequence": "sluit de lijst met ], of zet de tekst tussen aanhalingstekens als de [ bij "
                                     "de tekst hoort",
    "mapping values are not allowed here": "staat er een dubbele punt in de tekst? zet de tekst dan tussen "
                                           "aanhalingstekens, of gebruik '>-' en zet de tekst op de regel eronder",
}


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where PyYAML has it


class _Unusual(Exception):
    """The document uses more of YAML than the fast path builds: PyYAML's constructor builds it."""


class _Builder:
    """Plain Python data straight from the parser's events.

    Composing a node tree first (what PyYAML's loaders do) allocates a node and two marks per
    value and keeps them all alive until the document is done; events are dropped as soon as
    they are read. Scalars are resolved and constructed by PyYAML itself, so they mean what
    they mean to ``safe_load``.
    """

    def __init__(self, text: str):
        self.loader = _Loader(text)
        self.next = self.loader.get_event
        self.anchors: dict[str, object] = {}
        self.duplicates: list[tuple[object, yaml.Mark, yaml.Mark]] = []

    def document(self) -> tuple[object, list]:
        try:
            self.next()  # stream start
            event = self.next()
            if type(event) is StreamEndEvent:
                return None, []
            data = self.value(self.next())
            self.next()  # document end
            after = self.next()
            if type(after) is not StreamEndEvent:
                raise ComposerError("expected a single document in the stream", event.start_mark,
                                    "but found another document", after.start_mark)
            return data, self.duplicates
        finally:
            self.loader.dispose()

    def scalar(self, event) -> object:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        else:
            raise _Unusual  # an explicit tag: !!str, !!binary, a tag of one's own
        if tag == _STR:
            return event.value
        if tag == _MERGE:
            raise _Unusual
        # Numbers, yes/no, dates, null: PyYAML's own constructors, from a node of one value.
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:  # 0x_, 2001-02-30: looks like a number or a date, is neither
            # The value as context: the author reads which one, beside the Dutch problem and its tip.
            raise yaml.constructor.ConstructorError(f"'{event.value}'", None, _NOT_A_VALUE, event.start_mark) from None

    def value(self, event) -> object:
        """The value that starts with ``event``: built in one loop over the events, without a
        call per value (a course of 10,000 questions has a quarter of a million of them)."""
        next_event, anchors = self.next, self.anchors
        stack: list[list] = []  # open blocks and lists: [container, anchor, key or _NO_KEY, key mark, first marks]
        while True:
            kind = type(event)
            if kind is ScalarEvent:
                value = event.value
                if event.tag is not None:
                    value = self.scalar(event)
                elif event.implicit[0]:  # plain, not quoted
                    try:
                        value = blockyaml.plain_value(value)
                    except blockyaml.Unsupported:
                        value = self.scalar(event)  # a merge key, the '=' value
                if event.anchor is not None:
                    anchors[event.anchor] = value
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.tag is not None and event.tag != "!":
                    raise _Unusual  # !!set, !!omap, ...
                if kind is MappingStartEvent:
                    stack.append([{}, event.anchor, _NO_KEY, None, {}])
                else:
                    stack.append([[], event.anchor, None, None, None])
                event = next_event()
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value, anchor = stack.pop()[:2]
                # Registered once complete: an alias inside its own anchor is undefined here.
                if anchor is not None:
                    anchors[anchor] = value
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise ComposerError(None, None, "found undefined alias", event.start_mark)
                value = anchors[event.anchor]
            else:
                raise ComposerError(None, None, f"unexpected {kind.__name__}", event.start_mark)
            if not stack:
                return value
            frame = stack[-1]
            container = frame[0]
            if frame[4] is None:
                container.append(value)
            elif frame[2] is _NO_KEY:
                if kind is not ScalarEvent:
                    raise _Unusual  # a block or a list as a key
                frame[2], frame[3] = value, event.start_mark
            else:
                key = frame[2]
                if key in container:
                    self.duplicates.append((key, frame[3], frame[4].get(key)))
                frame[4][key] = frame[3]
                container[key] = value  # the last one counts, as in YAML itself
                frame[2] = _NO_KEY
            event = next_event()


_NO_KEY = object()  # a block whose next scalar is a key


class _Constructing(_Loader):
    """``safe_load``'s own loader, noting the same key twice in one block (merged keys aside)."""

    def __init__(self, text):
        super().__init__(text)
        self.duplicates: list[tuple[object, yaml.Mark, yaml.Mark]] = []

    def construct_mapping(self, node, deep=False):
        first: dict[object, yaml.Mark] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = self.construct_object(key_node, deep=True)
            if key in first:
                self.duplicates.append((key, key_node.start_mark, first[key]))
            first[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


def _constructed(text: str) -> tuple[object, list]:
    loader = _Constructing(text)
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def _key(node: yaml.Node, loader) -> object:
    return node.value if node.tag == _STR else loader.construct_object(node, deep=True)


def _index(doc: YamlDocument) -> None:
    """Compose the text again and note where every value and key starts."""
    loader = _Loader(doc.text())
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    stack = [((), root)]
    while stack:
        path, node = stack.pop()
        doc._value_pos[path] = Position(doc.file, node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                child = path + (_key(key_node, loader),)
                doc._key_pos[child] = Position(doc.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                stack.append((child, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((path + (i,), item) for i, item in enumerate(node.value))
