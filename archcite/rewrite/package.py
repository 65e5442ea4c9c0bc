"""Rebuild an office file's zip with some members changed and the rest kept.

Members keep their order (an ODT's uncompressed ``mimetype`` stays first), names,
dates, permissions and compression method; the uncompressed bytes of every
member not named in ``changes`` are exactly the original's.
"""

from __future__ import annotations

import copy
import io
import zipfile

from archcite.readers import ziputil


def read_parts(
    data: bytes, name: str, kind: str, members: list[str]
) -> dict[str, bytes]:
    """The bytes of the named members that exist."""
    with ziputil.open_package(data, name, kind) as zf:
        return {
            m: ziputil.read_member(zf, m, name)
            for m in members
            if ziputil.has_member(zf, m)
        }


def replace_members(
    data: bytes, name: str, kind: str, changes: dict[str, bytes]
) -> bytes:
    """The zip ``data`` with the members in ``changes`` given new contents."""
    if not changes:
        return data
    out = io.BytesIO()
    with (
        ziputil.open_package(data, name, kind) as src,
        zipfile.ZipFile(out, "w") as dst,
    ):
        for info in src.infolist():
            body = changes.get(info.filename)
            if body is None:
                body = ziputil.read_member(src, info.filename, name)
            dst.writestr(copy.copy(info), body)
    return out.getvalue()
