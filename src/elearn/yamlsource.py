"""YAML with provenance: every value and key keeps its file, line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, Position

Path_ = tuple  # a path into the data: keys and list indices


@dataclass
class YamlDocument:
    file: str
    data: object
    value_pos: dict[Path_, Position] = field(default_factory=dict)
    key_pos: dict[Path_, Position] = field(default_factory=dict)

    def position(self, path: Path_) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.value_pos:
                return self.value_pos[path]
            path = path[:-1]
        return self.value_pos.get((), Position(self.file, 1, 1))


def display_path(path: Path) -> str:
    """A path as an author's editor and terminal want it: relative when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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


# libyaml's parser keeps the same marks and is about ten times faster; the pure
# Python loader is the fallback where PyYAML was built without it.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, shown: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [
                Diagnostic(
                    Position(shown, 1, 1),
                    "het bestand is leeg",
                    "vul het bestand in of verwijder het",
                )
            ]
        doc = YamlDocument(shown, None)
        diagnostics: list[Diagnostic] = []
        doc.data = _convert(node, (), loader, doc, diagnostics)
        return doc, diagnostics
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


def _mark(doc: YamlDocument, node: yaml.Node) -> Position:
    return Position(doc.file, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node, path, loader, doc: YamlDocument, diagnostics: list[Diagnostic]):
    doc.value_pos[path] = _mark(doc, node)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = doc.key_pos[path + (key,)]
                diagnostics.append(
                    Diagnostic(
                        _mark(doc, key_node),
                        f"veld '{key}' staat twee keer in hetzelfde blok",
                        f"het eerste staat op regel {first.line}; houd er één over",
                    )
                )
                continue
            doc.key_pos[path + (key,)] = _mark(doc, key_node)
            result[key] = _convert(value_node, path + (key,), loader, doc, diagnostics)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, path + (i,), loader, doc, diagnostics)
            for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
