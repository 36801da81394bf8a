"""The core outlives any one site generator: src/elearn never imports MkDocs."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "src" / "elearn"


def test_core_does_not_import_mkdocs():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []
