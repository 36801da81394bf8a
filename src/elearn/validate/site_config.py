"""The site's own settings in mkdocs.yml that the course depends on.

A stylesheet or script in ``extra_css`` / ``extra_javascript`` from another server would be
loaded by every page: no request may leave the site (privacy, and offline it cannot work).
Said here, at its line in mkdocs.yml, before anything is built; the check of the built pages
(privacy.py) stays as the net for what no setting shows.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, Position
from ..load.yaml import display_path

_ELSEWHERE = ("http:", "https:", "//")


def check_extra_files(config_file: Path, settings: dict[str, list]) -> list[Diagnostic]:
    """``settings``: each extra-file setting (``extra_css``, ``extra_javascript``) with its list,
    as MkDocs read it (an entry may be a path, or a mapping with ``path``)."""
    lines = _lines(config_file)
    found = []
    for key, entries in settings.items():
        for entry in entries or []:
            url = str(entry.get("path", "") if isinstance(entry, dict) else getattr(entry, "path", entry))
            if not url.strip().lower().startswith(_ELSEWHERE):
                continue
            line, col = next(((n, row.index(url) + 1) for n, row in enumerate(lines, start=1) if url in row), (1, 1))
            found.append(Diagnostic(
                Position(display_path(config_file), line, col),
                f"{key} laadt '{url}' van een andere server; geen verzoek mag de site verlaten (privacy, en "
                "offline moet alles werken)",
                "zet het bestand in content/ (bijvoorbeeld content/extra.css) en noem het hier met dat pad",
            ))
    return found


def read_site_config(path: Path) -> dict:
    """mkdocs.yml as plain YAML, without MkDocs (which would start the plugins); tags such as
    !ENV stand for nothing here. Unreadable: empty, and MkDocs says why when it builds."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
