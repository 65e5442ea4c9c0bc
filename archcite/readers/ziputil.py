"""Opening zip-packaged documents (DOCX, ODT) without trusting them.

A file that claims to be a DOCX may be anything: a renamed image, a truncated
download, a password-protected Word file (which is an OLE2 compound file, not a
zip), or a zip bomb. :func:`open_package` recognizes the common impostors by
their first bytes and says what they are; it checks every member's *declared*
size and compression ratio before anything is decompressed, and
:func:`read_member` never reads more than the declared size (zipfile stops
there and checks the CRC, so a lying header gives a "corrupt" error, not a
bomb). XML members are parsed by :mod:`archcite.readers.xmlsafe`; a member with
any DOCTYPE is refused outright, since neither OOXML nor ODF ever uses one.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from archcite.errors import InputError, UnsafeInputError
from archcite.readers import xmlsafe
from archcite.readers.sniff import looks_like_text

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
#: Office XML compresses about 10:1; anything past this is built to explode.
MAX_RATIO = 200
#: Members smaller than this may have any ratio (a run of spaces compresses well).
_RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)

# First bytes of files people rename to .docx/.odt by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "encrypted or legacy .doc (OLE2) file"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF file"),
    (b"{\\rtf", "RTF file"),
    (b"\x1f\x8b", "gzip file"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
)


def _what_is(head: bytes) -> str | None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<?xml", b"<")):
        return "plain XML file (a flat, unzipped document?)"
    return None


def open_package(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as the zip package of a ``kind`` ("DOCX", "ODT") document."""
    article = "an" if kind[0] in "AEFHILMNORSX" else "a"
    what = _what_is(data[:16])
    if what is not None:
        raise InputError(f"{what}, not {article} {kind}", name)
    if not data.startswith(b"PK"):
        hint = ""
        if looks_like_text(data[:4096]):
            hint = "; it looks like plain text (use --from text or rename it)"
        raise InputError(f"not {article} {kind} file (not a zip archive){hint}", name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        why = str(exc)
        if why == "File is not a zip file":
            why = "no zip directory; truncated or damaged"
        raise InputError(f"not {article} {kind} file (bad zip: {why})", name) from None
    except NotImplementedError as exc:
        # A zip made by a version or with a feature Python's zipfile cannot read
        # ("zip file version 13.4", a compression method it lacks).
        raise InputError(
            f"{article} {kind} file archcite cannot open ({exc}); "
            "save it again from the office suite",
            name,
        ) from None
    _check_sizes(zf, name)
    return zf


def _check_sizes(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeInputError(f"refused: zip has {len(infos)} members", name)
    total = 0
    for info in infos:
        size = info.file_size
        if size > MAX_MEMBER_BYTES:
            raise UnsafeInputError(
                f"refused: zip member {info.filename} would unpack to {size} bytes "
                f"(limit {MAX_MEMBER_BYTES}; possible zip bomb)",
                name,
            )
        ratio = size / max(info.compress_size, 1)
        if size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise UnsafeInputError(
                f"refused: zip member {info.filename} is compressed {ratio:.0f}:1 "
                f"(limit {MAX_RATIO}:1; possible zip bomb)",
                name,
            )
        total += size
    if total > MAX_TOTAL_BYTES:
        raise UnsafeInputError(
            f"refused: zip would unpack to {total} bytes "
            f"(limit {MAX_TOTAL_BYTES}; possible zip bomb)",
            name,
        )


def has_member(zf: zipfile.ZipFile, member: str) -> bool:
    try:
        zf.getinfo(member)
    except KeyError:
        return False
    return True


def read_member(zf: zipfile.ZipFile, member: str, name: str) -> bytes:
    """The bytes of ``member``; it must exist."""
    try:
        info = zf.getinfo(member)
    except KeyError:
        raise InputError(f"zip has no {member}", name) from None
    if info.flag_bits & 0x1:
        raise InputError(f"zip member {member} is password-protected", name)
    try:
        with zf.open(info) as fh:
            # zipfile stops at the declared size, which _check_sizes bounded.
            return fh.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputError(f"corrupt zip member {member} ({exc})", name) from None
    except NotImplementedError as exc:
        raise InputError(f"zip member {member}: {exc}", name) from None


def parse_member(zf: zipfile.ZipFile, member: str, name: str) -> etree._Element:
    """Parse an XML member with the hardened parser; refuse any DOCTYPE."""
    data = read_member(zf, member, name)
    refused = UnsafeInputError(
        f"refused: {member} contains a DOCTYPE (never used by office documents; "
        "possible XXE or entity-expansion attack)",
        name,
    )
    if _DOCTYPE.search(data):
        raise refused
    try:
        root = xmlsafe.parse_bytes(data, member)
    except InputError as exc:
        # xmlsafe names the member as the path; report it under the file's name.
        raise type(exc)(f"{member}: {exc.message}", name) from None
    # A DOCTYPE the byte check cannot see (UTF-16) is still in the parsed tree.
    if getattr(root.getroottree().docinfo, "doctype", ""):  # absent from lxml-stubs
        raise refused
    return root
