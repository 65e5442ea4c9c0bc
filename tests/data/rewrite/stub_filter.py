"""A pandoc filter running archcite-pandoc with a stand-in formatter.

The tests run real pandoc with this script as its filter, so they need not wait
for a formatter: each citation becomes ``<i>KIND</i> [its text]``.
"""

from archcite.rewrite.pandoc import main


def stub(located):
    return {
        loc.index: f"<i>{loc.citation.kind}</i> [{loc.citation.text}]"
        for loc in located
        if loc.citation.status != "unrecognized"
    }


main(stub)
