"""Pushing to Zotero, against a local server that answers as Zotero does.

The server (http.server on 127.0.0.1, a free port) checks each request's
shape against the documented Web API v3 / connector protocol and keeps a log;
nothing leaves the machine. Web API tests need pyzotero (the ``zotero``
extra) and skip without it; connector tests need only the standard library.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from export_fixtures import items

from archcite.cli.export import export
from archcite.errors import ArchciteError
from archcite.export.zotero import FIELDS, citation_key, zotero_items
from archcite.export.zotero_push import BATCH, PushError, push_connector, push_web
from archcite.items import from_csl

KEY = "K3yK3yK3yK3yK3yK3yK3yK3y"


class FakeZotero:
    """State and behaviour of the fake server; tests tweak the knobs."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str, dict[str, str], Any]] = []
        self.collections: list[dict[str, Any]] = []
        self.items: dict[str, dict[str, Any]] = {}
        self.tokens: set[str] = set()
        self.rate_limit_next_writes = 0
        self.backoff_on_success: str | None = None
        self.bad_key = False
        self.connector_status = 201
        self.errors: list[str] = []

    def check(self, cond: bool, message: str) -> None:
        if not cond:
            self.errors.append(message)

    # -- Web API -------------------------------------------------------------------
    def web(
        self, method: str, path: str, headers: dict[str, str], body: Any
    ) -> tuple[int, dict[str, str], Any]:
        if self.bad_key:
            return 403, {}, "Invalid key"
        self.check(
            headers.get("zotero-api-version") == "3", "Zotero-API-Version: 3 missing"
        )
        self.check(
            headers.get("authorization") == f"Bearer {KEY}"
            or headers.get("zotero-api-key") == KEY,
            "API key not sent",
        )
        parts = path.strip("/").split("/")
        self.check(parts[:2] == ["users", "475425"], f"wrong library in {path}")
        rest = parts[2:]
        version = {"Last-Modified-Version": "10"}
        if method == "GET" and rest == ["collections"]:
            return (
                200,
                version | {"Total-Results": str(len(self.collections))},
                self.collections,
            )
        if (
            method == "GET"
            and len(rest) == 4
            and rest[0] == "collections"
            and rest[2:] == ["items", "top"]
        ):
            inside = [
                i
                for i in self.items.values()
                if rest[1] in i["data"].get("collections", [])
            ]
            return 200, version | {"Total-Results": str(len(inside))}, inside
        if method == "POST":
            token = headers.get("zotero-write-token", "")
            self.check(
                bool(token) and token not in self.tokens,
                "write token missing or reused",
            )
            self.tokens.add(token)
            self.check(
                headers.get("content-type", "").startswith("application/json"),
                "not JSON",
            )
            self.check(
                isinstance(body, list) and 0 < len(body) <= BATCH,
                f"bad batch size {len(body)}",
            )
            if self.rate_limit_next_writes:
                self.rate_limit_next_writes -= 1
                return 429, {"Retry-After": "7"}, {"message": "Too many requests"}
            extra = (
                {"Backoff": self.backoff_on_success} if self.backoff_on_success else {}
            )
            if rest == ["collections"]:
                key = f"COLL{len(self.collections):04d}"
                data = {
                    "key": key,
                    "version": 11,
                    "name": body[0]["name"],
                    "parentCollection": False,
                }
                self.collections.append({"key": key, "version": 11, "data": data})
                return (
                    200,
                    version | extra,
                    {
                        "successful": {"0": {"key": key, "data": data}},
                        "success": {"0": key},
                        "unchanged": {},
                        "failed": {},
                    },
                )
            if rest == ["items"]:
                ok: dict[str, str] = {}
                failed: dict[str, Any] = {}
                for n, item in enumerate(body):
                    allowed = FIELDS.get(item.get("itemType", ""), frozenset())
                    unknown = (
                        set(item)
                        - allowed
                        - {"itemType", "creators", "tags", "collections", "relations"}
                    )
                    if unknown:
                        failed[str(n)] = {
                            "key": "",
                            "code": 400,
                            "message": f"'{sorted(unknown)[0]}' is not a valid field",
                        }
                        continue
                    key = f"ITEM{len(self.items):04d}"
                    self.items[key] = {
                        "key": key,
                        "version": 12,
                        "data": dict(item, key=key),
                    }
                    ok[str(n)] = key
                answer = {
                    "successful": {n: self.items[k] for n, k in ok.items()},
                    "success": ok,
                    "unchanged": {},
                    "failed": failed,
                }
                return 200, version | extra, answer
        return 404, {}, "Not found"

    # -- connector -----------------------------------------------------------------
    def connector(
        self, path: str, headers: dict[str, str], body: Any
    ) -> tuple[int, dict[str, str], Any]:
        self.check(
            headers.get("content-type", "").startswith("application/json"),
            "connector: not JSON",
        )
        if path == "/connector/ping":
            return 200, {"X-Zotero-Version": "7.0.0"}, {"prefs": {}}
        if path == "/connector/saveItems":
            self.check(
                headers.get("x-zotero-connector-api-version") == "3",
                "connector API version",
            )
            self.check(
                isinstance(body.get("items"), list) and bool(body.get("sessionID")),
                "saveItems shape",
            )
            for item in body.get("items", []):
                self.check(
                    bool(item.get("id")) and bool(item.get("itemType")),
                    "connector item needs id and itemType",
                )
            if self.connector_status != 201:
                return self.connector_status, {}, "An error occurred"
            for item in body["items"]:
                self.items[item["id"]] = item
            return 201, {}, None
        return 404, {}, "No endpoint found"


@pytest.fixture
def zotero() -> Iterator[tuple[FakeZotero, str]]:
    state = FakeZotero()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def _serve(self, method: str) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            headers = {k.lower(): v for k, v in self.headers.items()}
            state.log.append((method, url.path, headers, body))
            if url.path.startswith("/connector/"):
                status, extra, answer = state.connector(url.path, headers, body)
            else:
                status, extra, answer = state.web(method, url.path, headers, body)
            data = (
                (json.dumps(answer) if not isinstance(answer, str) else answer).encode()
                if answer is not None
                else b""
            )
            self.send_response(status)
            self.send_header(
                "Content-Type",
                "application/json" if not isinstance(answer, str) else "text/plain",
            )
            self.send_header("Content-Length", str(len(data)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
    assert state.errors == [], state.errors


def many(n: int) -> list[dict[str, Any]]:
    base = zotero_items(from_csl(items()))[0]
    return [
        dict(base, extra=f"Citation Key: doc{i}", title=f"Memo {i}") for i in range(n)
    ]


needs_pyzotero = pytest.mark.skipif(
    not __import__("importlib").util.find_spec("pyzotero"),
    reason="pyzotero is not installed (pip install 'archcite[zotero]')",
)


@needs_pyzotero
def test_web_push_batches_into_a_new_collection(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    sleeps: list[float] = []
    report = push_web(
        many(120),
        "475425",
        KEY,
        collection="Cold War sources",
        endpoint=url,
        sleep=sleeps.append,
    )
    writes = [(p, len(b)) for m, p, _, b in state.log if m == "POST"]
    assert writes == [
        ("/users/475425/collections", 1),
        ("/users/475425/items", 50),
        ("/users/475425/items", 50),
        ("/users/475425/items", 20),
    ]
    assert report.collection_created and report.collection_key == "COLL0000"
    assert len(report.created) == 120 and len(set(report.keys)) == 120
    assert all(i["data"]["collections"] == ["COLL0000"] for i in state.items.values())
    assert sleeps == []
    assert "created 120 item(s) in collection 'Cold War sources'" in report.summary()


@needs_pyzotero
def test_web_push_never_sends_an_item_twice(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    push_web(
        many(3), "475425", KEY, collection="Sources", endpoint=url, sleep=lambda s: None
    )
    again = push_web(
        many(5), "475425", KEY, collection="Sources", endpoint=url, sleep=lambda s: None
    )
    assert again.skipped == ("doc0", "doc1", "doc2")
    assert again.created == ("doc3", "doc4")
    assert not again.collection_created
    assert sorted(citation_key(i["data"]) or "" for i in state.items.values()) == [
        f"doc{i}" for i in range(5)
    ]


@needs_pyzotero
def test_web_push_waits_out_429_and_backoff(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    state.rate_limit_next_writes = 2
    state.backoff_on_success = "3"
    sleeps: list[float] = []
    report = push_web(many(2), "475425", KEY, endpoint=url, sleep=sleeps.append)
    assert sleeps == [7.0, 7.0, 3.0]
    assert report.created == ("doc0", "doc1")
    assert len(state.items) == 2  # the refused attempts stored nothing


@needs_pyzotero
def test_web_push_gives_up_on_endless_429(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    state.rate_limit_next_writes = 99
    with pytest.raises(PushError, match="still rate-limiting after 2 retries"):
        push_web(many(1), "475425", KEY, endpoint=url, sleep=lambda s: None, retries=2)
    assert state.items == {}


@needs_pyzotero
def test_web_push_bad_key_is_one_clear_line(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    state.bad_key = True
    with pytest.raises(
        PushError, match=r"refused the API key for user library 475425 \(403\)"
    ):
        push_web(
            many(1), "475425", KEY, collection="X", endpoint=url, sleep=lambda s: None
        )


@needs_pyzotero
def test_web_push_reports_failed_items(zotero: tuple[FakeZotero, str]) -> None:
    _, url = zotero
    bad = many(2)
    bad[1] = dict(bad[1], bogusField="x")
    report = push_web(bad, "475425", KEY, endpoint=url, sleep=lambda s: None)
    assert report.created == ("doc0",)
    assert report.failed == (("doc1", "400: 'bogusField' is not a valid field"),)


@needs_pyzotero
def test_web_push_unreachable_server() -> None:
    with pytest.raises(PushError, match="cannot reach the Zotero Web API"):
        push_web(
            many(1),
            "475425",
            KEY,
            collection="X",
            endpoint=f"http://127.0.0.1:{free_port()}",
            sleep=lambda s: None,
        )


@needs_pyzotero
def test_export_command_web(zotero: tuple[FakeZotero, str], tmp_path: Path) -> None:
    state, url = zotero
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps(items()), encoding="utf-8")
    env = {
        "ARCHCITE_ZOTERO_API_KEY": KEY,
        "ARCHCITE_ZOTERO_LIBRARY_ID": "475425",
        "ARCHCITE_ZOTERO_API_URL": url,
    }
    result = CliRunner().invoke(
        export, [str(refs), "--to", "zotero", "--collection", "Thesis"], env=env
    )
    assert result.exit_code == 0, result.output
    # four documents, two archival collections, one FRUS volume
    assert "created 7 item(s) in collection 'Thesis'" in result.output
    types = sorted(i["data"]["itemType"] for i in state.items.values())
    # collections, and the file-level document, are manuscripts (with
    # "type: collection" in Extra)
    assert types == [
        "book",
        "bookSection",
        "letter",
        "manuscript",
        "manuscript",
        "manuscript",
        "manuscript",
    ]


def test_web_push_without_pyzotero_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyzotero", None)
    with pytest.raises(ArchciteError, match=r"pip install 'archcite\[zotero\]'"):
        push_web(many(1), "475425", KEY)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_connector_saves_items(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    report = push_connector(many(60), url)
    saves = [b for m, p, _, b in state.log if p == "/connector/saveItems"]
    assert [len(b["items"]) for b in saves] == [50, 10]
    assert len({b["sessionID"] for b in saves}) == 2
    assert len(report.created) == 60 and len(state.items) == 60
    assert all("collections" not in i for i in state.items.values())


def test_connector_not_running() -> None:
    with pytest.raises(PushError, match="Zotero desktop is not running"):
        push_connector(many(1), f"http://127.0.0.1:{free_port()}")


def test_connector_error_reports_what_was_saved(zotero: tuple[FakeZotero, str]) -> None:
    state, url = zotero
    state.connector_status = 500
    with pytest.raises(PushError, match="refused the items \\(500"):
        push_connector(many(1), url)


def test_export_command_connector_and_dry_run(
    zotero: tuple[FakeZotero, str], tmp_path: Path
) -> None:
    state, url = zotero
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps(items()), encoding="utf-8")
    dry = CliRunner().invoke(export, [str(refs), "--to", "zotero", "--dry-run"])
    assert dry.exit_code == 0 and json.loads(dry.output)[0]["itemType"] == "manuscript"
    assert state.log == []
    env = {"ARCHCITE_ZOTERO_CONNECTOR_URL": url}
    result = CliRunner().invoke(
        export,
        [str(refs), "--to", "zotero", "--connector", "--collection", "X"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert (
        "created 7 item(s)" in result.output and "selected in Zotero" in result.output
    )
