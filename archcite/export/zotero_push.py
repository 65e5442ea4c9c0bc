"""Send items to Zotero: the Web API (through pyzotero) or the desktop connector.

Guarantees, because a historian's library is not a scratch pad:

- **Nothing is sent twice.** Items carry their archcite id as Zotero's
  ``Citation Key:`` line in Extra; items already in the target collection with that key are
  skipped, so a second run after an interruption only adds what is missing. A
  batch is re-sent only when Zotero answered 429 (which means it stored
  nothing); any other failure stops the run and says what was already saved.
- **Rate limits are honoured.** ``Retry-After``/``Backoff`` headers are waited
  out (through an injectable ``sleep``), with a bounded number of retries.
- **Clear errors.** A refused key, an unknown library, an unreachable server
  each become one :class:`PushError` line, never a traceback.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from archcite.errors import ArchciteError

BATCH = 50  # Zotero's Web API limit for one write request
MAX_RETRIES = 5
WEB_API = "https://api.zotero.org"
CONNECTOR = "http://127.0.0.1:23119"

Sleep = Callable[[float], None]


class PushError(ArchciteError):
    """Sending to Zotero failed; the message says what was saved before."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push did, item by item (archcite ids)."""

    created: tuple[str, ...] = ()
    #: Zotero's keys for the created items, in the same order
    keys: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()
    collection: str | None = None
    collection_key: str | None = None
    collection_created: bool = False
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        where = f" in collection {self.collection!r}" if self.collection else ""
        lines = [f"created {len(self.created)} item(s){where}"]
        if self.collection_created:
            lines.append(
                f"created collection {self.collection!r} ({self.collection_key})"
            )
        if self.skipped:
            lines.append(
                f"skipped {len(self.skipped)} already there: {', '.join(self.skipped)}"
            )
        lines += [f"failed {cid}: {msg}" for cid, msg in self.failed]
        lines += list(self.notes)
        return "\n".join(lines)


def _delay(headers: Mapping[str, str] | Any) -> float | None:
    for name in ("Retry-After", "Backoff"):
        value = headers.get(name) if headers is not None else None
        if value:
            try:
                return max(float(value), 0.0)
            except ValueError:
                return None
    return None


def _key_of(item: Mapping[str, Any]) -> str:
    from archcite.export.zotero import citation_key

    return citation_key(item) or str(item.get("title") or "?")


# -- Web API ---------------------------------------------------------------------


class _Web:
    """pyzotero with archcite's retry, backoff and error policy around it."""

    def __init__(
        self, library_id: str, library_type: str, api_key: str | None,
        endpoint: str, sleep: Sleep, retries: int,
    ) -> None:  # fmt: skip
        try:
            from pyzotero import zotero
        except ImportError:
            raise ArchciteError(
                "exporting to the Zotero Web API needs pyzotero: "
                "pip install 'archcite[zotero]' (or use --connector)"
            ) from None
        self.zot = zotero.Zotero(library_id, library_type, api_key)
        self.zot.endpoint = endpoint.rstrip("/")
        self.sleep = sleep
        self.retries = retries
        self.where = f"{library_type} library {library_id}"

    def _status(self) -> int | None:
        req = getattr(self.zot, "request", None)
        return getattr(req, "status_code", None)

    def _headers(self) -> Any:
        req = getattr(self.zot, "request", None)
        return getattr(req, "headers", {})

    def _explain(self, exc: Exception, what: str) -> PushError:
        status = self._status()
        name = type(exc).__name__
        if status in (401, 403) or "NotAuthorised" in name:
            msg = (
                f"Zotero refused the API key for {self.where} ({status or 403}): check "
                "--api-key / ARCHCITE_ZOTERO_API_KEY, the library id, and that the key "
                "may write to this library"
            )
        elif status == 404 or "NotFound" in name:
            msg = f"Zotero does not know {self.where} (404): check --library-id and --library-type"
        elif status is not None and status >= 400:
            msg = f"Zotero answered {status} while {what}"
        elif type(exc).__module__.split(".")[0] in (
            "httpx",
            "httpx2",
            "requests",
        ) or isinstance(exc, OSError):
            msg = f"cannot reach the Zotero Web API at {self.zot.endpoint} while {what} ({exc})"
        else:
            msg = f"Zotero request failed while {what} ({name}: {exc})"
        return PushError(msg)

    def call(self, fn: Callable[[], Any], what: str) -> Any:
        """Run one pyzotero call; retry only when Zotero answered 429."""
        for _ in range(self.retries + 1):
            # pyzotero would sleep on a recorded backoff itself; archcite sleeps
            # through its own (injectable) clock instead.
            self.zot.backoff_until = 0.0
            try:
                result = fn()
            except Exception as exc:
                if self._status() != 429:
                    raise self._explain(exc, what) from None
                result = None
            if self._status() == 429:
                delay = _delay(self._headers())
                if delay is None:
                    raise PushError(
                        f"Zotero is rate-limiting ({what}) and gave no Retry-After"
                    )
                self.sleep(delay)
                continue
            backoff = _delay(self._headers())
            if backoff:
                self.sleep(backoff)  # Backoff on a success: wait before the next call
            self.zot.backoff_until = 0.0
            return result
        raise PushError(
            f"Zotero is still rate-limiting after {self.retries} retries ({what})"
        )


def _collection(web: _Web, name: str) -> tuple[str, bool]:
    colls = web.call(
        lambda: web.zot.everything(web.zot.collections()), "listing collections"
    )
    for coll in colls or []:
        data = coll.get("data", coll)
        if data.get("name") == name:
            return str(coll.get("key") or data.get("key")), False
    made = web.call(
        lambda: web.zot.create_collections([{"name": name}]), "creating the collection"
    )
    key = (made or {}).get("success", {}).get("0")
    if not key:
        raise PushError(f"Zotero did not create the collection {name!r}: {made!r}")
    return str(key), True


def _existing_keys(web: _Web, coll_key: str | None) -> set[str]:
    if coll_key is None:
        return set()
    got = web.call(
        lambda: web.zot.everything(web.zot.collection_items_top(coll_key)),
        "listing the collection's items",
    )
    keys = set()
    for item in got or []:
        data = item.get("data", item)
        key = _key_of(data)
        if key != "?":
            keys.add(key)
    return keys


def push_web(
    items: Sequence[Mapping[str, Any]],
    library_id: str,
    api_key: str | None,
    library_type: str = "user",
    collection: str | None = None,
    endpoint: str = WEB_API,
    sleep: Sleep = time.sleep,
    retries: int = MAX_RETRIES,
) -> PushReport:
    """Create Zotero items (item JSON from :mod:`archcite.export.zotero`) in a library."""
    if not library_id:
        raise ArchciteError("--library-id (or ARCHCITE_ZOTERO_LIBRARY_ID) is required")
    if library_type not in ("user", "group"):
        raise ArchciteError("--library-type must be 'user' or 'group'")
    web = _Web(str(library_id), library_type, api_key, endpoint, sleep, retries)
    coll_key, coll_new = _collection(web, collection) if collection else (None, False)
    existing = _existing_keys(web, coll_key) if not coll_new else set()
    todo, skipped = [], []
    for item in items:
        if _key_of(item) in existing:
            skipped.append(_key_of(item))
            continue
        payload = dict(item)
        if coll_key:
            payload["collections"] = [coll_key]
        todo.append(payload)
    created: list[str] = []
    keys: list[str] = []
    failed: list[tuple[str, str]] = []
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        try:
            answer = web.call(partial(web.zot.create_items, batch), "creating items")
        except PushError as exc:
            saved = f"; already saved: {', '.join(created)}" if created else ""
            raise PushError(f"{exc.message}{saved}") from None
        answer = answer or {}
        for index, key in sorted(
            answer.get("success", {}).items(), key=lambda kv: int(kv[0])
        ):
            created.append(_key_of(batch[int(index)]))
            keys.append(str(key))
        for index in answer.get("unchanged", {}):
            skipped.append(_key_of(batch[int(index)]))
        for index, err in answer.get("failed", {}).items():
            failed.append(
                (_key_of(batch[int(index)]), f"{err.get('code')}: {err.get('message')}")
            )
    return PushReport(
        tuple(created), tuple(keys), tuple(skipped), tuple(failed),
        collection, coll_key, coll_new,
    )  # fmt: skip


# -- desktop connector -----------------------------------------------------------


def _post(url: str, body: Any, timeout: float) -> tuple[int, bytes]:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Zotero-Connector-API-Version": "3",
            "User-Agent": "archcite",
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return int(resp.status), resp.read()
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read()


def push_connector(
    items: Sequence[Mapping[str, Any]],
    url: str = CONNECTOR,
    timeout: float = 30.0,
    collection: str | None = None,
) -> PushReport:
    """Save items into the running Zotero desktop (its selected collection)."""
    base = url.rstrip("/")
    try:
        status, _ = _post(f"{base}/connector/ping", {}, timeout)
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(
            f"Zotero desktop is not running or not reachable at {base} ({exc})"
        ) from None
    if status != 200:
        raise PushError(f"{base} answered {status} to a ping: is it Zotero?")
    created: list[str] = []
    for start in range(0, len(items), BATCH):
        batch = []
        for n, item in enumerate(items[start : start + BATCH]):
            entry = {
                k: v for k, v in item.items() if k not in ("collections", "relations")
            }
            entry.update(
                {"id": f"archcite-{start + n}", "attachments": [], "notes": []}
            )
            batch.append(entry)
        body = {
            "items": batch,
            "uri": "urn:archcite:export",
            "sessionID": uuid.uuid4().hex,
        }
        try:
            status, text = _post(f"{base}/connector/saveItems", body, timeout)
        except (urllib.error.URLError, OSError) as exc:
            done = f"; already saved: {', '.join(created)}" if created else ""
            raise PushError(
                f"lost the connection to Zotero desktop ({exc}){done}"
            ) from None
        if status != 201:
            done = f"; already saved: {', '.join(created)}" if created else ""
            detail = text.decode("utf-8", "replace").strip()[:200]
            raise PushError(
                f"Zotero desktop refused the items ({status} {detail}){done}"
            )
        created += [_key_of(i) for i in batch]
    notes: tuple[str, ...] = ()
    if collection:
        notes = (
            "note: the connector saves into the collection selected in Zotero; "
            f"--collection {collection!r} applies only to the Web API",
        )
    return PushReport(created=tuple(created), notes=notes)


__all__ = ["BATCH", "PushError", "PushReport", "push_connector", "push_web"]
