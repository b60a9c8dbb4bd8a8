"""The MkDocs glue: thin plugins that hand the build's events to the domain modules."""
