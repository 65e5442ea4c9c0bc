"""Export: citations become items (one per source) and items become files.

``items`` collapses the citations of documents into unique sources with readable
ids (``ids``); the writers turn them into BibTeX/biblatex (``bibtex``, through
pybtex), RIS (``ris``) and Zotero item JSON (``zotero``); ``zotero_push`` sends them
to a Zotero library; ``cslinput`` reads existing CSL-JSON and ``.bib`` libraries
back into items, and ``pybtex_plugin`` registers archcite with ``pybtex-convert``.
"""
