"""The zip that runs from a USB stick: the site built for file:// and packed.

MkDocs is run as a program, not imported: the core stays free of it. The variant
differs from the hosted site only in what file:// needs: no directory URLs, and
Material's offline plugin for search (see the elearn plugin for its shim).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from .archive import write_atomically, zip_bytes



class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plugin list; MkDocs' own tags (!ENV, !relative) are kept as None."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def offline_config(config_file: Path, site_dir: Path) -> str:
    parent = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    plugins = list(parent.get("plugins") or ["search"])
    names = {p if isinstance(p, str) else next(iter(p)) for p in plugins}
    if not names & {"offline", "material/offline"}:
        plugins.append("offline")
    return yaml.safe_dump(
        {"INHERIT": config_file.name, "use_directory_urls": False, "site_dir": str(site_dir), "plugins": plugins},
        allow_unicode=True,
        sort_keys=False,
    )


def build_offline(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    # Next to mkdocs.yml, so that its relative paths (docs_dir, custom_dir) mean the same.
    variant = config_file.parent / ".elearn-offline.yml"
    variant.write_text(offline_config(config_file, site_dir), encoding="utf-8")
    try:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-f", str(variant)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    finally:
        variant.unlink(missing_ok=True)


def write_zip(site_dir: Path, output: Path) -> int:
    """Pack the site; the zip appears whole or not at all."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    write_atomically(output, zip_bytes({p.relative_to(site_dir).as_posix(): p.read_bytes() for p in files}))
    return len(files)


def export_offline(config_file: Path, output: Path) -> tuple[int, str]:
    """Returns the number of files packed, or raises RuntimeError with MkDocs' own words."""
    with tempfile.TemporaryDirectory(prefix="elearn-offline-") as tmp:
        site = Path(tmp) / "site"
        result = build_offline(config_file, site)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.strip() or result.stdout.strip())
        return write_zip(site, output), result.stderr
