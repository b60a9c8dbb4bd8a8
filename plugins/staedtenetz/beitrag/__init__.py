"""Contributions from outside: Word templates, and importing filled-in documents and packages.

- ``felder``: the Steckbrief rows of each entry type, derived from the content model
- ``vorlage``: the DOCX/ODT templates (generated at build time, offered on the contribution page)
- ``word``: reading a filled-in DOCX/ODT (pandoc's syntax tree) into front matter, body, photos
- ``zipgrenzen``: the safety limits for every ZIP we open (documents and packages)
- ``paket``: the "Beitragspaket" (ZIP from the web form), see docs in CONTRIBUTING.md
- ``einfuegen``: placing an entry and its files in docs/ after the same checks as ``pruefen``
"""
