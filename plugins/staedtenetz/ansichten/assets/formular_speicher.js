/*
 * "Beitrag einreichen", part 4: nothing typed is lost.
 *
 * What the contributor enters is kept in this browser only: the fields (and the text and the
 * files' details) in localStorage, the files themselves in IndexedDB. After a reload or a closed
 * tab the form comes back as it was, with a note saying so. "Eingaben löschen" removes all of it.
 * Nothing is sent anywhere.
 */
(function () {
  "use strict";

  var B = window.StaedtenetzBeitrag = window.StaedtenetzBeitrag || { erweiterungen: [] };
  var SCHLUESSEL = "staedtenetz-beitrag";
  var DB = "staedtenetz-beitrag", LAGER = "dateien";
  var VERSION = 1;

  var el = window.StaedtenetzDom.el;  // formular_dom.js

  // -- IndexedDB for the files ----------------------------------------------------------------

  var dbOffen = null;
  function db() {
    if (!dbOffen) {
      dbOffen = new Promise(function (ok, nein) {
        if (!window.indexedDB) { nein(new Error("indexedDB")); return; }
        var r = indexedDB.open(DB, 1);
        r.onupgradeneeded = function () { r.result.createObjectStore(LAGER); };
        r.onsuccess = function () { ok(r.result); };
        r.onerror = function () { nein(r.error); };
      });
    }
    return dbOffen;
  }

  function vorgang(art, tun) {
    return db().then(function (d) {
      return new Promise(function (ok, nein) {
        var t = d.transaction(LAGER, art), r = tun(t.objectStore(LAGER));
        t.oncomplete = function () { ok(r && r.result); };
        t.onerror = t.onabort = function () { nein(t.error); };
      });
    });
  }

  B.speicher = {
    dateiAblegen: function (id, blob, name) {
      return vorgang("readwrite", function (s) { return s.put({ blob: blob, name: name }, id); })
        .catch(function () { hinweis("Eine Datei konnte in diesem Browser nicht gespeichert werden; nach einem Neuladen fehlt sie."); });
    },
    dateiHolen: function (id) {
      return vorgang("readonly", function (s) { return s.get(id); }).then(function (x) { return x ? x.blob : null; });
    },
    dateiEntfernen: function (id) {
      return vorgang("readwrite", function (s) { return s["delete"](id); }).catch(function () {});
    },
    alleEntfernen: function () {
      return vorgang("readwrite", function (s) { return s.clear(); }).catch(function () {});
    }
  };

  // -- the fields in localStorage -------------------------------------------------------------

  var aktuell = null, meldung = null, timer = null, laedt = false, geaendert = false;

  function hinweis(text) { if (meldung) meldung.textContent = text; }

  function erweiterungen() {
    return B.erweiterungen.slice().sort(function (a, b) { return (a.rang || 0) - (b.rang || 0); });
  }

  function zustand(f) {
    var werte = {}, listen = {};
    f.felder.forEach(function (x) {
      var w = f.roh(x);
      if (x.art === "auswahl" && x.schema["default"] !== undefined && w === x.schema["default"]) return; // untouched
      if (Array.isArray(w) ? w.length : w !== "") werte[x.pfad.join(".")] = x.kaesten ? w : x.eingabe.value;
    });
    (f.listen || []).forEach(function (l) { listen[l.pfad.join(".")] = l.anzahl; });
    var z = { version: VERSION, zeit: new Date().toISOString(), typ: f.typ, werte: werte, listen: listen, erweiterungen: {} };
    erweiterungen().forEach(function (e) { if (e.zustand && e.name !== "speicher") z.erweiterungen[e.name] = e.zustand(f); });
    return z;
  }

  function speichern() {
    if (!aktuell || laedt || !geaendert) return;
    geaendert = false;
    try {
      var z = zustand(aktuell);
      if (!Object.keys(z.werte).length && !((z.erweiterungen.dateien || []).length) && !textGeaendert(aktuell)) {
        localStorage.removeItem(SCHLUESSEL);
      } else {
        localStorage.setItem(SCHLUESSEL, JSON.stringify(z));
      }
    } catch (err) {
      hinweis("Ihre Eingaben können in diesem Browser nicht gespeichert werden (privates Fenster oder Speicher voll). Laden Sie die Seite nicht neu, bevor Sie die Datei heruntergeladen haben.");
    }
  }

  function textGeaendert(f) {
    var feld = B.text && B.text.feld();
    if (!feld) return false;
    var g = (f.daten.gerueste[f.typ] || "").replace("# " + f.daten.titelplatz + "\n", "").replace(/^\n+/, "");
    return feld.value.trim() !== g.trim();
  }

  B.geaendert = function () {
    if (laedt) return;
    geaendert = true;
    clearTimeout(timer);
    timer = setTimeout(speichern, 300);
  };

  function lesen() {
    try {
      var z = JSON.parse(localStorage.getItem(SCHLUESSEL) || "null");
      return z && z.version === VERSION && typeof z.werte === "object" ? z : null;
    } catch (err) {
      return null;
    }
  }

  function ereignis(e, art) { e.dispatchEvent(new Event(art, { bubbles: true })); }

  function werteSetzen(f, z) {
    (f.listen || []).forEach(function (l) {
      var n = z.listen[l.pfad.join(".")] || 0;
      while (l.hinzufuegen && l.anzahl < n) l.hinzufuegen();
    });
    var kennung = null;
    f.felder.forEach(function (x) {
      var s = x.pfad.join("."), w = z.werte[s];
      if (w === undefined) return;
      if (s === "kennung") { kennung = { feld: x, wert: w }; return; }
      if (x.kaesten) x.kaesten.forEach(function (k) { k.checked = w.indexOf(k.value) >= 0; });
      else {
        x.eingabe.value = w;
        if (s === "title") ereignis(x.eingabe, "input"); // derives the file name as it did
      }
    });
    if (kennung && kennung.feld.eingabe.value !== kennung.wert) {
      kennung.feld.eingabe.value = kennung.wert;
      ereignis(kennung.feld.eingabe, "input");
    }
  }

  function datum(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "" : " vom " + d.toLocaleDateString("de-DE") + ", " + d.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" }) + " Uhr";
  }

  /** Clear everything: storage, files, the form. */
  function loeschen(f) {
    clearTimeout(timer);
    geaendert = false;
    try { localStorage.removeItem(SCHLUESSEL); } catch (err) { /* nothing stored */ }
    B.speicher.alleEntfernen();
    erweiterungen().forEach(function (e) { if (e.leeren) e.leeren(f); });
    laedt = true;
    f.typWechseln();
    laedt = false;
    geaendert = false;
    hinweis("Ihre Eingaben wurden gelöscht.");
  }

  B.erweiterungen.push({
    name: "speicher",
    rang: 100,

    aufgebaut: function (f) {
      if (aktuell === f) return;
      aktuell = f;
      meldung = el("p", { id: "beitrag-speicher-meldung", role: "status", "class": "beitrag-hilfe",
        text: "Ihre Eingaben werden nur in diesem Browser gespeichert, damit nichts verloren geht, bis Sie sie löschen." });
      var knopf = el("button", { type: "button", "class": "md-button", id: "beitrag-loeschen", text: "Eingaben löschen" });
      knopf.addEventListener("click", function () { loeschen(f); });
      var leiste = el("div", { "class": "beitrag-speicher" }, [meldung, knopf]);
      f.form.insertBefore(leiste, f.form.firstChild);
      f.form.addEventListener("input", B.geaendert);
      f.form.addEventListener("change", B.geaendert);
      window.addEventListener("pagehide", speichern);

      var z = lesen();
      if (!z) return;
      laedt = true;
      if (z.typ !== f.typ && f.daten.typen[z.typ]) {
        f.typAuswahl.value = z.typ;
        f.typWechseln();
      }
      werteSetzen(f, z);
      var offen = erweiterungen().map(function (e) {
        return e.wiederherstellen && z.erweiterungen && z.erweiterungen[e.name] !== undefined
          ? Promise.resolve(e.wiederherstellen(f, z.erweiterungen[e.name])) : null;
      });
      Promise.all(offen).then(function () {
        laedt = false;
        hinweis("Ihre Eingaben" + datum(z.zeit) + " wurden wiederhergestellt. Sie bleiben in diesem Browser gespeichert, bis Sie sie löschen.");
        f.form.setAttribute("data-wiederhergestellt", "");
      }, function () {
        laedt = false;
        hinweis("Ihre Eingaben wurden wiederhergestellt; gespeicherte Dateien ließen sich nicht laden. Fügen Sie sie bitte noch einmal hinzu.");
        f.form.setAttribute("data-wiederhergestellt", "");
      });
    }
  });
})();
