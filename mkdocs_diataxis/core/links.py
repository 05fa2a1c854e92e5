"""Folder links inside ``docs_dir``: MkDocs follows them, so a link back to a folder it
sits in makes MkDocs walk the same pages forty levels deep and then stop with an
error. Such a loop is found once, reported once, and its copies are left out."""

from __future__ import annotations

import os

from mkdocs_diataxis.core.check import PageResult, check_document
from mkdocs_diataxis.core.document import unreadable_document
from mkdocs_diataxis.core.settings import Settings


def is_link_loop(docs_dir: str, folder: str) -> bool:
    """Whether ``folder`` (relative to ``docs_dir``) links to a folder that holds one of
    the folders on its own way there: itself, a folder above it, or (through another
    link, as in ``ext -> ../pkg`` with ``pkg/docs -> ../docs``) one above that."""
    path = os.path.join(docs_dir, folder)
    if not os.path.islink(path):
        return False
    target = os.path.realpath(path)
    parts = folder.split("/")
    for depth in range(len(parts)):
        above = os.path.realpath(os.path.join(docs_dir, *parts[:depth]))
        if os.path.commonpath([target, above]) == target:
            return True
    return False


class LinkLoops:
    """The loops among the folders of some paths, each looked up once."""

    def __init__(self, docs_dir: str) -> None:
        self.docs_dir = docs_dir
        self._known: dict[str, bool] = {}
        self.found: list[str] = []
        """Loop folders met so far, relative to ``docs_dir``, in the order met."""

    def is_loop(self, folder: str) -> bool:
        """Whether ``folder`` is a loop (looked up once, and recorded when it is)."""
        if folder not in self._known:
            self._known[folder] = is_link_loop(self.docs_dir, folder)
            if self._known[folder]:
                self.found.append(folder)
        return self._known[folder]

    def loop_in(self, path: str) -> str | None:
        """The first loop folder on the way to ``path`` (``a/b/c.md``), if any."""
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if self.is_loop(folder):
                return folder
        return None

    def results(self, settings: Settings) -> list[PageResult]:
        """One ``page/unreadable`` result per loop found."""
        results = []
        for folder in self.found:
            target = os.path.relpath(
                os.path.realpath(os.path.join(self.docs_dir, folder)),
                os.path.realpath(self.docs_dir),
            ).replace(os.sep, "/")
            where = "docs_dir itself" if target == "." else f'"{target}"'
            doc = unreadable_document(
                folder,
                f"this folder is a link back to {where}, a loop: the pages under it would be"
                " read again at every level, so they are left out",
                "remove the link, or point it at a folder outside docs_dir",
            )
            results.append(check_document(doc, settings))
        return results
