"""The MkDocs glue: thin plugins that hand the build's events to the stages below.

The only subpackage that imports ``mkdocs`` or ``material``: a port to another generator
touches only this folder (and ``overrides/``).
"""
