"""Load a course from YAML and Markdown into the typed model.

Loading never stops at the first problem: every file is read, every error is
collected as a diagnostic with file, line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from ..course import CONTENT_FILES, FILE_ATTRS, SECTOR_DIR, SESSION_DIR, Course
from ..diagnostics import Diagnostic, Position, did_you_mean
from ..model import Node, SectorFile, SessionPlan, child_fields, dutch_key
from ..quiz.model import QuestionBank
from .files import find_files
from .markdown import load_markdown_pages
from .messages import describe, translate_error
from .yaml import YamlDocument, display_path, read_yaml

M = TypeVar("M", bound=Node)


def load_course(root: Path) -> tuple[Course, list[Diagnostic]]:
    root = Path(root)
    course = Course(root=root)
    diagnostics: list[Diagnostic] = []
    content = course.content_dir
    if not content.is_dir():
        diagnostics.append(
            Diagnostic(
                None,
                f"map '{display_path(content)}' bestaat niet",
                "start elearn in de map van de cursus (waar mkdocs.yml staat)",
            )
        )
        return course, diagnostics

    files = find_files(root)
    diagnostics += files.diagnostics
    for path in files.of(content, (".yml", ".yaml")):
        name = path.relative_to(content).as_posix()
        if name.startswith((SECTOR_DIR + "/", SESSION_DIR + "/")):
            continue  # loaded below, like the question banks
        model = CONTENT_FILES.get(name)
        if model is None:
            diagnostics.append(
                Diagnostic(
                    Position(display_path(path), 1, 1),
                    f"onbekend inhoudsbestand '{name}'",
                    did_you_mean(name, CONTENT_FILES)
                    or "bekende bestanden: " + ", ".join(CONTENT_FILES),
                )
            )
            continue
        obj, found = load_model(path, model)
        diagnostics += found
        if obj is not None:
            setattr(course, FILE_ATTRS[name], obj)

    for name in CONTENT_FILES:
        if not (content / name).exists():
            diagnostics.append(
                Diagnostic(
                    Position(display_path(content / name), 1, 1),
                    f"verplicht bestand '{name}' ontbreekt",
                    "maak het aan; `elearn schema` beschrijft welke velden erin horen",
                )
            )

    course.markdown_pages, found = load_markdown_pages(content, files.of(content, (".md",)))
    diagnostics += found

    course.sectors, course.sectors_complete, found = load_folder(files.of(content / SECTOR_DIR, (".yml",), False),
                                                                 SectorFile)
    diagnostics += found
    course.banks, course.banks_complete, found = load_folder(files.of(course.quiz_dir, (".yml",), False), QuestionBank)
    diagnostics += found
    course.sessions, _, found = load_folder(files.of(content / SESSION_DIR, (".yml",), False), SessionPlan)
    diagnostics += found
    return course, diagnostics


def load_folder(paths: list[Path], model: type[M]) -> tuple[list[M], bool, list[Diagnostic]]:
    """Every file of ``paths`` (one folder's ``*.yml``) as ``model``; complete is False when one failed."""
    loaded, complete, diagnostics = [], True, []
    for path in paths:
        obj, found = load_model(path, model)
        diagnostics += found
        if obj is None:
            complete = False
        else:
            loaded.append(obj)
    return loaded, complete, diagnostics


def load_model(path: Path, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    doc, diagnostics = read_yaml(path)
    if doc is None:
        return None, diagnostics
    obj, found = build_model(doc, model)
    return obj, diagnostics + found


def build_model(doc: YamlDocument, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    if not isinstance(doc.data, dict):
        return None, [
            Diagnostic(
                doc.position(()),
                f"verkeerd type: het bestand moet een blok met velden zijn, "
                f"gevonden {describe(doc.data)}",
                "begin met velden als 'id: ...' op de eerste regel, zonder '-' ervoor",
            )
        ]
    try:
        obj = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, [translate_error(err, doc, model) for err in exc.errors()]
    attach_positions(obj, (), doc)
    # The model holds the content now, and positions come from the text. Kept, the raw
    # data would double what the garbage collector walks for the rest of the build.
    doc.data = None
    return obj, []


def attach_positions(obj: Node, path: tuple, doc: YamlDocument) -> None:
    """Tell every object its document and path, so it can find its position later."""
    obj.set_provenance(doc, path)
    for name in child_fields(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, Node):
            attach_positions(value, path + (dutch_key(name),), doc)
        elif isinstance(value, list):
            key = dutch_key(name)
            for i, item in enumerate(value):
                if isinstance(item, Node):
                    attach_positions(item, path + (key, i), doc)
