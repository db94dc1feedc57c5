"""``python -m orgroles`` runs the command line."""

from orgroles.cli import main

main()
