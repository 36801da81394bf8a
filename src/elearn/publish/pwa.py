"""Offline, hosted: the service worker's precache list and the web manifest.

Both are made from the built site itself, after MkDocs has written it: the list
holds every page and asset there is, and its version is a hash of all of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from .served import PACKAGE, served

SKIP_SUFFIXES = (".map", ".gz")  # source maps and the compressed sitemap: never needed offline
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"


@dataclass
class Precache:
    urls: list[str]
    bytes: int
    pages: int
    version: str


def precache(site: Path, extra: dict[str, bytes] | None = None) -> Precache:
    """Every page and asset of the built site in ``site``, with ``extra`` (path -> content):
    files that will be written beside them."""
    extra = extra or {}
    urls, digest, size, pages = [], hashlib.sha256(), 0, 0
    names = set(_files_below(str(site))) | set(extra)
    for rel in sorted(names, key=lambda rel: rel.split("/")):  # folder by folder
        if rel == WORKER or rel.endswith(SKIP_SUFFIXES):
            continue
        if rel in extra:
            data = extra[rel]
        else:
            with open(os.path.join(site, rel), "rb") as file:
                data = file.read()
        # The version only has to change when any file does: a CRC-32 per file (three
        # times as fast as SHA-256 over every byte) with its length, then SHA-256 over those.
        digest.update(b"%s\0%d\0%d\0" % (rel.encode(), len(data), zlib.crc32(data)))
        size += len(data)
        if rel.endswith(".html"):
            pages += 1
        # Pages are asked for by their directory when directory URLs are on.
        urls.append(rel[: -len("index.html")] or "./" if rel.endswith("index.html") else rel)
    return Precache(urls, size, pages, digest.hexdigest()[:16])


def _files_below(root: str, prefix: str = "") -> list[str]:
    """Every file below ``root``, as a path with forward slashes relative to it."""
    found = []
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.is_dir():
                found += _files_below(entry.path, prefix + entry.name + "/")
            elif entry.is_file():
                found.append(prefix + entry.name)
    return found


def service_worker(cache: Precache) -> str:
    template = served(PACKAGE / "assets" / "sw.js")
    return template.replace("__ELEARN_VERSION__", cache.version).replace(
        "__ELEARN_URLS__", json.dumps(cache.urls, ensure_ascii=False)
    )


def web_manifest(name: str, short_name: str, description: str, colour: str, lang: str) -> str:
    return json.dumps(
        {
            "name": name,
            "short_name": short_name,
            "description": description,
            "lang": lang,  # theme.language in mkdocs.yml, as on every page
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": colour,
            "background_color": "#ffffff",
            "icons": [
                {"src": f"assets/elearn/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
                for size in (192, 512)
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def icon_png(size: int, colour: tuple[int, int, int]) -> bytes:
    """A plain square icon in the course colour with a light inner square: no image library needed."""
    edge = size // 4
    plain = b"\0" + bytes(colour) * size
    framed = b"\0" + bytes(colour) * edge + b"\xff\xff\xff" * (size - 2 * edge) + bytes(colour) * edge
    rows = b"".join(framed if edge <= y < size - edge else plain for y in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
