"""Load a course from YAML and Markdown into the typed model.

Loading never stops at the first problem: every file is read, every error is
collected as a diagnostic with file, line and column.
"""

from __future__ import annotations

import datetime as _dt
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, Position, did_you_mean
from .directive import Directive, parse_directive
from .model import (
    CourseFile,
    GlossaryFile,
    MeldcodeFile,
    Node,
    ProgrammeFile,
    SectorFile,
    SessionPlan,
    SourcesFile,
    child_fields,
    dutch_key,
)
from .quizmodel import QUESTION_TYPES, QuestionBank
from .yamlsource import YamlDocument, display_path, read_yaml

M = TypeVar("M", bound=Node)

SECTOR_DIR = "sectoren"  # content/sectoren/<sector>.yml: one route per sector
SESSION_DIR = "sessies"  # content/sessies/<plan>.yml: session plans for trainers

# File name in content/ -> the model that file holds.
CONTENT_FILES: dict[str, type[Node]] = {
    "cursus.yml": CourseFile,
    "bronnen.yml": SourcesFile,
    "begrippen.yml": GlossaryFile,
    "programma.yml": ProgrammeFile,
    "meldcode.yml": MeldcodeFile,
}


@dataclass
class MarkdownPage:
    """A hand-written page in content/, next to the generated ones."""

    id: str
    path: str  # relative to the content directory, with forward slashes
    title: str
    pos: Position
    directives: list[tuple[Directive, Position]] = field(default_factory=list)  # [[quiz: id]] and the like
    text: str = ""  # the Markdown as read, so no later step reads the file again


@dataclass
class Course:
    root: Path
    course: CourseFile | None = None
    sources: SourcesFile | None = None
    glossary: GlossaryFile | None = None
    programme: ProgrammeFile | None = None
    meldcode: MeldcodeFile | None = None
    markdown_pages: list[MarkdownPage] = field(default_factory=list)
    banks: list[QuestionBank] = field(default_factory=list)
    banks_complete: bool = True  # False when a bank failed to load
    sectors: list[SectorFile] = field(default_factory=list)
    sectors_complete: bool = True
    sessions: list[SessionPlan] = field(default_factory=list)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def quiz_dir(self) -> Path:
        return self.root / "quizzes"

    def all_sources(self) -> list:
        """The sources file's, then those each sector brings."""
        own = list(self.sources.sources) if self.sources else []
        return own + [s for sector in self.sectors for s in sector.sources]

    def questions(self) -> list:
        return [q for bank in self.banks for q in bank.questions]

    @property
    def complete(self) -> bool:
        return all(
            getattr(self, attr) is not None
            for attr in ("course", "sources", "glossary", "programme", "meldcode")
        )


_ATTR_FOR_FILE = {
    "cursus.yml": "course",
    "bronnen.yml": "sources",
    "begrippen.yml": "glossary",
    "programma.yml": "programme",
    "meldcode.yml": "meldcode",
}


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

    for path in sorted(content.rglob("*.yml")) + sorted(content.rglob("*.yaml")):
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
            setattr(course, _ATTR_FOR_FILE[name], obj)

    for name in CONTENT_FILES:
        if not (content / name).exists():
            diagnostics.append(
                Diagnostic(
                    Position(display_path(content / name), 1, 1),
                    f"verplicht bestand '{name}' ontbreekt",
                    "maak het aan; `elearn schema` beschrijft welke velden erin horen",
                )
            )

    course.markdown_pages, found = load_markdown_pages(content)
    diagnostics += found

    course.sectors, course.sectors_complete, found = load_folder(content / SECTOR_DIR, SectorFile)
    diagnostics += found
    course.banks, course.banks_complete, found = load_folder(course.quiz_dir, QuestionBank)
    diagnostics += found
    course.sessions, _, found = load_folder(content / SESSION_DIR, SessionPlan)
    diagnostics += found
    return course, diagnostics


def load_folder(folder: Path, model: type[M]) -> tuple[list[M], bool, list[Diagnostic]]:
    """Every ``*.yml`` in ``folder`` as ``model``; complete is False when one failed."""
    loaded, complete, diagnostics = [], True, []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
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


# --- pydantic errors in Dutch ----------------------------------------------

_TYPE_NAMES = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "bool_type": "ja/nee (true of false)",
    "bool_parsing": "ja/nee (true of false)",
    "list_type": "een lijst (regels die met '-' beginnen)",
    "model_type": "een blok met velden",
    "dict_type": "een blok met velden",
    "model_attributes_type": "een blok met velden",
}


def describe(value: object) -> str:
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return f"ja/nee-waarde '{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"getal {value}"
    if isinstance(value, str):
        return f"tekst '{value[:40]}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"datum {value} (zet hem tussen aanhalingstekens als het tekst is)"
    return type(value).__name__


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that sits at ``loc`` inside ``model`` (keys are Dutch).

    ``loc`` is pydantic's: it names the chosen member of a tagged union by its tag.
    """
    current: object = model
    for part in loc:
        members = _union_members(current)
        if members and isinstance(part, str):
            current = next((m for m in members if _tag_of(m) == part), None)
            continue
        if isinstance(part, int):
            current = _item_type(current)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        by_alias = {dutch_key(n): f for n, f in current.model_fields.items()}
        if part not in by_alias:
            return None
        current = _strip_optional(by_alias[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp):
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _union_members(tp) -> list:
    tp = _unwrap(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return []


def _tag_of(member) -> str | None:
    field = getattr(member, "model_fields", {}).get("type")
    args = typing.get_args(field.annotation) if field else ()
    return args[0] if args else None


def _strip_optional(tp):
    members = _union_members(tp)
    return _unwrap(members[0]) if len(members) == 1 else _unwrap(tp)


def _item_type(tp):
    tp = _strip_optional(tp)
    if typing.get_origin(tp) is list:
        return _unwrap(typing.get_args(tp)[0])
    return None


def data_path(doc: YamlDocument, loc: tuple) -> tuple:
    """pydantic's ``loc`` as a path into the YAML data: union tags dropped."""
    path: list = []
    current = doc.data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and part not in current and i < len(loc) - 1:
            continue  # a union tag, not a key
        path.append(part)
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(path)


def allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    target = model_at(model, loc)
    if target is None:
        return []
    return [dutch_key(n) for n in target.model_fields]


def translate_error(err: dict, doc: YamlDocument, model: type[BaseModel]) -> Diagnostic:
    model_loc = tuple(err["loc"])
    loc = data_path(doc, model_loc)
    kind = err["type"]
    ctx = err.get("ctx", {})
    value = err.get("input")
    key = next((p for p in reversed(loc) if isinstance(p, str)), None)
    field_name = f"'{key}'" if key else "het bestand"

    if kind == "missing":
        return Diagnostic(
            doc.position(loc[:-1]),
            f"verplicht veld '{key}' ontbreekt",
            f"voeg '{key}: ...' toe aan dit blok",
        )
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, model_loc[:-1])
        hint = did_you_mean(key, allowed) or (
            "toegestane velden: " + ", ".join(allowed) if allowed else None
        )
        return Diagnostic(doc.key_pos.get(loc, doc.position(loc)), f"onbekend veld '{key}'", hint)

    pos = doc.position(loc)
    if kind == "union_tag_invalid":
        return Diagnostic(
            doc.position(loc + ("type",)),
            f"onbekend vraagtype '{ctx.get('tag')}'",
            did_you_mean(str(ctx.get("tag")), QUESTION_TYPES)
            or "kies uit " + ", ".join(QUESTION_TYPES),
        )
    if kind == "union_tag_not_found":
        return Diagnostic(
            pos, "verplicht veld 'type' ontbreekt", "kies uit " + ", ".join(QUESTION_TYPES)
        )
    if kind in _TYPE_NAMES:
        if value is None:
            return Diagnostic(
                pos, f"veld {field_name} heeft geen waarde", "vul een waarde in of laat het veld weg"
            )
        return Diagnostic(
            pos,
            f"verkeerd type voor {field_name}: verwacht {_TYPE_NAMES[kind]}, "
            f"gevonden {describe(value)}",
        )
    if kind == "string_pattern_mismatch":
        if "https?" in str(ctx.get("pattern", "")):
            return Diagnostic(
                pos, f"'{value}' is geen geldige webadres", "begin met http:// of https://"
            )
        suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        return Diagnostic(
            pos,
            f"'{value}' is geen geldige id voor {field_name}",
            f"gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld '{suggestion}'",
        )
    if kind == "string_too_short":
        return Diagnostic(pos, f"veld {field_name} is leeg", "vul tekst in of laat het veld weg")
    if kind == "too_short":
        return Diagnostic(
            pos,
            f"{field_name} moet minstens {ctx.get('min_length')} item(s) bevatten, "
            f"gevonden {ctx.get('actual_length')}",
        )
    if kind == "too_long":
        return Diagnostic(
            pos,
            f"{field_name} mag hoogstens {ctx.get('max_length')} item(s) bevatten, "
            f"gevonden {ctx.get('actual_length')}",
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "minstens" if kind == "greater_than_equal" else "hoogstens"
        return Diagnostic(pos, f"{field_name} moet {word} {bound} zijn, gevonden {value}")
    if kind == "literal_error":
        return Diagnostic(
            pos,
            f"'{value}' is geen geldige waarde voor {field_name}",
            "kies uit " + str(ctx.get("expected")).replace(" or ", " of "),
        )
    return Diagnostic(pos, f"ongeldige waarde voor {field_name}: {err['msg']}")


# --- hand-written Markdown pages --------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


def load_markdown_pages(content: Path) -> tuple[list[MarkdownPage], list[Diagnostic]]:
    pages: list[MarkdownPage] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        shown = display_path(path)
        text = path.read_text(encoding="utf-8")
        meta: dict = {}
        match = _FRONT_MATTER.match(text)
        if match:
            try:
                meta = yaml.safe_load(match.group(1)) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                diagnostics.append(
                    Diagnostic(
                        Position(shown, (mark.line + 2) if mark else 1, (mark.column + 1) if mark else 1),
                        "YAML-syntaxfout in de kop (front matter) van deze pagina",
                    )
                )
                meta = {}
        page_id = str(meta.get("id") or rel.removesuffix(".md").replace("/", "-"))
        heading = _HEADING.search(text)
        title = str(meta.get("title") or (heading.group(1).strip() if heading else page_id))
        directives = [
            (directive, Position(shown, number, 1))
            for number, line in enumerate(text.splitlines(), start=1)
            if "[[" in line and (directive := parse_directive(line))
        ]
        pages.append(MarkdownPage(page_id, rel, title, Position(shown, 1, 1), directives, text))
    return pages, diagnostics
