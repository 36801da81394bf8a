"""JSON Schema per kind of YAML file, generated from the model (keys in Dutch)."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

from .course import CONTENT_FILES
from .model import Node, SectorFile, SessionPlan
from .quiz.model import QuestionBank

# Schema name -> model: one per kind of YAML file. Question banks share one schema.
SCHEMAS = {name.removesuffix(".yml"): model for name, model in CONTENT_FILES.items()} | {
    "vragenbank": QuestionBank,
    "sector": SectorFile,
    "sessie": SessionPlan,
}
WHERE = {"vragenbank": "quizzes/*.yml", "sector": "content/sectoren/*.yml", "sessie": "content/sessies/*.yml"}
# What each kind of file holds: the description of the whole document, for authors.
ABOUT = {
    "cursus": "De cursus: titel, inleiding, hulplijn, modules en leerpaden per doelgroep.",
    "bronnen": "Alle bronnen van de cursus, elk één keer; andere bestanden verwijzen ernaar met `bron: <id>`.",
    "begrippen": "De begrippenlijst.",
    "programma": "Het programma Geweld hoort nergens thuis: opdracht, ambitie, actielijnen met thema's en acties, "
    "indicatoren, kerncijfers en fasering.",
    "meldcode": "De meldcode: de wet, de vijf stappen, het afwegingskader, de kindcheck en de rollen.",
    "vragenbank": "Een vragenbank: vragen van zeven soorten, elk antwoord met feedback, en wat elke vraag toetst.",
    "sector": "De route van één sector: elk van de vijf stappen uitgewerkt, eigen regelingen en eigen bronnen.",
    "sessie": "Een sessieplan voor trainers: doel, doelgroep, duur en activiteiten die samen die duur vullen.",
}


def schema_documents() -> dict[str, str]:
    """File name of the schema -> its JSON text."""
    docs = {}
    docstrings = _docstrings()
    for stem, model in SCHEMAS.items():
        file_name = WHERE.get(stem, f"content/{stem}.yml")
        schema = model.model_json_schema(by_alias=True, mode="validation")
        # pydantic describes an object with its class's docstring: English, for programmers.
        # Authors read the Dutch descriptions of the fields instead, and of the file in ABOUT.
        for definition in schema.get("$defs", {}).values():
            if definition.get("description") == docstrings.get(definition.get("title")):
                definition.pop("description", None)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{stem}.schema.json",
            "title": f"elearn: {file_name}",
            **schema,
            "description": ABOUT[stem],
        }
        docs[f"{stem}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return docs


def _docstrings() -> dict[str, str]:
    """Class name -> cleaned docstring, for every model class that has one."""
    found, stack = {}, [Node]
    while stack:
        cls = stack.pop()
        if cls.__doc__:
            found[cls.__name__] = inspect.cleandoc(cls.__doc__)
        stack += cls.__subclasses__()
    return found


def write_schemas(out: Path, check_only: bool = False) -> list[str]:
    """Write the schemas; return the names that were missing or different."""
    stale = []
    for name, text in schema_documents().items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check_only:
                out.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
