#!/bin/sh
# Regenerate samples/manuscript.docx and samples/manuscript.odt from the Markdown
# sample with pandoc's default reader (smart punctuation on, as most authors run it).
# The committed files were made with pandoc 2.17.1.1; another pandoc version may
# produce different XML but must give the same note texts (tests/test_readers_office.py).
set -eu
cd "$(dirname "$0")/.."
command -v pandoc >/dev/null 2>&1 || { echo "make_samples.sh: pandoc not found" >&2; exit 1; }
for fmt in docx odt; do
    pandoc samples/manuscript.md -o "samples/manuscript.$fmt"
done
echo "make_samples.sh: wrote samples/manuscript.docx samples/manuscript.odt ($(pandoc --version | head -n 1))"
