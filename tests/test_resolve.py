"""The resolve pass: Ibid. chains, short forms, "hereafter", internal FRUS refs."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from archcite.grammar.segment import clauses
from archcite.grammar.shortforms import recognize as recognize_ibid
from archcite.model import (
    ArchivalRef,
    Citation,
    DocItem,
    FrusRef,
    Kind,
    Located,
    Note,
    PublishedRef,
)
from archcite.resolve import IBID_NOTE_REACH, SHORT_FORM_REACH, resolve

# -- building documents by hand ------------------------------------------------

KENNEDY = ArchivalRef(
    repository="John F. Kennedy Presidential Library",
    repository_as_cited="Kennedy Library",
    place="Boston, MA",
    collection="National Security Files",
    series="Meetings and Memoranda Series",
    file_unit="NSAM No. 129, U.S.-USSR Space Cooperation",
    box="334",
    folder="3",
    in_authority=True,
    item=DocItem(type="memorandum", author=("Dean Rusk",), date="1962-02-20"),
    classification="Secret",
)


def arch(
    text: str = "Kennedy Library, NSF, Box 334", ref: ArchivalRef = KENNEDY
) -> Citation:
    return Citation(text, 0, len(text), "archival", "parsed", archival=ref)


def ibid(text: str = "Ibid.") -> Citation:
    found = recognize_ibid(text)
    assert len(found) == 1
    return found[0]


def other(kind: Kind, text: str = "x") -> Citation:
    status = "unrecognized" if kind == "unrecognized" else "parsed"
    return Citation(text, 0, len(text), kind, status)


def frus(volume_id: str, docs: tuple[int, ...] = (), text: str = "FRUS") -> Citation:
    ref = FrusRef(volume_id=volume_id, volume="VI", documents=docs)
    return Citation(text, 0, len(text), "frus", "parsed", frus=ref)


def document(
    *notes: list[Citation],
    docs: list[str | None] | None = None,
    volume_id: str | None = None,
    gaps: dict[int, int] | None = None,
    labels: list[str] | None = None,
) -> list[Located]:
    """Locate the citations of ``notes`` (one list per note) in order.

    A note's text is its citations joined, so a lone "Ibid." is the whole note.
    ``gaps`` maps a note position to extra citation-less notes before it.
    ``labels`` are the notes' numbers (by default running: 1, 2, 3 …).
    """
    out: list[Located] = []
    index = 0
    for n, cites in enumerate(notes):
        index += (gaps or {}).get(n, 0)
        text = " ".join(c.text for c in cites)
        note = Note(
            "doc.txt",
            labels[n] if labels else str(index + 1),
            index,
            text,
            doc=docs[n] if docs else None,
            volume_id=volume_id,
        )
        out.extend(Located(c, note, len(out)) for c in cites)
        index += 1
    return out


def resolved(*notes: list[Citation], **kw: object) -> list[Citation]:
    return [loc.citation for loc in resolve(document(*notes, **kw))]  # type: ignore[arg-type]


# -- Ibid. --------------------------------------------------------------------------


def test_ibid_with_new_box_inherits_the_unit_and_drops_the_folder() -> None:
    out = resolved([arch()], [ibid("Ibid., Box 12.")])
    c = out[1]
    assert c.kind == "ibid" and c.antecedent == 0 and c.reason is None
    assert c.archival is not None
    assert c.archival.repository == KENNEDY.repository
    assert c.archival.collection == KENNEDY.collection
    assert c.archival.series == KENNEDY.series
    assert c.archival.box == "12"
    assert c.archival.folder is None and c.archival.file_unit is None


def test_ibid_with_new_folder_keeps_the_box() -> None:
    out = resolved([arch()], [ibid("Ibid., Folder 8.")])
    assert out[1].archival is not None
    assert (out[1].archival.box, out[1].archival.folder) == ("334", "8")


def test_bare_ibid_note_inherits_everything_including_the_document() -> None:
    out = resolved([arch()], [ibid("Ibid.")])
    assert out[1].archival == KENNEDY
    assert out[1].antecedent == 0


def test_ibid_inside_prose_does_not_inherit_the_document() -> None:
    prose = other("not-a-citation", "Rusk's reply of March 3 is in the same file.")
    out = resolved([arch()], [prose, ibid("ibid.")])
    assert out[2].antecedent == 0
    assert out[2].archival is not None
    assert out[2].archival.box == "334"
    assert out[2].archival.item == DocItem() and out[2].archival.classification is None


def test_ibid_at_the_first_note() -> None:
    out = resolved([ibid()])
    assert out[0].antecedent is None and out[0].reason == "no earlier citation"
    out = resolved([other("not-a-citation", "Not printed.")], [ibid()])
    assert out[1].reason == "no earlier citation"


def test_unrecognized_citation_breaks_the_chain() -> None:
    out = resolved([arch()], [other("unrecognized", "Smith Papers, item 4")], [ibid()])
    assert out[2].antecedent is None
    assert out[2].reason == "an unrecognized citation intervenes"
    # inside one note too
    out = resolved([arch(), other("unrecognized", "Smith Papers"), ibid("ibid.")])
    assert out[2].reason == "an unrecognized citation intervenes"


def test_not_a_citation_does_not_break_the_chain() -> None:
    out = resolved(
        [arch(), other("not-a-citation", "Secret; Nodis.")],
        [other("not-a-citation", "Not printed.")],
        [ibid()],
    )
    assert out[3].antecedent == 0


def test_ibid_after_a_note_with_several_citations_is_ambiguous() -> None:
    out = resolved([arch(), frus("frus1961-63v06")], [ibid()])
    assert out[2].antecedent is None
    assert out[2].reason is not None and out[2].reason.startswith("ambiguous")
    # read but not resolved: not to be taken for a complete citation
    assert out[2].status == "partial"


def test_ibid_right_after_a_citation_in_the_same_note_is_not_ambiguous() -> None:
    out = resolved([frus("frus1961-63v06"), arch(), ibid("ibid., Box 9")])
    assert out[2].antecedent == 1 and out[2].archival is not None
    assert out[2].archival.box == "9"


def test_chain_resolves_to_the_ultimate_source_and_accumulates_locators() -> None:
    out = resolved(
        [arch()],
        [
            ibid("ibid., Box 12"),
            other("not-a-citation", "Memo of June 1"),
            ibid("ibid."),
        ],
        [ibid("Ibid.")],
    )
    assert [c.antecedent for c in out] == [None, 0, None, 0, 0]
    for c in (out[1], out[3], out[4]):
        assert c.archival is not None and c.archival.box == "12"
        assert c.archival.collection == KENNEDY.collection


def test_ibid_after_an_unresolved_ibid_does_not_resolve() -> None:
    out = resolved([ibid()], [ibid()])
    assert out[1].antecedent is None
    assert out[1].reason == "the Ibid. or short form before it did not resolve"


def test_reach_is_bounded_in_notes() -> None:
    ok = resolved([arch()], [ibid()], gaps={1: IBID_NOTE_REACH - 1})
    assert ok[1].antecedent == 0
    far = resolved([arch()], [ibid()], gaps={1: IBID_NOTE_REACH})
    assert far[1].antecedent is None
    assert far[1].reason is not None and "notes back" in far[1].reason


def test_ibid_must_be_in_the_next_citing_note() -> None:
    # note 2 has a citation, so an Ibid. in note 3 refers to it, not to note 1
    out = resolved([arch()], [frus("frus1961-63v06")], [ibid("Ibid., Box 3")])
    assert out[2].antecedent is None
    assert out[2].reason is not None and "FRUS" in out[2].reason


def test_ibid_does_not_cross_tei_documents() -> None:
    # modern volumes number each document's footnotes from 1
    out = resolved([arch()], [ibid()], docs=["d85", "d86"], labels=["4", "1"])
    assert out[1].reason == "no earlier citation in document d86"
    out = resolved([arch()], [ibid()], docs=["d85", "d86"], labels=["1", "3"])
    assert out[1].reason == "no earlier citation in document d86"


def test_ibid_follows_footnotes_numbered_through_a_chapter() -> None:
    # legacy volumes number footnotes on across documents (ch30fn16, d550fn17)
    out = resolved([arch()], [ibid()], docs=["ch30", "d550"], labels=["16", "17"])
    assert out[1].antecedent == 0 and out[1].reason is None


def _label_note(index: int, text: str, doc: str) -> Note:
    """A legacy ``<note rend="inline" type="source">``: no @n, no xml:id."""
    return Note("v.xml", str(index + 1), index, text, doc=doc, note_type="source")


def test_inline_source_labels_take_no_part_in_ibid_chains() -> None:
    # frus1930v01: ch30fn16 "Foreign Relations, 1929, vol. ii, pp. 60 ff.", the
    # label "711.428/1329" of d550, then d550fn17 "Ibid., p. 61".
    cited = frus("frus1929v02", text="Foreign Relations, 1929, vol. ii, pp. 60 ff.")
    notes = [
        Note("v.xml", "16", 0, cited.text, doc="ch30", note_id="ch30fn16"),
        _label_note(1, "711.428/1329", "d550"),
        Note("v.xml", "17", 2, "Ibid., p. 61", doc="d550", note_id="d550fn17"),
    ]
    label = Citation(
        "711.428/1329",
        0,
        12,
        "archival",
        "parsed",
        archival=ArchivalRef(file_number="711.428/1329"),
    )
    located = [
        Located(cited, notes[0], 0),
        Located(label, notes[1], 1),
        Located(ibid("Ibid., p. 61"), notes[2], 2),
    ]
    c = resolve(located)[2].citation
    assert c.antecedent == 0 and c.reason is None
    assert c.frus is not None
    assert (c.frus.volume_id, c.frus.pages) == ("frus1929v02", ("61",))


def test_a_note_with_an_id_or_a_number_is_not_a_label() -> None:
    from archcite.grammar.labels import is_label

    assert is_label(_label_note(4, "File No. 861.00/3254", "d444"))
    assert not is_label(Note("v.xml", "1", 0, "Source: …", note_id="d1fn1"))
    assert not is_label(Note("v.xml", "3", 0, "Source: …", note_type="source"))
    assert not is_label(Note("v.xml", "1", 0, "Ibid.", note_type="footnote"))


def test_ibid_page_after_a_bare_archival_location_is_refused() -> None:
    file_number = Citation(
        "File No. 861.00/3254",
        0,
        20,
        "archival",
        "parsed",
        archival=ArchivalRef(file_number="861.00/3254"),
    )
    out = resolved([file_number], [ibid("Ibid., p. 437")])
    assert out[1].antecedent is None
    assert out[1].status == "partial" and out[1].reason
    assert out[1].reason is not None and "names no document" in out[1].reason
    # a box is still a finer locator of it
    out = resolved([file_number], [ibid("Ibid., Box 4")])
    assert out[1].antecedent == 0


def test_elliptical_volume_is_the_sibling_of_the_tei_volume() -> None:
    ref = FrusRef(volume="II", pages=("436",))
    vol_ii = Citation("Vol. ii, p. 436", 0, 15, "frus", "partial", frus=ref)
    out = resolved([vol_ii], [ibid("Ibid., p. 437")], volume_id="frus1918Russiav03")
    assert out[0].frus is not None and out[0].frus.volume_id == "frus1918Russiav02"
    assert out[0].status == "parsed"
    assert out[1].antecedent == 0 and out[1].frus is not None
    assert (out[1].frus.volume_id, out[1].frus.pages) == ("frus1918Russiav02", ("437",))
    # without a volume to be the sibling of, nothing is guessed
    out = resolved([vol_ii])
    assert out[0].frus is not None and out[0].frus.volume_id is None


def test_partial_ibid_inherits_nothing() -> None:
    out = resolved([arch()], [ibid("Ibid., as quoted above")])
    assert out[1].antecedent is None
    assert out[1].reason is not None and "not a finer locator" in out[1].reason


NARA = ArchivalRef(
    repository="National Archives and Records Administration",
    record_group="59",
    collection="Central Files 1964–66",
    file_number="POL JAPAN–US",
)


def test_ibid_naming_another_collection_keeps_repository_and_record_group() -> None:
    pytest.importorskip("archcite.grammar.archival")
    out = resolved(
        [arch("National Archives …", NARA)],
        [ibid("Ibid., S/PC Files: Lot 72 D 139, Country Files")],
    )
    c = out[1]
    assert c.antecedent == 0 and c.archival is not None
    assert (c.archival.repository, c.archival.record_group) == (NARA.repository, "59")
    assert (c.archival.collection, c.archival.lot) == ("S/PC Files", "72 D 139")
    assert c.archival.file_number is None  # the old file is not inherited


def test_ibid_pages_after_a_published_work() -> None:
    treaty = Citation(
        "League of Nations Treaty Series, vol. cxiv, p. 189",
        0,
        50,
        "published",
        "parsed",
        published=PublishedRef(
            title="League of Nations Treaty Series", volume="cxiv", pages="189"
        ),
    )
    out = resolved([treaty], [ibid("Ibid., vol. cv, p. 9.")])
    assert out[1].antecedent == 0
    assert out[1].published == PublishedRef(
        title="League of Nations Treaty Series", volume="cv", pages="9"
    )
    out = resolved([treaty], [ibid("Ibid., p. 190.")])
    assert out[1].published is not None
    assert (out[1].published.volume, out[1].published.pages) == ("cxiv", "190")


def test_ibid_page_after_an_archival_document_is_kept_as_pinpoint() -> None:
    out = resolved([arch()], [ibid("Ibid., 2.")])
    assert out[1].antecedent == 0
    assert out[1].archival == KENNEDY
    assert out[1].published == PublishedRef(pages="2")


def test_ibid_volume_after_archival_is_refused() -> None:
    out = resolved([arch()], [ibid("Ibid., vol. 3, p. 2.")])
    assert out[1].antecedent is None and out[1].reason is not None


def test_ibid_archival_locator_after_frus_is_refused() -> None:
    out = resolved([frus("frus1961-63v06")], [ibid("Ibid., Box 3.")])
    assert out[1].antecedent is None and out[1].reason is not None


def test_ibid_document_in_a_frus_volume() -> None:
    out = resolved(
        [frus("frus1945-50Intel", (257,))], [ibid("printed ibid., Document 292.")]
    )
    c = out[1]
    assert c.antecedent == 0 and c.frus is not None
    assert (c.frus.volume_id, c.frus.documents) == ("frus1945-50Intel", (292,))
    assert any(u.endswith("frus1945-50Intel/d292") for u in c.frus.urls)


def test_ibid_other_volume_uses_the_sibling_or_refuses() -> None:
    out = resolved(
        [frus("frus1961-63v06", (35,))], [ibid("see ibid., vol. VIII, Document 68.")]
    )
    c = out[1]
    assert c.antecedent == 0 and c.frus is not None
    assert (c.frus.volume_id, c.frus.documents) == ("frus1961-63v08", (68,))


# -- short forms ----------------------------------------------------------------------

SHORT = ArchivalRef(
    repository="John F. Kennedy Presidential Library",
    repository_as_cited="JFKL",
    collection="National Security Files",
    item=DocItem(author=("Rusk",), recipient=(), date="1962-02-20"),
)


def test_archival_matching_an_earlier_fuller_one_becomes_short() -> None:
    short = arch("Rusk, February 20, 1962, NSF, JFKL.", SHORT)
    out = resolved([arch()], [other("not-a-citation", "Prose.")], [short])
    c = out[2]
    assert c.kind == "short" and c.antecedent == 0 and c.reason is None
    assert c.archival is not None
    assert (c.archival.box, c.archival.folder, c.archival.series) == (
        "334",
        "3",
        KENNEDY.series,
    )
    assert c.archival.item.type == "memorandum"


def test_short_form_with_its_own_box_overrides_the_finer_locators() -> None:
    from dataclasses import replace

    short = arch("Rusk, February 20, 1962, box 9, NSF, JFKL.", replace(SHORT, box="9"))
    out = resolved([arch()], [short])
    assert out[1].archival is not None
    assert (out[1].archival.box, out[1].archival.folder) == ("9", None)
    assert out[1].archival.series == KENNEDY.series


def test_a_repeated_full_citation_stays_archival() -> None:
    out = resolved([arch()], [arch()])
    assert out[1].kind == "archival" and out[1].antecedent is None


def test_different_author_is_not_a_short_form() -> None:
    from dataclasses import replace

    other_item = replace(SHORT, item=DocItem(author=("Bundy",), date="1962-02-20"))
    out = resolved([arch()], [arch("Bundy, February 20, 1962, NSF, JFKL.", other_item)])
    assert out[1].kind == "archival" and out[1].antecedent is None


def test_short_form_reach() -> None:
    filler = [[frus("frus1961-63v06")] for _ in range(SHORT_FORM_REACH)]
    out = resolved([arch()], *filler, [arch("Rusk short", SHORT)])
    assert out[-1].kind == "archival"  # 50 citations between: out of reach
    out = resolved([arch()], *filler[:-1], [arch("Rusk short", SHORT)])
    assert out[-1].kind == "short" and out[-1].antecedent == 0


def test_recognized_short_without_antecedent_gets_a_reason() -> None:
    c = Citation("Rusk short", 0, 10, "short", "parsed", archival=SHORT)
    out = resolved([c])
    assert out[0].antecedent is None and out[0].reason is not None


def test_ambiguous_short_form() -> None:
    from dataclasses import replace

    second = replace(KENNEDY, box="12", file_unit="Other")
    c = Citation("Rusk short", 0, 10, "short", "parsed", archival=SHORT)
    out = resolved([arch()], [arch("Kennedy Library, …, Box 12", second)], [c])
    assert out[2].antecedent is None
    assert out[2].reason is not None and out[2].reason.startswith("ambiguous")


def test_hereafter_cited_as() -> None:
    from dataclasses import replace

    papers = ArchivalRef(
        repository="Library of Congress",
        place="Washington, DC",
        collection="Papers of Dean Rusk",
    )
    declaring = replace(
        arch("Library of Congress, Papers of Dean Rusk", papers), declares="Rusk Papers"
    )
    later = other("unrecognized", "Rusk Papers, Box 3")
    vague = other("unrecognized", "Rusk Papers, the folder on Laos")
    unrelated = other("unrecognized", "Rusk Papersmith, Box 3")
    out = resolved([declaring], [later], [vague], [unrelated])
    assert (
        out[1].kind == "short" and out[1].antecedent == 0 and out[1].status == "parsed"
    )
    assert out[1].archival is not None
    assert (out[1].archival.collection, out[1].archival.box) == (
        "Papers of Dean Rusk",
        "3",
    )
    assert (
        out[2].kind == "short" and out[2].antecedent == 0 and out[2].status == "partial"
    )
    assert out[3].kind == "unrecognized"


def test_hereafter_then_ibid_chains_to_the_declaring_citation() -> None:
    from dataclasses import replace

    declaring = replace(arch(), declares="“NSAM 129 file”")
    out = resolved(
        [declaring], [other("unrecognized", "NSAM 129 file, Box 8")], [ibid()]
    )
    assert out[1].antecedent == 0
    assert out[2].antecedent == 0
    assert out[2].archival is not None and out[2].archival.box == "8"


def test_hereafter_clause_of_its_own_declares_the_citation_before_it() -> None:
    from dataclasses import replace

    declaration = replace(
        arch("hereafter cited as NSAM file", ArchivalRef(repository="X")),
        declares="NSAM file",
    )
    out = resolved(
        [arch(), declaration],
        [ibid()],
        [other("unrecognized", "NSAM file, Box 8")],
        [ibid("Ibid., Folder 2")],
    )
    # the declaration is not a second source: the Ibid. after it is not ambiguous
    assert out[2].antecedent == 0 and out[2].reason is None
    assert out[3].kind == "short" and out[3].antecedent == 0
    assert out[3].archival is not None and out[3].archival.series == KENNEDY.series
    assert out[4].antecedent == 0
    assert out[4].archival is not None
    assert (out[4].archival.box, out[4].archival.folder) == ("8", "2")


# -- internal FRUS references --------------------------------------------------------


def internal(text: str = "See Document 389", doc: int = 389) -> Citation:
    ref = FrusRef(documents=(doc,), internal=True)
    return Citation(text, 0, len(text), "internal", "parsed", frus=ref)


def test_internal_from_the_tei_volume() -> None:
    out = resolved([internal()], volume_id="frus1961-63v06")
    c = out[0]
    assert c.frus is not None and c.frus.volume_id == "frus1961-63v06"
    assert c.frus.documents == (389,) and c.reason is None


def test_internal_from_the_last_frus_volume_cited() -> None:
    see = internal("See Document 38", 38)
    out = resolved([frus("frus1961-63v05")], [frus("frus1961-63v06")], [see])
    c = out[2]
    assert c.antecedent == 1
    assert c.frus is not None and c.frus.volume_id == "frus1961-63v06"


def test_internal_not_bound_to_a_volume_too_small_for_it() -> None:
    # nsam129 note 2: "See also Document 389" after vol. VI (120 documents)
    out = resolved([frus("frus1961-63v06"), internal("See also Document 389")])
    c = out[1]
    assert c.antecedent is None and c.frus is not None and c.frus.volume_id is None
    assert c.reason == (
        "Document 389 cannot be in frus1961-63v06 (documents 1–120), the last FRUS "
        "volume cited; the current volume is unknown"
    )


def test_internal_without_context() -> None:
    out = resolved([arch()], [internal()])
    assert out[1].antecedent is None and out[1].reason == "no FRUS volume in context"
    assert out[1].frus is not None and out[1].frus.volume_id is None


# -- real notes from the corpus ------------------------------------------------------


def _note_text(xml: str) -> str:
    return " ".join("".join(etree.fromstring(xml).itertext()).split())


def _clause_citations(text: str) -> list[Citation]:
    """The Ibid. citations (and prose placeholders) of a real note, offsets in the note."""
    out: list[Citation] = []
    for span in clauses(text):
        for c in recognize_ibid(text[span.start : span.end]):
            out.append(
                Citation(
                    c.text,
                    c.start + span.start,
                    c.end + span.start,
                    c.kind,
                    c.status,
                    archival=c.archival,
                    published=c.published,
                    frus=c.frus,
                    reason=c.reason,
                )
            )
    return out


def _tei_note(path: Path, note_id: str) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        raw = json.loads(raw)["text"]
    m = re.search(rf'<note\b[^>]*xml:id="{note_id}"[^>]*>.*?</note>', raw, re.S)
    assert m is not None, note_id
    return m.group(0).replace('xml:id="', 'id="')


def _located(notes: list[tuple[str, list[Citation]]]) -> list[Located]:
    out: list[Located] = []
    for i, (text, cites) in enumerate(notes):
        note = Note("corpus", str(i + 1), i, text, doc="d")
        out.extend(Located(c, note, len(out)) for c in cites)
    return out


@pytest.mark.corpus
def test_corpus_d86_wnrc_ibid_chain(shared_dir: Path) -> None:
    notes = {}
    for line in (shared_dir / "corpus/frus-notes/frus1964-68v29p2.notes.jsonl").open():
        row = json.loads(line)
        if row["id"] in ("d86fn1", "d86fn2"):
            notes[row["id"]] = _note_text(row["xml"])
    wnrc = ArchivalRef(
        repository="Washington National Records Center",
        place="Suitland, MD",
        collection="OSD/OASD/ISA Files",
        accession="330 72 A 2468",
        file_number="Okinawa 323.3",
        classification="Secret",
    )
    source = notes["d86fn1"]
    src = Citation(source, 0, len(source), "archival", "parsed", archival=wnrc)
    ibids = _clause_citations(notes["d86fn2"])
    assert [c.text for c in ibids] == ["ibid., 092 Bonin Islands", "ibid."]
    out = resolve(_located([(source, [src]), (notes["d86fn2"], ibids)]))
    first, second = out[1].citation, out[2].citation
    assert first.antecedent == 0 and second.antecedent == 0
    for c in (first, second):
        assert c.archival is not None
        assert c.archival.repository == "Washington National Records Center"
        assert c.archival.accession == "330 72 A 2468"
        assert c.archival.file_number == "092 Bonin Islands"
        assert c.archival.classification is None  # another document, same file


@pytest.mark.corpus
def test_corpus_nixon_original_letter_is_ibid(shared_dir: Path) -> None:
    path = (
        shared_dir / "corpus/frus-slices/frus1969-76v19p1__chars_1000000-1016000.json"
    )
    source = _note_text(_tei_note(path, "d61fn1"))
    body = _note_text(_tei_note(path, "d61fn2"))
    nixon = ArchivalRef(
        repository="National Archives and Records Administration",
        repository_as_cited="National Archives",
        collection="Nixon Presidential Materials",
        series="NSC Files",
        box="542",
        file_unit="Country Files, Far East, Korea, Vol. III, 6/70–Dec 70",
    )
    src = Citation(source, 0, len(source), "archival", "parsed", archival=nixon)
    ibids = _clause_citations(body)
    assert len(ibids) == 1
    out = resolve(_located([(source, [src]), (body, ibids)]))
    c = out[1].citation
    assert c.antecedent == 0 and c.archival is not None
    assert (c.archival.collection, c.archival.series) == (
        "Nixon Presidential Materials",
        "NSC Files",
    )
    assert c.archival.box == "757"
    assert c.archival.file_unit == (
        "Presidential Correspondence 1969–1974, Korea: President Chung Hee Park, 1970"
    )


@pytest.mark.corpus
def test_corpus_legacy_treaty_series_ibid(shared_dir: Path) -> None:
    path = shared_dir / "corpus/frus-nyr/frus1930v01.xml"
    fn47 = _note_text(_tei_note(path, "d226fn47"))
    fn48 = _note_text(_tei_note(path, "d226fn48"))
    assert fn48 == "Ibid., vol. cv, p. 9."
    treaty = Citation(
        fn47,
        0,
        len(fn47),
        "published",
        "parsed",
        published=PublishedRef(
            title="League of Nations Treaty Series", volume="cxiv", pages="189"
        ),
    )
    out = resolve(_located([(fn47, [treaty]), (fn48, _clause_citations(fn48))]))
    c = out[1].citation
    assert c.antecedent == 0
    assert c.published == PublishedRef(
        title="League of Nations Treaty Series", volume="cv", pages="9"
    )


# -- properties ------------------------------------------------------------------------

_POOL: list[Citation] = [
    arch(),
    arch("Rusk short", SHORT),
    ibid("Ibid."),
    ibid("Ibid., Box 12."),
    ibid("ibid., 092 Bonin Islands"),
    ibid("Ibid., pages 39–41"),
    ibid("ibid., Document 292"),
    ibid("Ibid., S/PC Files: Lot 72 D 139"),
    other("unrecognized", "Smith Papers"),
    other("not-a-citation", "Not printed."),
    frus("frus1961-63v06", (35,)),
    internal(),
    Citation("Rusk short", 0, 10, "short", "parsed", archival=SHORT),
    Citation(
        "T", 0, 1, "published", "parsed", published=PublishedRef(title="T", pages="3")
    ),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(range(len(_POOL))), min_size=0, max_size=4),
        max_size=12,
    ),
    st.lists(st.sampled_from([None, "d1", "d2"]), min_size=12, max_size=12),
    st.sampled_from([None, "frus1961-63v06"]),
)
def test_properties(
    shape: list[list[int]], docs: list[str | None], volume_id: str | None
) -> None:
    notes = [[_POOL[i] for i in note] for note in shape]
    located = document(*notes, docs=docs[: len(notes)], volume_id=volume_id)
    out = resolve(located)
    assert len(out) == len(located)
    for before, after in zip(located, out, strict=True):
        assert after.index == before.index and after.note == before.note
        assert after.citation.text == before.citation.text
        c = after.citation
        if c.antecedent is not None:
            assert c.antecedent < after.index
            assert out[c.antecedent].citation.kind not in (
                "ibid",
                "unrecognized",
                "not-a-citation",
            )
        if c.kind in ("ibid", "short"):
            assert (c.antecedent is None) != (c.reason is None)
        if c.kind == "internal":
            filled = c.frus is not None and c.frus.volume_id is not None
            assert filled != (c.reason is not None)
    # resolving the output again finds the same antecedents and reasons
    again = resolve(out)
    assert [(x.citation.antecedent, x.citation.reason) for x in again] == [
        (x.citation.antecedent, x.citation.reason) for x in out
    ]


def _extracted(path: Path) -> dict[str, list[Citation]]:
    from archcite import pipeline, readers

    out: dict[str, list[Citation]] = {}
    located = pipeline.extract_source(readers.open_source(str(path)))
    for loc in located:
        out.setdefault(loc.note.note_id or "", []).append(loc.citation)
    return out


@pytest.mark.corpus
def test_corpus_legacy_page_ibid_skips_the_document_label(shared_dir: Path) -> None:
    # review M1: the Ibid. went to the label "711.428/1329" and lost its page
    notes = _extracted(shared_dir / "corpus/frus-nyr/frus1930v01.xml")
    for note_id, page in (("d550fn17", "61"), ("d550fn18", "66")):
        (c,) = notes[note_id]
        assert c.kind == "ibid" and c.reason is None and c.frus is not None
        assert (c.frus.volume_id, c.frus.pages) == ("frus1929v02", (page,))
        assert c.archival is None


@pytest.mark.corpus
def test_corpus_legacy_ibid_after_an_elliptical_volume(shared_dir: Path) -> None:
    notes = _extracted(shared_dir / "corpus/frus-nyr/frus1918Russiav03.xml")
    (c,) = notes["d444fn2"]  # "Ibid., p. 437" after d443fn1 "Vol. ii, p. 436"
    assert c.frus is not None and c.reason is None
    assert (c.frus.volume_id, c.frus.pages) == ("frus1918Russiav02", ("437",))


def test_several_documents_ibid_is_not_one_frus_document() -> None:
    # frus1964-68v29p2 d128fn3 after fn2 "see Document 131"
    see = internal("see Document 131", 131)
    text = "(Airgram A–1933, August 21, and Telegram 233292, September 5; both ibid.)"
    both = replace(ibid("ibid."), start=text.index("ibid."))
    both = replace(both, end=both.start + 5)
    notes = [
        Note("v.xml", "2", 0, see.text, doc="d128", volume_id="frus1964-68v29p2"),
        Note("v.xml", "3", 1, text, doc="d128", volume_id="frus1964-68v29p2"),
    ]
    out = resolve([Located(see, notes[0], 0), Located(both, notes[1], 1)])
    c = out[1].citation
    assert c.antecedent is None
    assert c.reason is not None and "several documents" in c.reason
    # one document ibid. is still that document
    one_doc = Note("v.xml", "3", 1, "Ibid.", doc="d128", volume_id="frus1964-68v29p2")
    out = resolve([Located(see, notes[0], 0), Located(ibid(), one_doc, 1)])
    assert out[1].citation.antecedent == 0
