"""RIS export: types, archive tags, CRLF lines."""

from __future__ import annotations

from export_fixtures import frus_citation, items, located

from archcite.export import ris
from archcite.items import collect, from_csl


def records(text: str) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = [[]]
    for line in text.split("\r\n"):
        if not line:
            continue
        tag, value = line[:2], line[6:]
        assert line[2:6] == "  - ", line
        out[-1].append((tag, value))
        if tag == "ER":
            out.append([])
    return [r for r in out if r]


def test_types_and_archive_tags() -> None:
    recs = {dict(r)["ID"]: r for r in records(ris.dumps(from_csl(items())))}
    nsam = dict(recs["nsam"])
    assert recs["nsam"][0] == ("TY", "MANSCPT")
    assert nsam["DB"] == "John F. Kennedy Presidential Library"
    assert nsam["AV"].endswith("Box 334")
    assert "CY" not in nsam  # CY is a publisher's place, never the archive's
    m2 = [v for t, v in recs["nsam"] if t == "M2"]
    assert m2[:2] == [
        "archive_collection: National Security Files",
        "Archive Place: Boston, MA",
    ]
    rusk = recs["rusk"]
    assert rusk[0] == ("TY", "PCOMM")
    assert ("AU", "Rusk, Dean") in rusk and ("A2", "Kennedy, John F.") in rusk
    assert ("DA", "1962/02/20/") in rusk and ("PY", "1962") in rusk
    assert recs["jfkl-nsf"][0] == ("TY", "MANSCPT")  # Zotero imports GEN as an article
    assert all(r[-1] == ("ER", "") for r in recs.values())


def test_frus_chapter_and_book() -> None:
    recs = {
        dict(r)["ID"]: r
        for r in records(ris.dumps(collect(located([frus_citation()]))))
    }
    d35 = dict(recs["frus1961-63v06-d35"])
    assert recs["frus1961-63v06-d35"][0] == ("TY", "CHAP")
    assert d35["T2"] == "Kennedy-Khrushchev Exchanges"
    assert d35["T3"] == "Foreign Relations of the United States"
    assert d35["TI"] == "Document 35" and "SP" not in d35  # no page "Document 35"
    assert d35["A2"] == "Sampson, Charles S."
    assert recs["frus1961-63v06"][0] == ("TY", "BOOK")
    assert dict(recs["frus1961-63v06"])["A3"] == "Sampson, Charles S."


def test_unpublished_manuscript_and_line_ends() -> None:
    text = ris.dumps([{"id": "draft", "type": "manuscript", "title": "Draft\nmemoir"}])
    assert text.startswith("TY  - UNPB\r\n")
    assert "TI  - Draft memoir\r\n" in text
    assert "\n" not in text.replace("\r\n", "")


def test_telegram_number_and_place_of_dispatch() -> None:
    telegram = {
        "id": "t",
        "type": "personal_communication",
        "genre": "telegram",
        "number": "2231",
        "event-place": "Moscow",
        "archive": "National Archives and Records Administration",
    }
    [rec] = records(ris.dumps([telegram]))[:1]
    # The number is in the supplied title; the place of dispatch in Extra.
    assert ("TI", "Telegram 2231") in rec and ("M2", "Event Place: Moscow") in rec
    assert not any(v.startswith("Number:") for _, v in rec)
    assert not any(t in ("M1", "CY") for t, _ in rec)
