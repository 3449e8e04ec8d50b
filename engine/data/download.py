"""Downloading a dataset's four files from its mirrors, verified before kept.

Each file streams into a temporary file in the destination folder (the short
names and clean-up of :mod:`engine.fsutil`), is checked (decompressed size,
IDX header and counts, SHA-256), flushed to disk and only then renamed to its
final name, so a partial or wrong file never survives. Only https mirrors are
used (and plain http on this machine's loopback address, where nobody can
alter the bytes in transit: local caches and tests); a redirect that leaves
https is refused. A mirror that fails for any reason hands over to the next
one. A file already in the folder is checked by its content and kept when
good; one that fails is never deleted before a verified copy replaces it.
Progress is reported as ``progress(done_bytes, total_bytes)`` over the whole
dataset, and ``cancel()`` returning True stops between chunks.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import ipaddress
import os
import urllib.request
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from engine.data.catalog import FileSpec
from engine.data.idx import MAX_FILE_BYTES, NUM_CLASSES, DatasetError, DownloadCancelled, _header_shape
from engine.fsutil import commit_temp_file, create_temp_file
from engine.i18n import _

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

TIMEOUT_S = 30.0
_CHUNK = 256 * 1024


class InsecureRedirect(DatasetError):
    """A mirror tried to send us from https to plain http."""


class _FolderError(DatasetError):
    """The destination folder cannot be written: no mirror can help."""


def is_secure_url(url: str) -> bool:
    """https, or plain http to this machine's loopback address (nothing travels over a network)."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


class NoDowngradeRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects, except one that leaves https for plain http (loopback aside)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_secure_url(newurl):
            if fp is not None:
                fp.close()
            raise InsecureRedirect(
                _("refused redirect from {scheme} to {url} ({origin})").format(
                    scheme=urlsplit(req.full_url).scheme, url=newurl, origin=req.full_url
                )
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def make_opener(*, use_env_proxies: bool = True) -> urllib.request.OpenerDirector:
    handlers: list = [NoDowngradeRedirectHandler()]
    if not use_env_proxies:
        handlers.insert(0, urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def _check_content(path: Path, spec: FileSpec) -> str:
    """Decompress ``path`` as a stream: the size, the IDX header and counts, the labels' range.

    Returns the SHA-256 of the decompressed bytes; raises DatasetError naming the file.
    """
    kind = "images" if "images" in spec.name else "labels"
    header_len = 16 if kind == "images" else 8
    digest = hashlib.sha256()
    size = 0
    header = b""
    try:
        with gzip.open(path, "rb") as stream:
            while size <= spec.size:
                chunk = stream.read(min(_CHUNK * 4, spec.size + 1 - size))
                if not chunk:
                    break
                if len(header) < header_len:
                    header += chunk[: header_len - len(header)]
                if kind == "labels":
                    values = np.frombuffer(chunk, np.uint8)[max(0, header_len - size) : max(0, spec.size - size)]
                    if values.size and int(values.max()) >= NUM_CLASSES:
                        raise DatasetError(_("{file}: holds a label outside 0..9").format(file=f"{spec.name}.gz"))
                digest.update(chunk)
                size += len(chunk)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
        reason = exc or _("truncated")
        raise DatasetError(
            _("{file}: not valid gzip data ({reason})").format(file=f"{spec.name}.gz", reason=reason)
        ) from None
    if size != spec.size:
        more = _("more than") if size > spec.size else _("{n:,} bytes instead of").format(n=size)
        raise DatasetError(
            _("{file}: decompresses to {more} the expected {size:,} bytes").format(
                file=f"{spec.name}.gz", more=more, size=spec.size
            )
        )
    dims = _header_shape(header, Path(f"{spec.name}.gz"), kind)  # the magic, the type, 28×28
    declared = header_len + int(np.prod(dims, dtype=np.int64))
    if declared != spec.size:
        raise DatasetError(
            _("{file}: its header declares {n:,} {kind}, which does not fit its {size:,} bytes").format(
                file=f"{spec.name}.gz", n=dims[0], kind=kind, size=spec.size
            )
        )
    return digest.hexdigest()


def verify_archive(path: Path, spec: FileSpec, archive_sha256: str | None = None) -> None:
    """Check a downloaded ``.gz`` against the catalog; raise DatasetError if it differs.

    The decompressed size and IDX header always count; the decompressed SHA-256
    is preferred, and the archive's own SHA-256 is used only when no
    decompressed one is known (MNIST).
    """
    data_sha256 = _check_content(path, spec)
    if spec.sha256 and data_sha256 != spec.sha256:
        raise DatasetError(
            _("{file}: SHA-256 of the data does not match the official file").format(file=f"{spec.name}.gz")
        )
    if not spec.sha256 and spec.archive_sha256 and archive_sha256 != spec.archive_sha256:
        raise DatasetError(
            _("{file}: SHA-256 of the archive does not match the official file").format(file=f"{spec.name}.gz")
        )


def verify_local_copy(path: Path, spec: FileSpec) -> None:
    """Check a ``.gz`` already in the data folder by what it holds, not by how it was compressed.

    The decompressed size, the IDX header and counts, and the decompressed
    SHA-256 where the catalog knows it: a good copy that someone recompressed
    (or whose archive digest the catalog lacks) is kept.
    """
    data_sha256 = _check_content(path, spec)
    if spec.sha256 and data_sha256 != spec.sha256:
        raise DatasetError(
            _("{file}: SHA-256 of the data does not match the official file").format(file=f"{spec.name}.gz")
        )


def _fetch(
    url: str,
    spec: FileSpec,
    dest: Path,
    opener,
    timeout: float,
    report: Callable[[int, int | None], None],
    cancel: Cancel | None,
) -> None:
    """Download one URL to ``dest/<name>.gz``, verified, or raise leaving nothing behind."""
    if not is_secure_url(url):
        raise DatasetError(_("refused mirror address {url}: only https is used").format(url=url))
    try:
        tmp, fd = create_temp_file(dest)
    except OSError as exc:
        raise _FolderError(
            _("cannot save downloads in {folder}: {reason}").format(folder=dest, reason=exc.strerror or exc)
        ) from exc
    kept = False
    try:
        digest = hashlib.sha256()
        received = 0
        with os.fdopen(fd, "wb") as out, opener.open(url, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            declared = int(length) if length and length.isdigit() else None
            if declared is not None and declared > MAX_FILE_BYTES:
                raise DatasetError(
                    _("{file}: server announces {n:,} bytes, too large").format(file=f"{spec.name}.gz", n=declared)
                )
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelled(_("Download of {file} cancelled").format(file=f"{spec.name}.gz"))
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                received += len(chunk)
                if received > MAX_FILE_BYTES:
                    raise DatasetError(
                        _("{file}: more than {n:,} bytes, refused").format(file=f"{spec.name}.gz", n=MAX_FILE_BYTES)
                    )
                digest.update(chunk)
                out.write(chunk)
                report(received, declared)
            if declared is not None and received != declared:
                raise DatasetError(
                    _("{file}: connection ended after {got:,} of {n:,} bytes").format(
                        file=f"{spec.name}.gz", got=received, n=declared
                    )
                )
            out.flush()
            os.fsync(out.fileno())
        verify_archive(tmp, spec, digest.hexdigest())
        commit_temp_file(tmp, dest / f"{spec.name}.gz")
        kept = True
    finally:
        if not kept:
            tmp.unlink(missing_ok=True)


def download_files(
    files: Sequence[FileSpec],
    mirrors: Sequence[str],
    dest: str | Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    timeout: float = TIMEOUT_S,
    opener=None,
) -> str:
    """Make ``dest`` hold every file of ``files`` as a verified ``.gz``.

    Files already there and valid are kept. Returns the base URL of the mirror
    the last file came from (or "" when nothing had to be downloaded). Raises
    DatasetError listing each mirror's failure when a file cannot be obtained,
    or DownloadCancelled when ``cancel()`` asked to stop.
    """
    dest = Path(dest)
    todo: list[tuple[FileSpec, str]] = []  # (spec, why the copy already there was not used)
    for spec in files:
        existing = dest / f"{spec.name}.gz"
        if existing.is_file():
            try:
                verify_local_copy(existing, spec)
                continue
            except DatasetError as exc:
                todo.append((spec, str(exc)))  # kept until a verified copy replaces it
                continue
        todo.append((spec, ""))
    if not todo:
        return ""
    secure = [m for m in mirrors if is_secure_url(m)]
    if not secure:
        skipped = ", ".join(mirrors)
        raise DatasetError(
            _(
                "No https download mirror is configured{skipped}; plain http is not used, as anyone on the way "
                "could alter the files"
            ).format(skipped=f" ({_('skipped')}: {skipped})" if skipped else "")
        )
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(
            _("cannot save downloads in {folder}: {reason}").format(folder=dest, reason=exc.strerror or exc)
        ) from exc
    opener = opener or make_opener()
    hints = [spec.archive_size for spec, _why in todo]
    total = sum(hints) if all(hints) else 0
    done = 0
    used = ""
    for spec, why in todo:

        def report(received: int, declared: int | None, base: int = done) -> None:
            if progress is not None:
                progress(base + received, total or (base + (declared or received)))

        failures = []
        for mirror in secure:
            url = mirror if mirror.endswith("/") else mirror + "/"
            url += f"{spec.name}.gz"
            try:
                _fetch(url, spec, dest, opener, timeout, report, cancel)
            except (DownloadCancelled, _FolderError):
                raise
            except (DatasetError, OSError, http.client.HTTPException, ValueError) as exc:
                failures.append(f"{url}: {exc}")
                continue
            used = mirror
            break
        else:
            kept = (
                "\n  " + _("(the copy already in {folder} was kept: {why})").format(folder=dest, why=why) if why else ""
            )
            raise DatasetError(
                _("Could not download {file} from any mirror:").format(file=f"{spec.name}.gz")
                + "\n  "
                + "\n  ".join(failures)
                + kept
            )
        done += (dest / f"{spec.name}.gz").stat().st_size
    return used
