"""Bytes as editors write them: encodings, line ends, Unicode normalisation, hostile YAML."""

from __future__ import annotations

import time
import unicodedata

from conftest import basis_eintraege
from staedtenetz.inhalt.frontmatter import MAX_FRONTMATTER_BYTES, lesen
from staedtenetz.katalog.katalog import Katalog

LEITFADEN = (
    "---\ntyp: leitfaden\ntitle: Beteiligung gestalten\n"
    "zusammenfassung: Ein Leitfaden mit Umlauten – Bürgerinnen, Straße, Öffentlichkeit.\n---\n\n# Beteiligung gestalten\n"
)


def katalog(dateien: dict[str, bytes]) -> Katalog:
    alle = {p: t.encode("utf-8") for p, t in basis_eintraege().items()}
    alle.update(dateien)
    return Katalog.aufbauen(lesen(p, b) for p, b in alle.items())


def test_windows_kodierung_wird_mit_zeile_gemeldet() -> None:
    k = katalog({"leitfaeden/cp1252.md": LEITFADEN.encode("cp1252")})
    (m,) = k.meldungen
    assert (m.pfad, m.zeile, m.stufe) == ("leitfaeden/cp1252.md", 4, "fehler")
    assert m.text.startswith("Die Datei ist nicht als UTF-8 gespeichert (Byte 0x96, vermutlich '–' in Windows-Kodierung).")
    assert not k.quellen["leitfaeden/cp1252.md"].lesbar


def test_bom_und_crlf_werden_akzeptiert() -> None:
    roh = b"\xef\xbb\xbf" + LEITFADEN.replace("\n", "\r\n").encode("utf-8")
    k = katalog({"leitfaeden/windows.md": roh})
    assert k.meldungen == []
    e = k.eintraege["windows"]
    assert e.title == "Beteiligung gestalten"
    assert e.zeile("zusammenfassung") == 4
    assert "\r" not in e.quelle.text and not e.quelle.text.startswith("\ufeff")


def test_nur_cr_zeilenenden_werden_akzeptiert() -> None:
    k = katalog({"leitfaeden/mac.md": LEITFADEN.replace("\n", "\r").encode("utf-8")})
    assert k.meldungen == [] and "mac" in k.eintraege


def test_dateiname_in_nfd_wie_macos() -> None:
    nfd = unicodedata.normalize("NFD", "leitfaeden/beteiligung-für-alle.md")
    k = katalog({nfd: LEITFADEN.encode("utf-8")})
    (m,) = k.meldungen
    assert m.pfad == nfd and m.zeile == 1 and m.stufe == "fehler"
    assert "Der Dateiname 'beteiligung-für-alle.md' taugt nicht als Kennung" in m.text
    assert unicodedata.is_normalized("NFC", m.text.split("'")[1])
    assert m.text.endswith("Benennen Sie die Datei um in 'beteiligung-fuer-alle.md'.")


def test_nfd_dateiname_mit_ascii_kennung_ist_gueltig() -> None:
    # A decomposed name that is ASCII after all (no accents) gives the same slug.
    k = katalog({unicodedata.normalize("NFD", "leitfaeden/mittel-buendeln.md"): LEITFADEN.encode()})
    assert "mittel-buendeln" in k.eintraege


def test_riesige_front_matter_wird_nicht_geparst() -> None:
    gross = "---\ntyp: leitfaden\n" + "".join(f"feld{i}: {'x' * 60}\n" for i in range(20_000)) + "---\n"
    assert len(gross) > 1_000_000
    start = time.perf_counter()
    k = katalog({"leitfaeden/gross.md": gross.encode()})
    dauer = time.perf_counter() - start
    (m,) = k.meldungen
    assert (m.pfad, m.zeile, m.stufe) == ("leitfaeden/gross.md", 1, "fehler")
    assert m.text.startswith(f"Die Front Matter ist 1") and f"höchstens {MAX_FRONTMATTER_BYTES // 1024} KiB" in m.text
    assert dauer < 2, "must refuse before parsing, not after"


def test_yaml_bombe_haengt_nicht() -> None:
    zeilen = ["typ: leitfaden", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 30):
        zeilen.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    start = time.perf_counter()
    k = katalog({"leitfaeden/bombe.md": ("---\n" + "\n".join(zeilen) + "\n---\n").encode()})
    assert time.perf_counter() - start < 2
    (m,) = k.meldungen
    assert (m.zeile, m.stufe) == (3, "fehler") and "Anker und -Verweise" in m.text


def test_tiefe_verschachtelung_ist_ein_fehler_kein_absturz() -> None:
    tief = "---\ntyp: leitfaden\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    k = katalog({"leitfaeden/tief.md": tief.encode()})
    assert [m.stufe for m in k.meldungen] == ["fehler"]


def test_front_matter_nur_mit_kommentar() -> None:
    k = katalog({"leitfaeden/leer.md": b"---\n# nichts\n---\n# Leer\n"})
    (m,) = k.meldungen
    assert (m.zeile, m.stufe) == (1, "fehler") and m.text.startswith("Die Front Matter ist leer.")
