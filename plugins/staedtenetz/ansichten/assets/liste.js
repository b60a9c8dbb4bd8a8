/* Filter der Übersichtsseiten (Praxisbeispiele, Vorlagen, Leitfäden …).
 *
 * Progressive Verbesserung: Die Seite enthält ohne JavaScript die vollständige Liste; dieses
 * Skript blendet das (zunächst verborgene) Filterformular ein, zeigt nur passende Einträge,
 * aktualisiert die Trefferzahl in einer aria-live-Region und hält den Filterzustand in der
 * Adresse (?handlungsfeld=…&kommune=…), damit sich eine gefilterte Ansicht teilen lässt und
 * ein Neuladen sie wiederherstellt. Keine Bibliotheken, keine Anfragen an fremde Server.
 */
(function () {
  "use strict";

  function normalisieren(text) {
    return (text || "")
      .toLocaleLowerCase("de")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ß/g, "ss")
      .replace(/\s+/g, " ");
  }

  function woerter(attribut) {
    return attribut ? attribut.split(" ").filter(Boolean) : [];
  }

  function jahr(attribut, ersatz) {
    var n = parseInt(attribut, 10);
    return isNaN(n) ? ersatz : n;
  }

  function Liste(wurzel) {
    this.wurzel = wurzel;
    this.form = wurzel.querySelector("form.sn-filter");
    this.anzahl = wurzel.querySelector(".sn-liste__anzahl");
    this.leer = wurzel.querySelector(".sn-liste__leer");
    this.eintraege = Array.prototype.map.call(wurzel.querySelectorAll("[data-sn-eintrag]"), function (el) {
      var d = el.dataset;
      return {
        el: el,
        handlungsfeld: woerter(d.handlungsfeld),
        foerderprogramm: woerter(d.foerderprogramm),
        kommune: d.kommune || "",
        zustand: d.zustand || "",
        von: jahr(d.von, null),
        bis: jahr(d.bis, Infinity),
        text: normalisieren(el.textContent)
      };
    });
  }

  Liste.prototype.felder = function () {
    return Array.prototype.filter.call(this.form.elements, function (el) {
      return el.name;
    });
  };

  /* Filterzustand aus der Adresse in die Formularfelder übernehmen. */
  Liste.prototype.ausAdresse = function () {
    var p = new URLSearchParams(window.location.search);
    this.felder().forEach(function (el) {
      if (el.type === "checkbox") {
        el.checked = p.getAll(el.name).indexOf(el.value) !== -1;
      } else if (el.type === "radio") {
        el.checked = p.has(el.name) ? p.get(el.name) === el.value : el.defaultChecked;
      } else if (el.tagName === "SELECT") {
        var wert = p.get(el.name) || "";
        var gibt = Array.prototype.some.call(el.options, function (o) {
          return o.value === wert;
        });
        el.value = gibt ? wert : "";
      } else {
        el.value = p.get(el.name) || "";
      }
    });
  };

  /* Formularzustand als Parameter; Voreinstellungen und leere Felder bleiben weg. */
  Liste.prototype.parameter = function () {
    var p = new URLSearchParams();
    this.felder().forEach(function (el) {
      if (el.type === "checkbox") {
        if (el.checked) p.append(el.name, el.value);
      } else if (el.type === "radio") {
        if (el.checked && !el.defaultChecked) p.set(el.name, el.value);
      } else if (el.value.trim() !== "") {
        p.set(el.name, el.value.trim());
      }
    });
    return p;
  };

  Liste.prototype.passt = function (e, f) {
    if (f.handlungsfeld.length) {
      var hat = function (s) {
        return e.handlungsfeld.indexOf(s) !== -1;
      };
      if (f.verknuepfung === "eins" ? !f.handlungsfeld.some(hat) : !f.handlungsfeld.every(hat)) return false;
    }
    if (f.kommune && e.kommune !== f.kommune) return false;
    if (f.foerderprogramm && e.foerderprogramm.indexOf(f.foerderprogramm) === -1) return false;
    if (f.zustand && e.zustand !== f.zustand) return false;
    if (f.von !== null || f.bis !== null) {
      if (e.von === null) return false;
      if (f.von !== null && e.bis < f.von) return false;
      if (f.bis !== null && e.von > f.bis) return false;
    }
    for (var i = 0; i < f.text.length; i++) {
      if (e.text.indexOf(f.text[i]) === -1) return false;
    }
    return true;
  };

  Liste.prototype.anwenden = function (adresseSchreiben) {
    var p = this.parameter();
    var f = {
      handlungsfeld: p.getAll("handlungsfeld"),
      verknuepfung: p.get("verknuepfung") || "alle",
      kommune: p.get("kommune") || "",
      foerderprogramm: p.get("foerderprogramm") || "",
      zustand: p.get("zustand") || "",
      von: jahr(p.get("von"), null),
      bis: jahr(p.get("bis"), null),
      text: normalisieren(p.get("text")).split(" ").filter(Boolean)
    };
    var sichtbar = 0;
    for (var i = 0; i < this.eintraege.length; i++) {
      var e = this.eintraege[i];
      var ja = this.passt(e, f);
      if (ja) sichtbar++;
      if (e.el.hidden === ja) e.el.hidden = !ja;
    }
    this.zaehlen(sichtbar);
    if (adresseSchreiben) {
      var q = p.toString();
      var ziel = window.location.pathname + (q ? "?" + q : "") + window.location.hash;
      if (ziel !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", ziel);
      }
    }
  };

  Liste.prototype.zaehlen = function (sichtbar) {
    var gesamt = this.eintraege.length;
    var d = this.anzahl.dataset;
    var text =
      sichtbar === gesamt
        ? gesamt + " " + (gesamt === 1 ? d.singular : d.plural)
        : sichtbar + " von " + gesamt + " " + d.dativ;
    if (this.anzahl.textContent !== text) this.anzahl.textContent = text;
    if (this.leer) this.leer.hidden = sichtbar !== 0;
  };

  Liste.prototype.starten = function () {
    var liste = this;
    var zeitgeber = null;
    this.ausAdresse();
    this.form.hidden = false;
    this.anwenden(false);
    this.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      liste.anwenden(true);
    });
    this.form.addEventListener("change", function () {
      liste.anwenden(true);
    });
    this.form.addEventListener("input", function (ev) {
      // Beim Tippen kurz warten, damit die Trefferzahl nicht bei jedem Zeichen angesagt wird.
      if (ev.target.type !== "search" && ev.target.type !== "number") return;
      window.clearTimeout(zeitgeber);
      zeitgeber = window.setTimeout(function () {
        liste.anwenden(true);
      }, 250);
    });
    this.form.addEventListener("reset", function () {
      window.setTimeout(function () {
        liste.anwenden(true);
      }, 0);
    });
  };

  function starten() {
    Array.prototype.forEach.call(document.querySelectorAll(".sn-liste"), function (wurzel) {
      var liste = new Liste(wurzel);
      if (liste.form && liste.anzahl) liste.starten();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", starten);
  } else {
    starten();
  }
})();
