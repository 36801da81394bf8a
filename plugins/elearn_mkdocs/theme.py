"""What the course's own theme settings say, for what we make beside Material's pages: the
theme colour of the browser bar and the app icons, and the language of the web manifest.

Material defines its palette colours in its own stylesheet; they are read from there, so a
colour is always the one Material shows, in every version.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

DEFAULT_PRIMARY = "indigo"  # Material's own default
# Two palette entries are no plain hex colour in Material's stylesheet.
_NOT_HEX = {"white": "#ffffff", "black": "#161515"}


def primary_colour(theme) -> str:
    """The palette's primary colour as #rrggbb (the first palette when there are several,
    light and dark: the first is what a browser shows before any choice)."""
    palette = theme.get("palette") or {}
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    name = str(palette.get("primary") or DEFAULT_PRIMARY).lower().replace(" ", "-")
    colours = _material_colours()
    return colours.get(name) or _NOT_HEX.get(name) or colours[DEFAULT_PRIMARY]


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def language(theme) -> str:
    return str(theme.get("language") or "en")


@functools.cache
def _material_colours() -> dict[str, str]:
    import material

    sheets = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.css"))
    css = sheets[0].read_text(encoding="utf-8") if sheets else ""
    found = dict(re.findall(r"\[data-md-color-primary=([a-z-]+)\]\{[^}]*?--md-primary-fg-color:(#[0-9a-f]{6});", css))
    return found or {DEFAULT_PRIMARY: "#4051b5"}
