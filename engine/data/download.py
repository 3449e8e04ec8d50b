"""Downloading a dataset's four files from its mirrors, verified before kept.

Each file streams into a temporary file in the destination folder, is checked
(decompressed size and SHA-256), flushed to disk and only then renamed to its
final name, so a partial or wrong file never survives. A mirror that fails for
any reason hands over to the next one; a redirect from https to http is
refused. Progress is reported as ``progress(done_bytes, total_bytes)`` over the
whole dataset, and ``cancel()`` returning True stops between chunks.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import tempfile
import urllib.request
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from engine.data.catalog import FileSpec
from engine.data.idx import MAX_FILE_BYTES, DatasetError, DownloadCancelled

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

TIMEOUT_S = 30.0
_CHUNK = 256 * 1024


class InsecureRedirect(DatasetError):
    """A mirror tried to send us from https to plain http."""


class NoDowngradeRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects, except one that leaves https for anything else."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(req.full_url).scheme == "https" and urlsplit(newurl).scheme != "https":
            if fp is not None:
                fp.close()
            raise InsecureRedirect(f"refused redirect from https to {newurl} ({req.full_url})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def make_opener(*, use_env_proxies: bool = True) -> urllib.request.OpenerDirector:
    handlers: list = [NoDowngradeRedirectHandler()]
    if not use_env_proxies:
        handlers.insert(0, urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def verify_archive(path: Path, spec: FileSpec, archive_sha256: str | None = None) -> None:
    """Check a downloaded ``.gz`` against the catalog; raise DatasetError if it differs.

    The decompressed size always counts; the decompressed SHA-256 is preferred,
    and the archive's own SHA-256 is used only when no decompressed one is known.
    """
    digest = hashlib.sha256()
    size = 0
    try:
        with gzip.open(path, "rb") as stream:
            while size <= spec.size:
                chunk = stream.read(min(_CHUNK * 4, spec.size + 1 - size))
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
        raise DatasetError(f"{spec.name}.gz: not valid gzip data ({exc or 'truncated'})") from None
    if size != spec.size:
        more = "more than" if size > spec.size else f"{size:,} bytes instead of"
        raise DatasetError(f"{spec.name}.gz: decompresses to {more} the expected {spec.size:,} bytes")
    if spec.sha256 and digest.hexdigest() != spec.sha256:
        raise DatasetError(f"{spec.name}.gz: SHA-256 of the data does not match the official file")
    if not spec.sha256 and spec.archive_sha256 and archive_sha256 != spec.archive_sha256:
        raise DatasetError(f"{spec.name}.gz: SHA-256 of the archive does not match the official file")


def _fetch(url: str, spec: FileSpec, dest: Path, opener, timeout: float,
           report: Callable[[int, int | None], None], cancel: Cancel | None) -> None:
    """Download one URL to ``dest/<name>.gz``, verified, or raise leaving nothing behind."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DatasetError(f"unsupported mirror address {url}")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{spec.name}.", suffix=".part", dir=dest)
    tmp = Path(tmp_name)
    kept = False
    try:
        digest = hashlib.sha256()
        received = 0
        with os.fdopen(fd, "wb") as out, opener.open(url, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            declared = int(length) if length and length.isdigit() else None
            if declared is not None and declared > MAX_FILE_BYTES:
                raise DatasetError(f"{spec.name}.gz: server announces {declared:,} bytes, too large")
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelled(f"Download of {spec.name}.gz cancelled")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                received += len(chunk)
                if received > MAX_FILE_BYTES:
                    raise DatasetError(f"{spec.name}.gz: more than {MAX_FILE_BYTES:,} bytes, refused")
                digest.update(chunk)
                out.write(chunk)
                report(received, declared)
            if declared is not None and received != declared:
                raise DatasetError(
                    f"{spec.name}.gz: connection ended after {received:,} of {declared:,} bytes"
                )
            out.flush()
            os.fsync(out.fileno())
        verify_archive(tmp, spec, digest.hexdigest())
        os.replace(tmp, dest / f"{spec.name}.gz")
        kept = True
    finally:
        if not kept:
            tmp.unlink(missing_ok=True)


def download_files(files: Sequence[FileSpec], mirrors: Sequence[str], dest: str | Path, *,
                   progress: Progress | None = None, cancel: Cancel | None = None,
                   timeout: float = TIMEOUT_S, opener=None) -> str:
    """Make ``dest`` hold every file of ``files`` as a verified ``.gz``.

    Files already there and valid are kept. Returns the base URL of the mirror
    the last file came from (or "" when nothing had to be downloaded). Raises
    DatasetError listing each mirror's failure when a file cannot be obtained,
    or DownloadCancelled when ``cancel()`` asked to stop.
    """
    if not mirrors:
        raise DatasetError("No download mirror is configured")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    opener = opener or make_opener()
    todo = []
    for spec in files:
        existing = dest / f"{spec.name}.gz"
        if existing.exists():
            try:
                verify_archive(existing, spec)
                continue
            except DatasetError:
                existing.unlink()
        todo.append(spec)
    hints = [spec.archive_size for spec in todo]
    total = sum(hints) if all(hints) else 0
    done = 0
    used = ""
    for spec in todo:
        def report(received: int, declared: int | None, base: int = done) -> None:
            if progress is not None:
                progress(base + received, total or (base + (declared or received)))

        failures = []
        for mirror in mirrors:
            url = mirror if mirror.endswith("/") else mirror + "/"
            url += f"{spec.name}.gz"
            try:
                _fetch(url, spec, dest, opener, timeout, report, cancel)
            except DownloadCancelled:
                raise
            except (DatasetError, OSError, http.client.HTTPException, ValueError) as exc:
                failures.append(f"{url}: {exc}")
                continue
            used = mirror
            break
        else:
            raise DatasetError(
                f"Could not download {spec.name}.gz from any mirror:\n  " + "\n  ".join(failures)
            )
        done += (dest / f"{spec.name}.gz").stat().st_size
    return used
