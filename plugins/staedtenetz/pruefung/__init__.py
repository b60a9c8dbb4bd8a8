"""Checks: one entry against the model, its page text, its files, what an edition may publish.

Takes read sources (:mod:`staedtenetz.inhalt`) and gives :class:`~staedtenetz.inhalt.meldungen.Meldung`
objects – file, line, level and a German text. Checks that need the whole handbook receive the
catalogue as an argument; they never build it themselves.
"""
