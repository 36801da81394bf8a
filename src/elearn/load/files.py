"""The course's files, found once and safely: every problem with the folders themselves (a link
that loops, a link out of the project, a name that is no text) is a located error here, before
anything reads the files, and before MkDocs walks the same folders and would fail half-way."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Position
from .yaml import display_path


@dataclass
class CourseFiles:
    """Files below content/ and quizzes/, by their path relative to the course root."""

    content: list[Path] = field(default_factory=list)  # every file below content/
    quizzes: list[Path] = field(default_factory=list)  # every file below quizzes/
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of(self, folder: Path, suffixes: tuple[str, ...], below: bool = True) -> list[Path]:
        """The files in ``folder`` (and below it) that end in one of ``suffixes``, sorted."""
        found = [p for p in self.content + self.quizzes if p.name.endswith(suffixes)
                 and (p.parent == folder or (below and folder in p.parents))]
        return sorted(found)


def find_files(root: Path) -> CourseFiles:
    files = CourseFiles()
    project = root.resolve()
    for name, into in (("content", files.content), ("quizzes", files.quizzes)):
        top = root / name
        if top.is_dir():
            _walk(top, project, into, files.diagnostics, set())
    return files


def _walk(folder: Path, project: Path, into: list[Path], diagnostics: list[Diagnostic], seen: set) -> None:
    real = folder.resolve()
    info = os.stat(real)
    if (info.st_dev, info.st_ino) in seen:  # a loop through more than one link
        diagnostics.append(_loop(folder))
        return
    seen = seen | {(info.st_dev, info.st_ino)}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        diagnostics.append(Diagnostic(Position(display_path(folder), 1, 1),
                                      f"de map kan niet worden gelezen ({exc.strerror})",
                                      "controleer of de map bestaat en leesbaar is"))
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            continue  # an editor's or the system's own files (.DS_Store, .swp)
        try:
            entry.name.encode("utf-8")
        except UnicodeEncodeError:
            shown = f"{display_path(folder)}/{os.fsencode(entry.name).decode('utf-8', 'backslashreplace')}"
            diagnostics.append(Diagnostic(
                Position(shown, 1, 1),
                "de naam van dit bestand is geen geldige tekst (UTF-8); de site kan er geen adres van maken",
                "geef het bestand een naam met gewone letters, cijfers en koppeltekens",
            ))
            continue
        if entry.is_symlink():
            target = path.resolve()
            if not target.exists():
                diagnostics.append(Diagnostic(
                    Position(display_path(path), 1, 1),
                    f"'{entry.name}' is een snelkoppeling (symlink) naar iets dat niet bestaat: {os.readlink(path)}",
                    "verwijder de snelkoppeling, of zet het bestand zelf op deze plek",
                ))
                continue
            if project != target and project not in target.parents:
                diagnostics.append(Diagnostic(
                    Position(display_path(path), 1, 1),
                    f"'{entry.name}' is een snelkoppeling (symlink) naar '{target}', buiten de map van de cursus; "
                    "alles wat de site publiceert moet in die map staan",
                    "kopieer het bestand naar de cursus in plaats van ernaar te verwijzen",
                ))
                continue
            if target == real or target in real.parents:
                diagnostics.append(_loop(path))  # said at the link itself, before walking round once
                continue
        if entry.is_dir():
            _walk(path, project, into, diagnostics, seen)
        elif entry.is_file():
            into.append(path)


def _loop(link: Path) -> Diagnostic:
    return Diagnostic(
        Position(display_path(link), 1, 1),
        f"'{link.name}' is een snelkoppeling (symlink) naar een map waar hij zelf in staat: een kring zonder einde",
        f"verwijder de snelkoppeling '{display_path(link)}', of laat hem naar een andere map wijzen",
    )
