"""The course built for file://, for the offline zip and the SCORM package: MkDocs run through
its Python API, into a folder of ours, with the author's mkdocs.yml as it is.

The variant differs from the hosted site only in what file:// needs: no directory URLs, and
Material's offline plugin for search (its shim is the plugin's own vendored copy). Nothing is
written beside the author's files, and no second MkDocs process is started.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils import yaml_load

from . import GENERATOR_LOGGER


class VariantFailed(RuntimeError):
    """The variant could not be built; the message is MkDocs' own words."""


def offline_plugins(config_file: Path, trainers: bool = True) -> list:
    """The author's plugins as mkdocs.yml lists them, with Material's offline plugin added; without
    ``trainers``, the elearn plugin is told to leave the trainers' section out."""
    with open(config_file, "rb") as file:
        raw = yaml_load(file) or {}  # MkDocs' own reading: INHERIT, !ENV and !relative included
    plugins = list(raw.get("plugins") or ["search"])
    names = {p if isinstance(p, str) else next(iter(p)) for p in plugins}
    if not names & {"offline", "material/offline"}:
        plugins.append("offline")
    if not trainers:
        plugins = [_without_trainers(p) for p in plugins]
    return plugins


def _without_trainers(plugin):
    """An entry of the plugin list; the elearn plugin's gets ``trainers: false`` beside the author's options."""
    name = plugin if isinstance(plugin, str) else next(iter(plugin))
    if name != "elearn":
        return plugin
    options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
    return {name: {**options, "trainers": False}}


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _quiet_mkdocs():
    """MkDocs' warnings and errors go to the exception, not to the author's terminal line by line."""
    logger = logging.getLogger(GENERATOR_LOGGER)
    handler, level, propagate = _Collect(), logger.level, logger.propagate
    legacy = logging.getLogger("mkdocs")
    legacy_parent, legacy_propagate = legacy.parent, legacy.propagate
    if legacy is not logger:
        # ProperDocs: Material still logs on 'mkdocs'. ProperDocs' own command line hangs that
        # logger below 'properdocs', where a strict build counts warnings; so do we, for the
        # build, or Material's warnings would neither fail the variant nor reach the message.
        legacy.parent, legacy.propagate = logger, True
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        legacy.parent, legacy.propagate = legacy_parent, legacy_propagate


def build_offline_site(config_file: Path, site_dir: Path, trainers: bool = True) -> None:
    """Builds the variant for file:// into ``site_dir``, strict: every warning fails it; with the
    trainers' section or, for learners, without. Raises VariantFailed with MkDocs' own words."""
    with _quiet_mkdocs() as said:
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), use_directory_urls=False, strict=True,
                                 plugins=offline_plugins(config_file, trainers))
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit, OSError) as exc:
            raise VariantFailed("\n".join(said.messages + [str(exc)]).strip()) from exc
