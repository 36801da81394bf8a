"""Options of the ``elearn`` plugin in mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ElearnConfig(Config):
    enabled = c.Type(bool, default=True)
    """Off: MkDocs builds the site as if the plugin were not there (as Material's plugins do)."""

    root = c.Optional(c.Dir(exists=True))
    """Folder that holds ``content/`` (and later ``quizzes/``). Default: the folder of mkdocs.yml."""

    navigation = c.Type(bool, default=True)
    """Build ``nav`` from the course's modules when mkdocs.yml has no ``nav`` of its own."""

    parallel = c.Type(bool, default=True)
    """Render the quizzes in a second process while MkDocs converts the pages, in a one-off
    `mkdocs build` where the system can fork and has a second core. Off: everything in one
    process, as fast on one core."""
