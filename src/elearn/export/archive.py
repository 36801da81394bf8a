"""Writing what an export makes."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same input gives the same bytes


def write_atomically(path: Path, data: bytes) -> None:
    """Whole or not at all: a failed export never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".deel")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A zip of ``entries`` (name -> content) in the given order, the same bytes every time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
