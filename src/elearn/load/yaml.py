"""YAML with provenance: every value and key can tell its file, line and column.

Loading is the fast path every build takes: the parser's events become plain data
directly. Positions are only looked up when a diagnostic needs one, so a node tree
with positions is composed only for a file that has a problem.
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

Path_ = tuple  # a path into the data: keys and list indices


class YamlDocument:
    def __init__(self, file: str, text: str, data: object):
        self.file = file
        self.text = text
        self.data = data
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
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [
            Diagnostic(
                Position(shown, 1, 1),
                f"het bestand is geen geldige UTF-8-tekst ({exc.reason})",
                "sla het bestand op als UTF-8",
            )
        ]
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    loader = _Loader(text)
    try:
        builder = _Builder(loader)
        data = builder.document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "onbekend probleem"
        return None, [
            Diagnostic(
                Position(shown, line, col),
                f"YAML-syntaxfout: {problem}",
                "controleer inspringing, dubbele punten en aanhalingstekens op deze regel "
                "en de regel erboven",
            )
        ]
    finally:
        loader.dispose()
    if data is None:
        return None, [
            Diagnostic(Position(shown, 1, 1), "het bestand is leeg", "vul het bestand in of verwijder het")
        ]
    diagnostics = [
        Diagnostic(
            Position(shown, mark.line + 1, mark.column + 1),
            f"veld '{key}' staat twee keer in hetzelfde blok",
            f"het eerste staat op regel {first.line + 1}; houd er één over",
        )
        for key, mark, first in builder.duplicates
    ]
    return YamlDocument(shown, text, data), diagnostics


_STR = "tag:yaml.org,2002:str"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where PyYAML has it


def _key(node: yaml.Node, loader) -> str:
    # Keys are field names: always text, also when YAML reads them as a number or yes/no.
    return node.value if node.tag == _STR else str(loader.construct_object(node, deep=True))


class _Builder:
    """Plain Python data straight from the parser's events.

    Composing a node tree first (what PyYAML's loaders do) allocates a node and two
    marks per value and keeps them all alive until the document is done, which costs
    time and work for the garbage collector; events are dropped as soon as they are
    read. Like the composer, it notes what YAML itself skips: the same key twice in
    one block (the first one counts).
    """

    def __init__(self, loader):
        self.loader = loader
        self.next = loader.get_event
        self.anchors: dict[str, object] = {}
        self.duplicates: list[tuple[str, yaml.Mark, yaml.Mark]] = []
        # First characters for which the loader has implicit types (PyYAML keys them so).
        self.typed_starts = frozenset(loader.yaml_implicit_resolvers)

    def document(self) -> object:
        self.next()  # stream start
        event = self.next()
        if type(event) is StreamEndEvent:
            return None
        data = self.value(self.next())
        self.next()  # document end
        after = self.next()
        if type(after) is not StreamEndEvent:
            raise ComposerError(
                "expected a single document in the stream", event.start_mark,
                "but found another document", after.start_mark,
            )
        return data

    def scalar(self, event) -> object:
        tag = event.tag
        if tag is None:
            # What the resolver would say, without calling it for most values: a quoted
            # value is text, and so is a plain one whose first character starts no
            # number, yes/no, null or date.
            if not event.implicit[0] or event.value[:1] not in self.typed_starts:
                return event.value
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        # Numbers, yes/no, dates, null: PyYAML's own constructors, from a node of one value.
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.loader.construct_object(node, deep=True)

    def value(self, event) -> object:
        kind = type(event)
        if kind is ScalarEvent:
            value = self.scalar(event)
        elif kind is MappingStartEvent:
            value = {}
            first: dict[str, yaml.Mark] = {}
            while type(key_event := self.next()) is not MappingEndEvent:
                if type(key_event) is ScalarEvent:
                    key = self.scalar(key_event)
                    key = key if type(key) is str else str(key)  # a field name, also when YAML reads 1 or yes
                else:
                    key = str(self.value(key_event))
                item = self.value(self.next())
                if key in value:
                    self.duplicates.append((key, key_event.start_mark, first[key]))
                    continue
                first[key] = key_event.start_mark
                value[key] = item
        elif kind is SequenceStartEvent:
            value = []
            while type(item_event := self.next()) is not SequenceEndEvent:
                value.append(self.value(item_event))
        elif kind is AliasEvent:
            # Registered once complete: an alias inside its own anchor is undefined here.
            if event.anchor not in self.anchors:
                raise ComposerError(None, None, "found undefined alias", event.start_mark)
            return self.anchors[event.anchor]
        else:
            raise ComposerError(None, None, f"unexpected {kind.__name__}", event.start_mark)
        if event.anchor is not None:
            self.anchors[event.anchor] = value
        return value


def _index(doc: YamlDocument) -> None:
    """Compose the text again and note where every value and key starts."""
    loader = _Loader(doc.text)
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
                child = path + (_key(key_node, loader),)
                if child in doc._key_pos:
                    continue  # a duplicate: the first one counts
                doc._key_pos[child] = Position(doc.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                stack.append((child, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((path + (i,), item) for i, item in enumerate(node.value))
