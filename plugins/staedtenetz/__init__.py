"""Städtenetz Soziale Stadt NRW: content model, catalogue and MkDocs plugins of the handbook."""

__version__ = "0.1.0"
