"""Lets ``python -m clew`` work where the console script is not on PATH."""

from clew.cli import main

main()
