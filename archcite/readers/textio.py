"""Stream the lines of a text input: decoded, newlines normalized, bounded memory.

The text readers used to decode the whole file and split it; for a 50 MB file
that was hundreds of megabytes of strings at once. :func:`lines` yields the
same lines ``text.split("\\n")`` gave (``\\r\\n`` and ``\\r`` read as ``\\n``, the
last line possibly empty) while holding one chunk and one line, and raises the
same errors as :func:`archcite.readers.sniff.decode_text`: the codec comes from
the byte-order mark (UTF-8 otherwise), a bad byte is named with its offset in
the file and the encoding the file seems to be in, NUL bytes mean binary data
(or UTF-16 without a byte-order mark).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import TYPE_CHECKING

from archcite.errors import InputError
from archcite.readers.sniff import bad_encoding, binary_data, head, text_encoding

if TYPE_CHECKING:
    from archcite.readers import Source

#: Bytes decoded at a time (a module attribute so tests can make it tiny).
CHUNK_SIZE = 1 << 20


def lines(source: Source) -> Iterator[str]:
    """The lines of ``source`` without their newline characters."""
    sample = head(source, 65536)
    codec = text_encoding(sample)
    decoder = codecs.getincrementaldecoder(codec)()
    consumed = 0  # bytes handed to the decoder before the current chunk
    rest = ""
    with source.open() as stream:
        while True:
            chunk = stream.read(CHUNK_SIZE)
            final = not chunk
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(chunk, final)
            except UnicodeDecodeError as exc:
                offset = consumed - pending + exc.start
                raise InputError(
                    bad_encoding(codec, sample, exc.object[exc.start], offset),
                    source.name,
                ) from None
            consumed += len(chunk)
            if "\x00" in text:
                raise InputError(binary_data(sample), source.name)
            text = rest + text
            # "\r" at the end of a chunk may be the first half of "\r\n".
            rest = "\r" if text.endswith("\r") and not final else ""
            if rest:
                text = text[:-1]
            parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if final:
                yield from parts
                return
            rest = parts.pop() + rest
            yield from parts
