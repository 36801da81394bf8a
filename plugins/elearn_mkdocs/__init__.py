"""The MkDocs adapter. It runs under MkDocs 1.6 and under ProperDocs, the maintained fork of it,
with the same code: ProperDocs makes every ``mkdocs.*`` import find its own modules (its
``properdocs.replacement``, which its command line imports first), so the adapter imports from
``mkdocs`` only.

Two things that alias does not cover are handled here:

- With ProperDocs installed and MkDocs not, nothing has imported the alias yet when the elearn
  command line builds the file:// variant (variants.py): the adapter imports it itself.
- ProperDocs logs under ``properdocs`` and counts the warnings of a strict build there; its
  ``mkdocs`` logger is only a child of that one. ``GENERATOR_LOGGER`` names the top logger of
  the generator that runs, for the code that has to see what the generator counts.
"""

try:
    import mkdocs as _generator
except ModuleNotFoundError:
    import properdocs.replacement  # noqa: F401  (``mkdocs`` and ``mkdocs.*`` are ProperDocs from here on)
    import mkdocs as _generator

# 'mkdocs', or 'properdocs' where the alias stands in for MkDocs (the module keeps its own name).
GENERATOR_LOGGER = _generator.__name__
