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

    trainers = c.Type(bool, default=True)
    """The trainers' section (``trainers/``: session plans, hand-outs, answer keys, group results).
    Off, the site leaves it out, files and navigation alike: the offline zip and the SCORM package
    that learners get are built that way."""

    parallel = c.Deprecated(
        message="'parallel' onder elearn doet niets meer: de quizzen worden zonder tweede proces snel genoeg "
                "gemaakt. Haal de regel weg uit mkdocs.yml."
    )
    """No longer used: quizzes were once rendered in a second process."""
