"""The core outlives any one site generator, and its data flows one way.

- src/elearn never imports MkDocs or Material, and never runs MkDocs as a program: only the
  adapter drives MkDocs, and only the CLI may call the adapter.
- Validation imports nothing from rendering; the exporters depend on the model, the
  Markdown-text helpers and their own output, not on loading, rendering or the pages.
"""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "src" / "elearn"


def imports(path: Path) -> list[str]:
    """The modules ``path`` imports, absolute (``..quiz.model`` from validate/x.py is elearn.quiz.model)."""
    package = ["elearn", *path.relative_to(CORE).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found += [module] if node.module else [f"{module}.{a.name}" for a in node.names]
    return found


def core_modules():
    return sorted(CORE.rglob("*.py"))


def test_core_does_not_import_mkdocs():
    offenders = [f"{p.relative_to(CORE)}: {n}" for p in core_modules() for n in imports(p)
                 if n.split(".")[0] in ("mkdocs", "material")]
    assert offenders == []


def test_only_the_cli_calls_the_adapter():
    offenders = [f"{p.relative_to(CORE)}: {n}" for p in core_modules() for n in imports(p)
                 if n.split(".")[0] == "elearn_mkdocs" and p.name != "cli.py"]
    assert offenders == []


def test_core_never_runs_mkdocs_as_a_program():
    """An architecture that only checks imports misses `python -m mkdocs` in a subprocess."""
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        runs = any(n.split(".")[0] == "subprocess" for n in imports(path))
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        if runs or any(s in ("mkdocs", "properdocs") for s in strings):
            offenders.append(str(path.relative_to(CORE)))
    assert offenders == []


def test_validation_imports_nothing_from_rendering():
    offenders = [f"{p.relative_to(CORE)}: {n}" for p in (CORE / "validate").rglob("*.py") for n in imports(p)
                 if n.startswith(("elearn.render", "elearn.quiz.html", "elearn.publish", "elearn.export"))]
    assert offenders == []


def test_exporters_depend_on_the_model_the_text_helpers_and_output():
    allowed = ("elearn.course", "elearn.model", "elearn.quiz.model", "elearn.mdtext", "elearn.export",
               "elearn.publish.served")
    offenders = [f"{p.relative_to(CORE)}: {n}" for p in (CORE / "export").rglob("*.py") for n in imports(p)
                 if n.startswith("elearn") and not n.startswith(allowed)]
    assert offenders == []


def test_loading_knows_nothing_of_what_comes_after_it():
    later = ("elearn.validate", "elearn.render", "elearn.quiz.html", "elearn.quiz.plan", "elearn.publish",
             "elearn.export", "elearn.build", "elearn.site")
    offenders = [f"{p.relative_to(CORE)}: {n}" for p in (CORE / "load").rglob("*.py") for n in imports(p)
                 if n.startswith(later)]
    assert offenders == []
