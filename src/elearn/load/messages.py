"""pydantic's validation errors as an author reads them: in Dutch, at the key or value that is
wrong, with what to write instead."""

from __future__ import annotations

import datetime as _dt
import re
import types
import typing

from pydantic import BaseModel

from ..diagnostics import Diagnostic, did_you_mean
from ..model import dutch_key
from ..quiz.model import QUESTION_TYPES
from .yaml import YamlDocument

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
