"""The package's shape: one subpackage per stage of the data flow, imports only downward.

Computed from the source with ``ast`` (no import is executed): every ``import``/``from … import``
of ``staedtenetz`` in every module, at module level and inside functions. Imports under
``if TYPE_CHECKING:`` only name types for annotations and are exempt from the direction rule
(as in import-linter's ``exclude_type_checking_imports``), not from the MkDocs rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

PAKET = Path(__file__).resolve().parent.parent / "plugins" / "staedtenetz"
#: The stages in data-flow order; a stage may import only itself and the stages before it.
STUFEN = ["inhalt", "pruefung", "katalog", "ansichten", "beitrag", "redaktion", "plugins"]


def _modulname(pfad: Path) -> str:
    teile = list(pfad.relative_to(PAKET.parent).with_suffix("").parts)
    return ".".join(teile[:-1] if teile[-1] == "__init__" else teile)


def _ist_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _importe(pfad: Path) -> list[tuple[str, bool]]:
    """(imported module, only for type checking) for every import in the file."""
    name = _modulname(pfad)
    ist_paket = pfad.name == "__init__.py"
    ergebnis: list[tuple[str, bool]] = []

    def besuchen(knoten: ast.AST, nur_typen: bool) -> None:
        for kind in ast.iter_child_nodes(knoten):
            if isinstance(kind, ast.If) and _ist_type_checking(kind.test):
                for k in kind.body:
                    besuchen_einzeln(k, True)
                for k in kind.orelse:
                    besuchen_einzeln(k, nur_typen)
            else:
                besuchen_einzeln(kind, nur_typen)

    def besuchen_einzeln(k: ast.AST, nur_typen: bool) -> None:
        if isinstance(k, ast.Import):
            ergebnis.extend((a.name, nur_typen) for a in k.names)
        elif isinstance(k, ast.ImportFrom):
            if k.level:
                basis = name.split(".") if ist_paket else name.split(".")[:-1]
                basis = basis[: len(basis) - (k.level - 1)]
                modul = ".".join(basis + ([k.module] if k.module else []))
            else:
                modul = k.module or ""
            ergebnis.append((modul, nur_typen))
            # ``from staedtenetz.x import y`` may import the module ``staedtenetz.x.y``
            ergebnis.extend((f"{modul}.{a.name}", nur_typen) for a in k.names)
        else:
            besuchen(k, nur_typen)

    besuchen(ast.parse(pfad.read_text(encoding="utf-8")), False)
    return ergebnis


def _module() -> dict[str, Path]:
    return {_modulname(p): p for p in PAKET.rglob("*.py")}


def _graph(mit_typen: bool) -> dict[str, set[str]]:
    module = _module()
    return {
        name: {m for m, nur_typen in _importe(pfad) if m in module and m != name and (mit_typen or not nur_typen)}
        for name, pfad in module.items()
    }


def _stufe(modul: str) -> str | None:
    teile = modul.split(".")
    return teile[1] if len(teile) > 1 else None


def test_die_wurzel_enthaelt_nur_die_stufen() -> None:
    module = [p.name for p in PAKET.glob("*.py")]
    assert module == ["__init__.py"]
    ordner = sorted(p.name for p in PAKET.iterdir() if p.is_dir() and p.name != "__pycache__" and not p.name.endswith(".egg-info"))
    assert set(ordner) <= set(STUFEN), ordner
    for stufe in ordner:
        doc = ast.get_docstring(ast.parse((PAKET / stufe / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc) > 150, f"{stufe}/__init__.py braucht einen Docstring: was die Stufe nimmt und gibt"


def test_keine_importkreise() -> None:
    graph = _graph(mit_typen=False)
    kreise: list[list[str]] = []
    zustand: dict[str, int] = {}
    stapel: list[str] = []

    def tiefe(m: str) -> None:
        zustand[m] = 1
        stapel.append(m)
        for n in sorted(graph[m]):
            if zustand.get(n) == 1:
                kreise.append(stapel[stapel.index(n):] + [n])
            elif n not in zustand:
                tiefe(n)
        stapel.pop()
        zustand[m] = 2

    for m in sorted(graph):
        if m not in zustand:
            tiefe(m)
    # the package __init__ of a stage is imported by every module below it: not an edge back
    kreise = [k for k in kreise if not any(x.count(".") == 1 and x.rsplit(".", 1)[0] == "staedtenetz" for x in k[:-1])]
    assert kreise == []


def test_importe_laufen_nur_abwaerts() -> None:
    falsch = []
    for modul, ziele in _graph(mit_typen=False).items():
        von = _stufe(modul)
        if von is None:
            continue
        for ziel in ziele:
            nach = _stufe(ziel)
            if nach is not None and STUFEN.index(nach) > STUFEN.index(von):
                falsch.append(f"{modul} -> {ziel}")
    assert falsch == []


def test_mkdocs_nur_im_klebstoff() -> None:
    falsch = []
    for name, pfad in _module().items():
        if _stufe(name) == "plugins":
            continue
        for modul, _nur_typen in _importe(pfad):
            if modul.split(".")[0] in {"mkdocs", "material"}:
                falsch.append(f"{name} importiert {modul}")
    assert falsch == []
