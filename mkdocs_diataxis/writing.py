"""Writing an output file (the JSON report, ``-o`` of the command line, the results
cache) whole or not at all."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from typing import TextIO


class WriteError(OSError):
    """An output that could not be written: ``cannot write PATH: REASON``, with the
    reason alone as ``strerror``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.strerror = reason

    def __str__(self) -> str:
        return str(self.args[0])


def write_whole(
    path: str,
    write: Callable[[TextIO], object],
    *,
    prefix: str = ".",
    make_folder: bool = False,
) -> None:
    """Call ``write`` with a text file that becomes ``path`` once it is complete.

    The text goes to a temporary file beside ``path`` (named ``prefix`` + random +
    ``.tmp``), which then replaces it: a full disk, an error or Ctrl-C halfway leaves the
    earlier file as it was, and a reader never sees half a file. The new file keeps the
    old one's permissions (not its owner or hard links: it is a new file), or gets the
    usual ones for a new file (the umask's). The folder must exist (unless
    ``make_folder``) and be writable. A path under ``/dev/`` or ``/proc/``, a device or a
    pipe is written directly; a folder is refused. Raises `WriteError`.
    """
    if not path.strip():
        raise WriteError(repr(path), "a file name is needed")
    existing = None
    special = path.startswith(("/dev/", "/proc/"))  # /dev/stdout, /dev/fd/3
    if not special:
        try:
            existing = os.stat(path)  # through links, as the kernel opens the path
        except FileNotFoundError:
            pass
        except OSError as error:
            raise WriteError(path, error.strerror or str(error)) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise WriteError(path, "it is a folder")
    try:
        if special or (existing is not None and not stat.S_ISREG(existing.st_mode)):
            # A device or a pipe: written as it is, never replaced.
            with open(path, "w", encoding="utf-8") as out:
                write(out)
        else:
            # Through a link: replace the file it points to, and keep the link.
            _replace(os.path.realpath(path), write, prefix, existing, make_folder)
    except OSError as error:
        raise WriteError(path, error.strerror or str(error)) from None


def _replace(
    target: str,
    write: Callable[[TextIO], object],
    prefix: str,
    existing: os.stat_result | None,
    make_folder: bool,
) -> None:
    folder = os.path.dirname(target)
    if make_folder:
        os.makedirs(folder, exist_ok=True)
    while True:
        temporary = os.path.join(folder, f"{prefix}{secrets.token_hex(6)}.tmp")
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            write(out)
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
