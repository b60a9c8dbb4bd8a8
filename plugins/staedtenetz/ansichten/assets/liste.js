/* Filter der Übersichtsseiten (Praxisbeispiele, Vorlagen, Leitfäden …).
 *
 * Progressive Verbesserung: Ohne JavaScript zeigt jede Seite der Liste ihre Einträge, und die
 * Seitennavigation führt mit gewöhnlichen Links zu allen weiteren. Dieses Skript blendet das
 * (zunächst verborgene) Filterformular ein – auf dem Telefon zugeklappt, die Trefferzahl in
 * seiner Zusammenfassung –, lädt die kompakte Datendatei der Liste (liste.json, nur einmal und
 * erst, wenn jemand zum Filter greift), filtert im Speicher und zeichnet nur die
 * sichtbare Seite der Treffer. Die Trefferzahl steht in einer aria-live-Region, der
 * Filterzustand in der Adresse (?handlungsfeld=…&kommune=…&seite=2), damit sich eine gefilterte
 * Ansicht teilen lässt und ein Neuladen sie wiederherstellt. Keine Bibliotheken, keine Anfragen
 * an fremde Server.
 */
(function () {
  "use strict";

  var BREIT = "(min-width: 45em)"; // ab hier ist das Filterformular aufgeklappt

  function normalisieren(text) {
    return (text || "")
      .toLocaleLowerCase("de")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ß/g, "ss")
      .replace(/\s+/g, " ");
  }

  function jahr(wert, ersatz) {
    var n = parseInt(wert, 10);
    return isNaN(n) ? ersatz : n;
  }

  var ZEICHEN = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
  function html(text) {
    return String(text).replace(/[&<>"']/g, function (z) {
      return ZEICHEN[z];
    });
  }

  /* Seitenzahlen wie ansichten/liste.py (sichtbare_seiten): erste, letzte, zwei um die aktuelle. */
  function sichtbareSeiten(nummer, anzahl) {
    var zahlen = [1, anzahl];
    for (var n = Math.max(1, nummer - 2); n <= Math.min(anzahl, nummer + 2); n++) zahlen.push(n);
    zahlen = zahlen
      .filter(function (z, i) {
        return zahlen.indexOf(z) === i;
      })
      .sort(function (a, b) {
        return a - b;
      });
    var ergebnis = [];
    zahlen.forEach(function (z) {
      var letzte = ergebnis[ergebnis.length - 1];
      if (ergebnis.length && z - letzte > 1) ergebnis.push(z - letzte > 2 ? null : z - 1);
      ergebnis.push(z);
    });
    return ergebnis;
  }

  function Liste(wurzel) {
    this.wurzel = wurzel;
    this.klappe = wurzel.querySelector("details.sn-filter__klappe");
    this.form = wurzel.querySelector("form.sn-filter");
    this.anzahl = wurzel.querySelector(".sn-liste__anzahl");
    this.leer = wurzel.querySelector(".sn-liste__leer");
    this.treffer = wurzel.querySelector(".sn-liste__treffer");
    this.groesse = parseInt(wurzel.dataset.snGroesse, 10) || 50;
    this.datenUrl = new URL(wurzel.dataset.snDaten, window.location.href).href;
    this.original = this.treffer ? this.treffer.innerHTML : "";
    this.gefiltert = false;
    this.daten = null; // Promise der aufbereiteten Datendatei
    this.lauf = 0; // verwirft Ergebnisse überholter Anfragen
  }

  /* Die Datendatei einmal laden und für den Filter aufbereiten. */
  Liste.prototype.laden = function () {
    if (this.daten) return this.daten;
    var liste = this;
    this.daten = window
      .fetch(this.datenUrl, { credentials: "same-origin" })
      .then(function (antwort) {
        if (!antwort.ok) throw new Error("HTTP " + antwort.status);
        return antwort.json();
      })
      .then(function (d) {
        d.eintraege.forEach(function (e) {
          var teile = [e.t];
          (e.f || []).forEach(function (i) {
            if (i >= 0) teile.push(d.werte[i]);
          });
          if (e.z) teile.push(e.z);
          if (e.i) teile.push(d.intern);
          e.text = normalisieren(teile.join(" "));
          e.h = e.h || [];
          e.p = e.p || [];
          e.href = new URL(e.u, liste.datenUrl).href;
        });
        return d;
      });
    this.daten.catch(function () {
      liste.daten = null; // beim nächsten Filtern erneut versuchen
    });
    return this.daten;
  };

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
    this.seite = jahr(p.get("seite"), 1);
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

  function passt(e, f) {
    if (f.handlungsfeld.length) {
      var hat = function (s) {
        return e.h.indexOf(s) !== -1;
      };
      if (f.verknuepfung === "eins" ? !f.handlungsfeld.some(hat) : !f.handlungsfeld.every(hat)) return false;
    }
    if (f.art && e.a !== f.art) return false;
    if (f.kommune && e.k !== f.kommune) return false;
    if (f.foerderprogramm && e.p.indexOf(f.foerderprogramm) === -1) return false;
    if (f.zustand && e.s !== f.zustand) return false;
    if (f.von !== null || f.bis !== null) {
      if (e.v === undefined || e.v === null) return false;
      var bis = e.b === undefined || e.b === null ? Infinity : e.b;
      if (f.von !== null && bis < f.von) return false;
      if (f.bis !== null && e.v > f.bis) return false;
    }
    for (var i = 0; i < f.text.length; i++) {
      if (e.text.indexOf(f.text[i]) === -1) return false;
    }
    return true;
  }

  function filterAus(p) {
    return {
      handlungsfeld: p.getAll("handlungsfeld"),
      verknuepfung: p.get("verknuepfung") || "alle",
      art: p.get("art") || "",
      kommune: p.get("kommune") || "",
      foerderprogramm: p.get("foerderprogramm") || "",
      zustand: p.get("zustand") || "",
      von: jahr(p.get("von"), null),
      bis: jahr(p.get("bis"), null),
      text: normalisieren(p.get("text")).split(" ").filter(Boolean)
    };
  }

  Liste.prototype.adresse = function (p, neuerEintrag) {
    var q = p.toString();
    var ziel = window.location.pathname + (q ? "?" + q : "") + window.location.hash;
    if (ziel !== window.location.pathname + window.location.search + window.location.hash) {
      if (neuerEintrag) window.history.pushState({ snListe: true }, "", ziel);
      else window.history.replaceState(window.history.state, "", ziel);
    }
  };

  /* Filter anwenden. adresseSchreiben: 'ersetzen' (Filter geändert), 'neu' (Seite gewechselt)
   * oder false (Zustand kam aus der Adresse). */
  Liste.prototype.anwenden = function (adresseSchreiben) {
    var liste = this;
    var p = this.parameter();
    var lauf = ++this.lauf;
    if (!p.toString()) {
      // Ohne Filter: die Seite, wie der Server sie gebaut hat (mit ihren Seitenlinks).
      if (this.gefiltert) {
        this.treffer.innerHTML = this.original;
        this.gefiltert = false;
      }
      this.wurzel.removeAttribute("aria-busy");
      this.zaehlen(null);
      if (adresseSchreiben) this.adresse(p, false);
      return;
    }
    this.wurzel.setAttribute("aria-busy", "true");
    this.laden().then(
      function (d) {
        if (lauf !== liste.lauf) return;
        liste.zeichnen(d, p, adresseSchreiben);
        liste.wurzel.removeAttribute("aria-busy");
      },
      function () {
        if (lauf !== liste.lauf) return;
        liste.wurzel.removeAttribute("aria-busy");
        liste.anzahl.textContent = "Filtern gerade nicht möglich (Daten nicht geladen). Bitte später erneut versuchen.";
      }
    );
  };

  Liste.prototype.zeichnen = function (d, p, adresseSchreiben) {
    var f = filterAus(p);
    var treffer = d.eintraege.filter(function (e) {
      return passt(e, f);
    });
    var seiten = Math.max(1, Math.ceil(treffer.length / this.groesse));
    var seite = Math.min(Math.max(this.seite || 1, 1), seiten);
    this.seite = seite;
    var erster = (seite - 1) * this.groesse;
    var sichtbar = treffer.slice(erster, erster + this.groesse);
    var teile = d.darstellung === "tabelle" ? [this.tabelle(d, sichtbar)] : [this.karten(d, sichtbar)];
    teile.push(this.navigation(p, seite, seiten, erster, sichtbar.length, treffer.length));
    var markup = teile.join("");
    // Unverändertes nicht neu zeichnen: sonst verlöre ein fokussierter Trefferlink den Fokus,
    // etwa wenn nach Enter im Freitext noch die verzögerte Eingabe nachkommt.
    if (!this.gefiltert || this.gezeichnet !== markup) this.treffer.innerHTML = markup;
    this.gezeichnet = markup;
    this.gefiltert = true;
    this.zaehlen(treffer.length, d.eintraege.length);
    if (adresseSchreiben) {
      if (seite > 1) p.set("seite", String(seite));
      this.adresse(p, adresseSchreiben === "neu");
    }
    if (adresseSchreiben === "neu") {
      // Nach dem Seitenwechsel weiter beim ersten Treffer (Tastatur, Bildschirmleser).
      var a = this.treffer.querySelector("a");
      if (a) a.focus({ preventScroll: true });
    }
  };

  /* Dasselbe Markup wie ansichten/liste.py (_karte). */
  Liste.prototype.karten = function (d, eintraege) {
    var zeilen = eintraege.map(function (e) {
      var fakten = "";
      (e.f || []).forEach(function (i, n) {
        if (i >= 0) fakten += "<div><dt>" + html(d.namen[n]) + "</dt><dd>" + html(d.werte[i]) + "</dd></div>";
      });
      return (
        '<li class="sn-karte"><h3 class="sn-karte__titel"><a href="' + html(e.href) + '">' + html(e.t) + "</a></h3>" +
        (e.i ? '<p class="sn-karte__intern">' + html(d.intern) + "</p>" : "") +
        (fakten ? '<dl class="sn-karte__fakten">' + fakten + "</dl>" : "") +
        '<p class="sn-karte__text">' + html(e.z || "") + "</p></li>"
      );
    });
    return zeilen.length ? '<ul class="sn-karten">' + zeilen.join("") + "</ul>" : "";
  };

  Liste.prototype.tabelle = function (d, eintraege) {
    if (!eintraege.length) return "";
    var kopf = d.namen
      .map(function (n) {
        return '<th scope="col">' + html(n) + "</th>";
      })
      .join("");
    var zeilen = eintraege.map(function (e) {
      return (
        '<tr><th scope="row"><a href="' + html(e.href) + '">' + html(e.t) + "</a></th>" +
        e.f
          .map(function (i) {
            return "<td>" + (i >= 0 ? html(d.werte[i]) : "") + "</td>";
          })
          .join("") +
        "</tr>"
      );
    });
    return '<div class="sn-tabelle"><table><thead><tr>' + kopf + "</tr></thead><tbody>" + zeilen.join("") + "</tbody></table></div>";
  };

  /* Dasselbe Markup wie ansichten/liste.py (seitennavigation); Links mit ?…&seite=n. */
  Liste.prototype.navigation = function (p, seite, seiten, erster, anzahl, gesamt) {
    if (seiten <= 1) return "";
    function href(n) {
      var q = new URLSearchParams(p.toString());
      q.delete("seite");
      if (n > 1) q.set("seite", String(n));
      return "?" + q.toString();
    }
    function link(n, text, rel) {
      return '<li><a href="' + html(href(n)) + '" data-seite="' + n + '"' + (rel ? ' rel="' + rel + '"' : "") + ">" + text + "</a></li>";
    }
    var teile = [];
    if (seite > 1) teile.push(link(seite - 1, "‹ Vorherige Seite", "prev"));
    sichtbareSeiten(seite, seiten).forEach(function (n) {
      if (n === null) teile.push('<li class="sn-seiten__luecke" aria-hidden="true">…</li>');
      else if (n === seite) teile.push('<li><a aria-current="page" data-seite="' + n + '" href="' + html(href(n)) + '">' + n + "</a></li>");
      else teile.push(link(n, '<span class="sn-seiten__wort">Seite </span>' + n));
    });
    if (seite < seiten) teile.push(link(seite + 1, "Nächste Seite ›", "next"));
    return (
      '<nav class="sn-seiten" aria-label="Seiten der Treffer"><p class="sn-seiten__stand">Seite ' + seite + " von " + seiten +
      ": Nr. " + (erster + 1) + "–" + (erster + anzahl) + " von " + gesamt + "</p><ul>" + teile.join("") + "</ul></nav>"
    );
  };

  Liste.prototype.zaehlen = function (sichtbar, gesamt) {
    var d = this.anzahl.dataset;
    gesamt = gesamt === undefined ? parseInt(this.wurzel.dataset.snGesamt, 10) : gesamt;
    var text =
      sichtbar === null || sichtbar === gesamt
        ? gesamt + " " + (gesamt === 1 ? d.singular : d.plural)
        : sichtbar + " von " + gesamt + " " + d.dativ;
    if (this.anzahl.textContent !== text) this.anzahl.textContent = text;
    if (this.leer) this.leer.hidden = sichtbar !== 0;
  };

  Liste.prototype.starten = function () {
    var liste = this;
    var zeitgeber = null;
    // Die Trefferzahl in die Zusammenfassung: auf dem Telefon bleibt sie sichtbar, auch wenn
    // das Formular zugeklappt ist.
    this.klappe.querySelector("summary").appendChild(this.anzahl);
    this.klappe.open = window.matchMedia(BREIT).matches;
    this.klappe.hidden = false;
    this.ausAdresse();
    this.anwenden(false);
    var vorladen = function () {
      liste.laden();
    };
    // Die Datendatei erst laden, wenn jemand zum Filter greift (Zeigen, Antippen, Tab): Wer nur
    // blättert, lädt sie nie.
    this.klappe.addEventListener("pointerdown", vorladen, { once: true });
    this.klappe.addEventListener("focusin", vorladen, { once: true });

    this.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      window.clearTimeout(zeitgeber);
      liste.seite = 1;
      liste.anwenden("ersetzen");
    });
    this.form.addEventListener("change", function () {
      liste.seite = 1;
      liste.anwenden("ersetzen");
    });
    this.form.addEventListener("input", function (ev) {
      // Beim Tippen kurz warten, damit die Trefferzahl nicht bei jedem Zeichen angesagt wird.
      if (ev.target.type !== "search" && ev.target.type !== "number") return;
      window.clearTimeout(zeitgeber);
      zeitgeber = window.setTimeout(function () {
        liste.seite = 1;
        liste.anwenden("ersetzen");
      }, 250);
    });
    this.form.addEventListener("reset", function () {
      window.setTimeout(function () {
        liste.seite = 1;
        liste.anwenden("ersetzen");
      }, 0);
    });
    // Seitenlinks der gefilterten Treffer: ohne Neuladen, mit Eintrag im Verlauf.
    this.treffer.addEventListener("click", function (ev) {
      var a = ev.target.closest ? ev.target.closest("a[data-seite]") : null;
      if (!a || !liste.gefiltert || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return;
      ev.preventDefault();
      liste.seite = parseInt(a.dataset.seite, 10);
      liste.anwenden("neu");
      liste.wurzel.scrollIntoView({ block: "start" });
    });
    window.addEventListener("popstate", function () {
      liste.ausAdresse();
      liste.anwenden(false);
    });
  };

  function starten() {
    // Von der Festplatte geöffnet (file://) darf die Seite die Datendatei nicht laden: dann
    // bleibt es bei den Seiten der Liste mit ihren Links, ohne ein Formular, das nichts tut.
    if (window.location.protocol === "file:") return;
    Array.prototype.forEach.call(document.querySelectorAll(".sn-liste"), function (wurzel) {
      var liste = new Liste(wurzel);
      if (liste.form && liste.anzahl && liste.klappe && liste.treffer && wurzel.dataset.snDaten) liste.starten();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", starten);
  } else {
    starten();
  }
})();
