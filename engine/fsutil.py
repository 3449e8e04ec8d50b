"""Writing files so that nothing a user saved is ever lost: the one atomic write.

Every file the app or the CLI writes (checkpoints, PNGs, CSVs, settings
exports, downloads) goes through :func:`atomic_write_bytes` or
:func:`atomic_writer`: the bytes go to a temporary file in the same folder,
are fsync'd, then take the final name with ``os.replace`` (retried briefly
when another program holds the file for a moment, as antivirus scanners do on
Windows), and the folder is fsync'd so the rename itself survives a power cut.
On any failure the old file is intact and the temporary file is gone.

:func:`claim_unique_path` reserves a new file name atomically (``O_EXCL``), so
two windows finishing a run in the same second never overwrite each other.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .i18n import _

TMP_PREFIX = ".ls-"  # temporary files: ".ls-<8 hex>.tmp" — short, whatever the final name's length
TMP_SUFFIX = ".tmp"
STALE_TMP_S = 60.0  # temp files older than this in a folder we write to were left by a killed save
NAME_MAX = 255  # bytes in one path component on every file system the app meets
REPLACE_ATTEMPTS = 5
REPLACE_PAUSE_S = 0.2
# What a killed save leaves: ours (".ls-1a2b3c4d.tmp") and the older mkstemp names (".NAME.k3j_x9q2.tmp",
# ".NAME.k3j_x9q2.part"); a user's own ".notes.tmp" matches neither.
_STALE = re.compile(r"\.ls-[0-9a-f]{8}\.tmp|\..+\.[a-z0-9_]{8}\.(?:tmp|part)")


class FileNameTooLong(OSError):
    """The user's own name does not fit the file system's limit on one name."""


def check_name_length(path: str | Path) -> None:
    """Raise :class:`FileNameTooLong` (an ``OSError``) when ``path``'s last part exceeds 255 bytes."""
    name = Path(path).name
    if len(os.fsencode(name)) > NAME_MAX:
        raise FileNameTooLong(
            errno.ENAMETOOLONG,
            _("the name is too long ({n} bytes; at most {limit}): {start}…").format(
                n=len(os.fsencode(name)), limit=NAME_MAX, start=name[:40]
            ),
        )


def _temp_path(folder: Path) -> Path:
    return folder / f"{TMP_PREFIX}{secrets.token_hex(4)}{TMP_SUFFIX}"


def create_temp_file(folder: str | Path) -> tuple[Path, int]:
    """A new temporary file in ``folder`` (short name, ``O_EXCL``, mode 0644) and its open descriptor.

    For writers that stream into their own temporary file (downloads) and then
    :func:`commit_temp_file` it; the same names, so the same clean-up.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(folder)
    while True:
        tmp = _temp_path(folder)
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            continue


def check_writable(folder: str | Path) -> None:
    """Create ``folder`` if needed and prove a file can be created in it; the OSError says why not."""
    tmp, fd = create_temp_file(folder)
    os.close(fd)
    os.unlink(tmp)


def commit_temp_file(tmp: Path, path: str | Path) -> None:
    """Give a finished, fsync'd temporary file its final name (retrying a brief lock) and make it durable."""
    path = Path(path)
    _replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; the rename is as durable as it gets there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(src: Path, dst: Path) -> None:
    """``os.replace``, retried a few times over ~1 s when the target is locked for a moment."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE_S)


def remove_stale_temp_files(folder: str | Path, older_than_s: float = STALE_TMP_S) -> int:
    """Delete temporary files that a killed save left in ``folder``; returns how many.

    Only our own pattern (``.ls-*.tmp``, and the older ``.NAME.*.tmp``), only
    regular files, only those older than ``older_than_s``, so a save in
    progress in another window is never touched.
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _STALE.fullmatch(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or now - entry.stat().st_mtime < older_than_s:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file handle whose content takes ``path``'s name only if the block ends without error."""
    path = Path(path)
    check_name_length(path)
    tmp, fd = create_temp_file(path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module's docstring)."""
    with atomic_writer(path) as handle:
        handle.write(data)


def claim_unique_path(folder: str | Path, stem: str, suffix: str) -> Path:
    """A new, empty file ``folder/stem[-N]suffix`` created with ``O_EXCL``: nobody else can claim it.

    The caller then fills it with :func:`atomic_write_bytes` (which replaces
    the empty placeholder); if that fails the caller should unlink it.
    The stem is shortened when needed so the name fits the 255-byte limit.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    budget = NAME_MAX - len(os.fsencode(suffix)) - 8  # room for "-NNNNNN"
    encoded = os.fsencode(stem)
    if len(encoded) > budget:
        stem = encoded[:budget].decode("utf-8", errors="ignore")
    for n in range(1, 1_000_000):
        candidate = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(_("no free name for {name} in {folder}").format(name=f"{stem}{suffix}", folder=folder))
