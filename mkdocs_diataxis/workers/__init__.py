"""Process plumbing: checking pages in worker processes while MkDocs renders, with an
in-process fallback. Not checking itself (that is `mkdocs_diataxis.core`)."""

from mkdocs_diataxis.workers.schedule import Batch, capped_jobs
from mkdocs_diataxis.workers.worker import SourcePage

__all__ = ["Batch", "SourcePage", "capped_jobs"]
