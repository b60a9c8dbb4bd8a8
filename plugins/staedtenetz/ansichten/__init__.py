"""Views and exports: projections of the catalogue.

Takes the catalogue (and the rendered HTML of a page) and gives HTML (listings, fact boxes,
collections, map, related entries, editorial notices), open data (``katalog.json``, Atom feed)
and downloads (DOCX/ODT/PDF of templates). Knows nothing of MkDocs: the glue hands in URLs and
page text and places what comes back.
"""
