"""The catalogue: every typed page of the handbook, checked and related, once per build.

Takes a docs folder (``laden`` finds and reads the sources), runs the checks of
:mod:`staedtenetz.pruefung` and gives one :class:`~staedtenetz.katalog.Katalog` with
entries, references and derived relations, plus the revision dates from git (``revision``).
The build and the command line use the same catalogue.
"""
