"""The checks themselves, free of MkDocs: a page's path and bytes in, findings and facts out.

Nothing in this package may import ``mkdocs`` or the plugin's glue (a test enforces
it), so the same code serves the plugin, the command line and engines that do not run
MkDocs plugins.
"""

from mkdocs_diataxis.core.check import PageResult, check_page
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.options import SettingsError, load_settings
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.core.vocabulary import Severity

__all__ = [
    "Finding",
    "PageResult",
    "Settings",
    "SettingsError",
    "Severity",
    "check_page",
    "load_settings",
]
