# Zwei Befehle für alles: `make vorschau` (einrichten und Live-Vorschau starten) und `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: vorschau test einrichten bauen pruefen benchmark sperrdatei

## Virtuelle Umgebung anlegen und die gesperrten Versionen installieren (nur wenn nötig).
$(VENV)/.eingerichtet: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

einrichten: $(VENV)/.eingerichtet

## Live-Vorschau unter http://127.0.0.1:8000 – lädt bei jedem Speichern neu.
## --livereload ausdrücklich, weil click 8.2.2–8.3.x den Standard verstellt (mkdocs/mkdocs#4032).
## --dirty: nach einer Änderung baut staedtenetz/katalog nur die Seiten neu, deren Eingaben sich
## geändert haben (Listen, Rückverweise, Steckbriefe eingeschlossen); Navigation geändert: alles.
vorschau: einrichten
	$(BIN)/mkdocs serve --livereload --dirty

## Alle Tests. Browser-Tests brauchen Debians Paket chromium; ohne werden sie übersprungen,
## außer STAEDTENETZ_BROWSER_PFLICHT=1 ist gesetzt (so in .ci/run).
test: einrichten
	$(BIN)/python -m pytest -n auto --dist loadfile

bauen: einrichten
	$(BIN)/mkdocs build --strict

pruefen: einrichten
	$(BIN)/staedtenetz pruefen

## Messungen (dauern Minuten): Prüfzeit je Eintrag und Bauzeit gegenüber reinem Material.
benchmark: einrichten
	$(BIN)/python benchmarks/pruefen.py
	$(BIN)/python benchmarks/bauen.py

sperrdatei: einrichten
	( echo "# Exakte Versionen aller Abhängigkeiten (Laufzeit und Tests). Neu erzeugen: make sperrdatei"; \
	  $(BIN)/python -m pip freeze --exclude-editable ) > requirements.lock
