"""The Documentation status page, rendered from a `Report` as Markdown."""

from mkdocs_diataxis.status.render import render_status_page

__all__ = ["render_status_page"]
