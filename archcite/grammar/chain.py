"""archcite's own recognizers as plugins, with their place in the chain.

Registered in ``pyproject.toml`` (group ``archcite.recognizers``) exactly as
another package registers its own; see :class:`archcite.grammar.RecognizerPlugin`
for what ``order`` means. Most specific first: a note that cites nothing must
not be taken for a source, and an Ibid. not for an archival citation.
"""

from __future__ import annotations

from archcite.grammar import RecognizerPlugin
from archcite.grammar import archival as _archival
from archcite.grammar import collection_only as _collection_only
from archcite.grammar import frus as _frus
from archcite.grammar import noncitation as _noncitation
from archcite.grammar import oral_history as _oral_history
from archcite.grammar import personal as _personal
from archcite.grammar import published as _published
from archcite.grammar import shortforms as _shortforms

noncitation = RecognizerPlugin(
    _noncitation.recognize,
    "notes that cite nothing: Not printed., markings, drafting lines",
    order=100,
)
frus = RecognizerPlugin(
    _frus.recognize,
    "FRUS cross-references and references inside a volume",
    order=200,
)
shortforms = RecognizerPlugin(
    _shortforms.recognize, "Ibid. and short forms with their locators", order=300
)
collection_only = RecognizerPlugin(
    _collection_only.recognize,
    "source notes that name only a collection of papers",
    order=390,
)
oral_history = RecognizerPlugin(
    _oral_history.recognize,
    "interviews held in an archive: the interview, then its collection and repository",
    order=395,
)
archival = RecognizerPlugin(
    _archival.recognize,
    "archival citations, repository first or smallest unit first",
    order=400,
)
personal = RecognizerPlugin(
    _personal.recognize,
    "interviews, oral histories, personal communications and emails",
    order=450,
)
published = RecognizerPlugin(
    _published.recognize,
    "published works: documentary editions, books, articles, chapters",
    order=500,
)
