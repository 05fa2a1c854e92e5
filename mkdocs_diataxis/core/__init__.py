"""The checks themselves, free of MkDocs: a page's path and bytes in, findings and facts out.

Nothing in this package may import ``mkdocs`` (a test enforces it), so the same code
serves the plugin, the command line and engines that do not run MkDocs plugins.
"""

from mkdocs_diataxis.core.check import PageResult, check_page
from mkdocs_diataxis.core.finding import Finding, Severity
from mkdocs_diataxis.core.settings import Settings, SettingsError

__all__ = ["Finding", "PageResult", "Settings", "SettingsError", "Severity", "check_page"]
