"""Offline, hosted: the service worker's precache list and the web manifest.

Both are made from the built site itself, after MkDocs has written it: the list
holds every page and asset there is, and its version is a hash of all of them.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from .assets import PACKAGE, served

SKIP_SUFFIXES = (".map", ".gz")  # source maps and the compressed sitemap: never needed offline
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"


@dataclass
class Precache:
    urls: list[str]
    bytes: int
    pages: int
    version: str


def precache(site: Path) -> Precache:
    urls, digest, size, pages = [], hashlib.sha256(), 0, 0
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel == WORKER or rel.endswith(SKIP_SUFFIXES):
            continue
        data = path.read_bytes()
        digest.update(rel.encode() + b"\0" + data)
        size += len(data)
        if rel.endswith(".html"):
            pages += 1
        # Pages are asked for by their directory when directory URLs are on.
        urls.append(rel[: -len("index.html")] or "./" if rel.endswith("index.html") else rel)
    return Precache(urls, size, pages, digest.hexdigest()[:16])


def service_worker(cache: Precache) -> str:
    template = served(PACKAGE / "assets" / "sw.js")
    return template.replace("__ELEARN_VERSION__", cache.version).replace(
        "__ELEARN_URLS__", json.dumps(cache.urls, ensure_ascii=False)
    )


def web_manifest(name: str, short_name: str, description: str, colour: str) -> str:
    return json.dumps(
        {
            "name": name,
            "short_name": short_name,
            "description": description,
            "lang": "nl",
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
