"""Rendering: the model to the Markdown of every generated page, through Jinja2 templates."""
