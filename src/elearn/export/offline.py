"""The zip that runs from a USB stick: a site built for file://, packed."""

from __future__ import annotations

from pathlib import Path

from .archive import zip_bytes


def offline_zip(site_dir: Path) -> tuple[bytes, int]:
    """The built site in ``site_dir`` as a zip, and how many files it holds."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    return zip_bytes({p.relative_to(site_dir).as_posix(): p.read_bytes() for p in files}), len(files)
