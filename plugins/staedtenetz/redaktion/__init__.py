"""Editorial tools and the command line ``staedtenetz``.

Takes a handbook project (its ``mkdocs.yml`` and docs folder, ``projekt``) and gives the checks
without a build (``cli``: ``pruefen``, ``schema``), new entries (``neu``), the maintainers'
report (``bericht``) and the pull-request summary (``zusammenfassung``) – all from the same
catalogue the build uses.
"""
