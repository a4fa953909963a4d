"""`python -m warta ...`: the same command line as `warta ...`."""

from warta.cli import main

main()
