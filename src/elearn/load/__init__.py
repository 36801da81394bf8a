"""Loading: YAML and Markdown to the model, with every position kept for diagnostics."""

from .assemble import load_course

__all__ = ["load_course"]
