"""Reading and the content model.

Takes the bytes of a Markdown source and gives its text, its front matter with the line of every
key (``frontmatter``), and the contract every entry must meet: the seven entry types
(``modell``), their sections (``abschnitte``), the JSON Schema derived from them (``schema``), the
rules of an edition (``ausgabe``), messages for people (``meldungen``), German formats
(``formate``) and the official NRW geodata (``geodaten``). Imports nothing else of the package.
"""
