"""Example archcite plugins, as another package would write them.

One module each, so that archcite imports only what it uses:

- :mod:`.reader`: a *ledger* file, one note a line, ``label<TAB>text``;
- :mod:`.recognizer`: the citation style of an imaginary archive,
  ``Exemplum Archive, Drawer 7, Sheet 12``;
- :mod:`.output`: an output format, one line per item.
"""
