"""Errors archcite raises on bad input, each mapped to a documented exit code.

The CLI turns every :class:`ArchciteError` into one line on stderr
(``archcite: error: PATH: message``) and its ``exit_code``; nothing else may
escape as a traceback.
"""

from __future__ import annotations

from typing import ClassVar


class ArchciteError(Exception):
    """Base class: something the user gave us cannot be used."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(ArchciteError):
    """A file is missing, unreadable, empty, or not in the format it claims."""


class UnsupportedFormatError(InputError):
    """The input is a kind of file archcite does not read (PDF, RTF, HTML, …)."""


class NoNotesError(InputError):
    """A document archcite can read holds not a single note."""


class UnsafeInputError(InputError):
    """A file tries something dangerous: entities, external DTDs, zip bombs."""


class UnknownFormatError(ArchciteError):
    """No reader (or writer) is registered under that name or suffix."""


class OutputError(ArchciteError):
    """An output cannot be written where asked (it would overwrite an input)."""


class InternalError(ArchciteError):
    """archcite itself went wrong (a bug, not bad input): exit code 3."""

    exit_code: ClassVar[int] = 3
