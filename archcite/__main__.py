"""``python -m archcite``."""

from archcite.cli import main

main()
