"""JSON Schema per kind of YAML file, generated from the model (keys in Dutch)."""

from __future__ import annotations

import json
from pathlib import Path

from .course import CONTENT_FILES
from .model import SectorFile, SessionPlan
from .quiz.model import QuestionBank

# Schema name -> model: one per kind of YAML file. Question banks share one schema.
SCHEMAS = {name.removesuffix(".yml"): model for name, model in CONTENT_FILES.items()} | {
    "vragenbank": QuestionBank,
    "sector": SectorFile,
    "sessie": SessionPlan,
}
WHERE = {"vragenbank": "quizzes/*.yml", "sector": "content/sectoren/*.yml", "sessie": "content/sessies/*.yml"}


def schema_documents() -> dict[str, str]:
    """File name of the schema -> its JSON text."""
    docs = {}
    for stem, model in SCHEMAS.items():
        file_name = WHERE.get(stem, f"content/{stem}.yml")
        schema = model.model_json_schema(by_alias=True, mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{stem}.schema.json",
            "title": f"elearn: {file_name}",
            **schema,
        }
        docs[f"{stem}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return docs


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
