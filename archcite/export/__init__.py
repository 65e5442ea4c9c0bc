"""Export: items (one per source, :mod:`archcite.items`) become files.

The writers turn items into BibTeX/biblatex (``bibtex``, through pybtex), RIS
(``ris``) and Zotero item JSON (``zotero``); ``formats`` registers them as the
output formats of ``extract --format``; ``zotero_push`` sends items to a Zotero
library; ``cslinput`` reads existing CSL-JSON and ``.bib`` libraries back into
items, and ``pybtex_plugin`` registers archcite with ``pybtex-convert``.
"""
