"""Downloads against a local HTTP server: verified files kept, anything else leaves no trace."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import threading
import urllib.request

import numpy as np
import pytest

from engine.data import DatasetError, DownloadCancelled, FileSpec, download_files
from engine.data.download import InsecureRedirect, NoDowngradeRedirectHandler, make_opener
from engine.data.idx import encode_idx

RAW = encode_idx(np.arange(60, dtype=np.uint8) % 10)  # a small labels file
GOOD = gzip.compress(RAW, mtime=0)
SPEC = FileSpec("train-labels-idx1-ubyte", len(RAW), hashlib.sha256(RAW).hexdigest())
WRONG = gzip.compress(encode_idx(np.zeros(60, dtype=np.uint8)), mtime=0)  # same size, other bytes


class Server:
    """http.server on 127.0.0.1 serving ``routes``: path -> (status, body, extra headers)."""

    def __init__(self):
        self.routes: dict[str, tuple[int, bytes, dict]] = {}
        self.hits: list[str] = []
        routes, hits = self.routes, self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                status, body, headers = routes.get(self.path, (404, b"not here", {}))
                self.send_response(status)
                headers = {"Content-Length": str(len(body)), **headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def serve(self, path, body, status=200, **headers):
        self.routes[path] = (status, body, headers)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = Server()
    yield srv
    srv.close()


def fetch(server, dest, mirrors=("/a/", "/b/"), spec=SPEC, **kwargs):
    return download_files(
        [spec], [server.url + m for m in mirrors], dest, opener=make_opener(use_env_proxies=False), timeout=5, **kwargs
    )


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_good_file_downloads_and_verifies(server, tmp_path):
    server.serve("/a/train-labels-idx1-ubyte.gz", GOOD)
    seen = []
    used = fetch(server, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert used == server.url + "/a/"
    assert leftovers(tmp_path) == ["train-labels-idx1-ubyte.gz"]
    assert gzip.decompress((tmp_path / "train-labels-idx1-ubyte.gz").read_bytes()) == RAW
    assert seen[-1] == (len(GOOD), len(GOOD))
    # A second call finds the verified file and asks nothing of the server.
    server.hits.clear()
    assert fetch(server, tmp_path) == ""
    assert server.hits == []


def test_wrong_hash_falls_back_to_next_mirror(server, tmp_path):
    server.serve("/a/train-labels-idx1-ubyte.gz", WRONG)
    server.serve("/b/train-labels-idx1-ubyte.gz", GOOD)
    assert fetch(server, tmp_path) == server.url + "/b/"
    assert leftovers(tmp_path) == ["train-labels-idx1-ubyte.gz"]
    assert (tmp_path / "train-labels-idx1-ubyte.gz").read_bytes() == GOOD


def test_truncated_file_is_rejected_and_nothing_remains(server, tmp_path):
    server.serve("/a/train-labels-idx1-ubyte.gz", GOOD[:-10])
    # The server announces more bytes than it sends, then closes the connection.
    server.serve("/b/train-labels-idx1-ubyte.gz", GOOD[:20], **{"Content-Length": str(len(GOOD))})
    with pytest.raises(DatasetError) as info:
        fetch(server, tmp_path)
    message = str(info.value)
    assert "Could not download train-labels-idx1-ubyte.gz" in message
    assert "/a/train-labels-idx1-ubyte.gz: train-labels-idx1-ubyte.gz: not valid gzip" in message
    assert f"connection ended after 20 of {len(GOOD)} bytes" in message
    assert leftovers(tmp_path) == []


def test_all_mirrors_failing_names_each(server, tmp_path):
    with pytest.raises(DatasetError) as info:
        fetch(server, tmp_path)
    message = str(info.value)
    assert message.count("HTTP Error 404") == 2 and server.url + "/a/" in message and server.url + "/b/" in message
    assert leftovers(tmp_path) == []


def test_archive_hash_used_when_no_data_hash(server, tmp_path):
    spec = FileSpec(SPEC.name, SPEC.size, None, archive_sha256=hashlib.sha256(GOOD).hexdigest())
    server.serve("/a/train-labels-idx1-ubyte.gz", WRONG)
    server.serve("/b/train-labels-idx1-ubyte.gz", GOOD)
    assert fetch(server, tmp_path, spec=spec) == server.url + "/b/"


def test_wrong_decompressed_size_is_rejected(server, tmp_path):
    server.serve("/a/train-labels-idx1-ubyte.gz", gzip.compress(RAW + b"x", mtime=0))
    with pytest.raises(DatasetError, match="decompresses to more than"):
        fetch(server, tmp_path, mirrors=("/a/",))
    assert leftovers(tmp_path) == []


def test_cancel_stops_and_leaves_nothing(server, tmp_path):
    server.serve("/a/train-labels-idx1-ubyte.gz", GOOD)
    with pytest.raises(DownloadCancelled):
        fetch(server, tmp_path, cancel=lambda: True)
    assert leftovers(tmp_path) == []


def test_redirect_http_to_http_is_followed(server, tmp_path):
    server.serve("/a/train-labels-idx1-ubyte.gz", b"", status=302, Location="/b/train-labels-idx1-ubyte.gz")
    server.serve("/b/train-labels-idx1-ubyte.gz", GOOD)
    fetch(server, tmp_path, mirrors=("/a/",))
    assert leftovers(tmp_path) == ["train-labels-idx1-ubyte.gz"]


def test_redirect_from_https_to_http_is_refused():
    handler = NoDowngradeRedirectHandler()
    request = urllib.request.Request("https://mirror.example/mnist/x.gz")
    with pytest.raises(InsecureRedirect, match="refused redirect from https to http://evil.example/x.gz"):
        handler.redirect_request(request, None, 302, "Found", {}, "http://evil.example/x.gz")
    same = handler.redirect_request(request, None, 301, "Moved", {}, "https://other.example/x.gz")
    assert same.full_url == "https://other.example/x.gz"
    plain = urllib.request.Request("http://127.0.0.1/x.gz")  # a local cache: nothing crosses a network
    assert handler.redirect_request(plain, None, 302, "Found", {}, "http://localhost/y.gz") is not None
    with pytest.raises(InsecureRedirect):  # but never out to plain http elsewhere
        handler.redirect_request(plain, None, 302, "Found", {}, "http://b.example/x.gz")


def test_refused_redirect_is_a_mirror_failure(tmp_path, monkeypatch):
    """The opener raises InsecureRedirect like any other mirror failure: the next mirror is tried."""

    class FakeOpener:
        def __init__(self):
            self.urls = []

        def open(self, url, timeout):
            self.urls.append(url)
            raise InsecureRedirect(f"refused redirect from https to http://x ({url})")

    opener = FakeOpener()
    with pytest.raises(DatasetError, match="refused redirect") as info:
        download_files([SPEC], ["https://one.example/", "https://two.example/"], tmp_path, opener=opener)
    assert len(opener.urls) == 2 and "two.example" in str(info.value)
    assert leftovers(tmp_path) == []


def tiny_dataset(n_train=30, n_test=10) -> dict[str, bytes]:
    """The four raw IDX files of a small labelled set, keyed by standard name."""
    rng = np.random.default_rng(0)
    return {
        "train-images-idx3-ubyte": encode_idx(rng.integers(0, 256, (n_train, 28, 28))),
        "train-labels-idx1-ubyte": encode_idx(np.arange(n_train) % 10),
        "t10k-images-idx3-ubyte": encode_idx(rng.integers(0, 256, (n_test, 28, 28))),
        "t10k-labels-idx1-ubyte": encode_idx(np.arange(n_test) % 10),
    }


def test_load_dataset_downloads_into_app_folder_then_finds_it_locally(server, tmp_path, monkeypatch):
    from engine.data import CatalogEntry, load_dataset

    monkeypatch.setenv("LATENT_STUDIO_HOME", str(tmp_path / "home"))
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    files = tiny_dataset()
    specs = []
    for name, raw in files.items():
        server.serve(f"/m/{name}.gz", gzip.compress(raw, mtime=0))
        specs.append(FileSpec(name, len(raw), hashlib.sha256(raw).hexdigest()))
    entry = CatalogEntry("mnist", tuple(specs), (server.url + "/gone/", server.url + "/m/"))

    dataset = load_dataset("mnist", "full", catalog=entry)
    assert dataset.source.kind == "download"
    assert dataset.source.location == server.url + "/m/"
    assert (len(dataset.train), len(dataset.test)) == (30, 10)
    folder = tmp_path / "home" / "datasets" / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.gz" for n in files)

    server.hits.clear()
    again = load_dataset("mnist", "full", catalog=entry)
    assert again.source.kind == "local" and server.hits == []
    assert again.source.describe().startswith("app data folder — ")


# -- files already there, https only, the same temp files as every other write ---------------------------
def test_a_good_copy_without_a_known_archive_digest_is_kept(server, tmp_path):
    """MNIST: the catalogue has only the mirrors' archive digest; a good copy compressed otherwise stays."""
    spec = FileSpec(SPEC.name, SPEC.size, None, archive_sha256="0" * 64)
    local = tmp_path / f"{SPEC.name}.gz"
    local.write_bytes(gzip.compress(RAW, compresslevel=1, mtime=123))
    before = local.read_bytes()
    assert fetch(server, tmp_path, spec=spec) == ""
    assert server.hits == [] and local.read_bytes() == before


@pytest.mark.parametrize(
    "bad",
    [
        gzip.compress(RAW[:-5], mtime=0),  # short
        gzip.compress(b"\x00\x00\x08\x03" + RAW[4:], mtime=0),  # right size, images' magic in a labels file
        gzip.compress(RAW[:8] + bytes([12]) + RAW[9:], mtime=0),  # a label that is not a class
        b"not gzip at all",
    ],
    ids=["short", "wrong-magic", "bad-label", "not-gzip"],
)
def test_a_bad_copy_is_never_deleted_when_no_mirror_can_replace_it(server, tmp_path, bad):
    spec = FileSpec(SPEC.name, SPEC.size, None, archive_sha256=hashlib.sha256(GOOD).hexdigest())
    local = tmp_path / f"{SPEC.name}.gz"
    local.write_bytes(bad)
    with pytest.raises(DatasetError, match="was kept") as info:  # offline: every mirror fails
        fetch(server, tmp_path, spec=spec)
    assert "404" in str(info.value)
    assert local.read_bytes() == bad and leftovers(tmp_path) == [local.name]
    server.serve(f"/b/{SPEC.name}.gz", GOOD)  # back online: a verified copy replaces it
    assert fetch(server, tmp_path, spec=spec) == server.url + "/b/"
    assert local.read_bytes() == GOOD and leftovers(tmp_path) == [local.name]


class RecordingOpener:
    def __init__(self):
        self.urls = []

    def open(self, url, timeout):
        self.urls.append(url)
        raise OSError("offline")


def test_plain_http_mirrors_are_skipped(tmp_path):
    opener = RecordingOpener()
    with pytest.raises(DatasetError):
        download_files([SPEC], ["http://mirror.example/a/", "https://mirror.example/b/"], tmp_path, opener=opener)
    assert opener.urls == [f"https://mirror.example/b/{SPEC.name}.gz"]


def test_no_https_mirror_left_says_so(tmp_path):
    opener = RecordingOpener()
    with pytest.raises(DatasetError, match=r"No https download mirror.*http://mirror\.example/a/"):
        download_files([SPEC], ["http://mirror.example/a/"], tmp_path, opener=opener)
    assert opener.urls == [] and leftovers(tmp_path) == []


def test_the_catalogue_lists_only_https_mirrors():
    from engine.data import CATALOG

    assert all(m.startswith("https://") for entry in CATALOG.values() for m in entry.mirrors)


def test_downloads_use_the_short_temp_names_and_clean_up_stale_ones(server, tmp_path):
    import os
    import re
    import time

    stale = tmp_path / f".{SPEC.name}.ab12cd34.part"  # left by a killed download of an older version
    stale.write_bytes(b"partial")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    server.serve(f"/a/{SPEC.name}.gz", GOOD)
    during = []
    fetch(server, tmp_path, mirrors=("/a/",), progress=lambda done, total: during.append(leftovers(tmp_path)))
    assert any(re.fullmatch(r"\.ls-[0-9a-f]{8}\.tmp", name) for name in during[0])
    assert leftovers(tmp_path) == [f"{SPEC.name}.gz"]


def test_a_read_only_data_folder_is_one_clear_error(server, tmp_path, monkeypatch):
    import errno
    import os

    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    server.serve(f"/a/{SPEC.name}.gz", GOOD)
    with pytest.raises(DatasetError, match="cannot save downloads in .*Read-only file system"):
        fetch(server, tmp_path)
    assert server.hits == [] and leftovers(tmp_path) == []
