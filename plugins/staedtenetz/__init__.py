"""Städtenetz Soziale Stadt NRW: content model, checks, catalogue, views and MkDocs plugins.

The subpackages follow the data flow of one build (and of ``staedtenetz pruefen``); each may
import only the stages above it in this list, and only :mod:`staedtenetz.plugins` imports MkDocs:

1. :mod:`staedtenetz.inhalt` – reading a source and the content model
2. :mod:`staedtenetz.pruefung` – checks of one entry and of its text and files
3. :mod:`staedtenetz.katalog` – the catalogue of the whole handbook
4. :mod:`staedtenetz.ansichten` – views and exports (HTML, JSON, feeds, downloads)
5. :mod:`staedtenetz.beitrag` – contributions from outside (Word templates, imports)
6. :mod:`staedtenetz.redaktion` – editorial tools and the command line
7. :mod:`staedtenetz.plugins` – the MkDocs glue
"""

__version__ = "0.1.0"
