"""The last good site survives every failed build.

MkDocs empties site/ early in a build, before most of what can fail: our own checks after
the pages are written, MkDocs' link check, a warning under --strict. So the build goes into a
folder beside site/, and replaces site/ only when the whole build succeeded.

Under --strict MkDocs counts warnings with a handler on its logger; `mkdocs build -q` raises
that logger's level above WARNING, so a warning is never made and never counted, and the same
build passes. For the length of the build the logger lets warnings through again (its console
handler keeps the level -q gave it, so nothing more is printed): with or without -q, a warning
fails a strict build. What -q would hide is then given as one error at the end.

ProperDocs does the same on its own logger, 'properdocs' ('mkdocs' hangs below it): the logger
watched here is the one of the generator that runs (GENERATOR_LOGGER), or a failing ProperDocs
build would replace site/.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from . import GENERATOR_LOGGER


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []

    def emit(self, record):
        if record.levelno == logging.WARNING:
            self.warnings.append(record.getMessage())


class StagedBuild:
    def __init__(self, site_dir: str, strict: bool):
        self.target = Path(site_dir).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        # Beside site/, on the same file system: putting it in place is a rename. What a build
        # that was killed left there goes first.
        for stale in self.target.parent.glob(f".{self.target.name}.bouw-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.bouw-", dir=self.target.parent))
        self._logger = logging.getLogger(GENERATOR_LOGGER)  # where the generator counts
        self._counter = _Counter() if strict else None
        self._restore: list[tuple[logging.Handler | logging.Logger, int]] = []
        if self._counter:
            self._logger.addHandler(self._counter)
            if self._logger.getEffectiveLevel() > logging.WARNING:
                level = self._logger.getEffectiveLevel()
                self._restore.append((self._logger, self._logger.level))
                for handler in self._logger.handlers:
                    # The console only: MkDocs' own counter must see the warnings too.
                    if type(handler) is logging.StreamHandler and handler.level < level:
                        self._restore.append((handler, handler.level))
                        handler.setLevel(level)
                self._logger.setLevel(logging.WARNING)

    @property
    def hidden_warnings(self) -> list[str]:
        """The warnings that fail this strict build but that -q kept off the screen."""
        if not self._counter or not self._restore:
            return []
        return self._counter.warnings

    @property
    def failing(self) -> bool:
        """Whether MkDocs will stop this build for its warnings (under --strict)."""
        return bool(self._counter and self._counter.warnings)

    def finish(self) -> None:
        """The build succeeded: the new site replaces the old one."""
        self._stop_counting()
        old = None
        if self.target.exists():
            old = self.target.with_name(self.folder.name + ".oud")
            self.target.rename(old)
        self.folder.rename(self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        """The build failed: what it made goes, the old site stays."""
        self._stop_counting()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stop_counting(self) -> None:
        if self._counter:
            self._logger.removeHandler(self._counter)
        for thing, level in reversed(self._restore):
            thing.setLevel(level)
        self._restore = []
