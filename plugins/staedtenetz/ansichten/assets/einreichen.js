/*
 * "Beitrag einreichen": the submission form, generated in the browser from the JSON Schema of
 * the content model (schema/eintrag.schema.json) and the site's form data
 * (assets/staedtenetz/formular.json, written at build time by the plugin staedtenetz/redaktion).
 *
 * It checks the input with the schema's rules (required, patterns, enums, lengths, minimum and
 * maximum, number of items) plus the model's cross-field rules, in German; builds the Markdown
 * file (front matter + section skeleton); offers it as a download; and opens the repository
 * host's new-file page with path and content prefilled. Nothing is sent anywhere by this script:
 * the contributor submits on the repository host. No third-party code.
 *
 * Loaded on every page (like all plugin assets); does nothing without #beitrag-formular.
 */
(function () {
  "use strict";

  var skript = document.currentScript;
  var MAX_URL = 8000;
  var AUSGELASSEN = ["typ", "status", "hide", "search", "bilder", "materialien"];
  var MEHRZEILIG = ["zusammenfassung", "foerdergegenstand", "anmerkung", "beschreibung"];
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function start() {
    var wurzel = document.getElementById("beitrag-formular");
    if (!wurzel || !skript) return;
    var basis = skript.src.replace(/assets\/staedtenetz\/einreichen\.js.*$/, "");
    wurzel.textContent = "Das Formular wird geladen …";
    Promise.all([
      laden("beitrag-daten-schema", basis + "schema/eintrag.schema.json"),
      laden("beitrag-daten-formular", basis + "assets/staedtenetz/formular.json")
    ])
      .then(function (r) { new Formular(wurzel, r[0], r[1]); })
      .catch(function () {
        wurzel.textContent = "Das Formular konnte nicht geladen werden. Öffnen Sie die Seite über die Website " +
          "(nicht als Datei) oder legen Sie den Eintrag wie in der Anleitung beschrieben direkt im Repository an.";
      });
  }

  // The plugin embeds the data in the page (so the form works opened from disk, too);
  // without it, the files are fetched from the site.
  function laden(id, url) {
    var eingebettet = document.getElementById(id);
    if (eingebettet) {
      try { return Promise.resolve(JSON.parse(eingebettet.textContent)); } catch (e) { /* fetch below */ }
    }
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url);
      return r.json();
    });
  }

  // -- small DOM helpers ------------------------------------------------------------------

  function el(tag, attrs, kinder) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (kinder || []).forEach(function (k) { if (k) e.appendChild(k); });
    return e;
  }

  function anf(text) { return "„" + text + "“"; }

  function slugVorschlag(text) {
    var t = text.normalize("NFC").toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return t.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "eintrag";
  }

  function aehnlichstes(wort, moeglich) {
    var best = null, bestWert = 0;
    moeglich.forEach(function (k) {
      var w = aehnlichkeit(wort, k);
      if (w > bestWert) { best = k; bestWert = w; }
    });
    if (bestWert >= 0.6) return best;
    var praefix = moeglich.filter(function (k) { return k.indexOf(wort) === 0 || wort.indexOf(k) === 0; }).sort();
    return praefix.length ? praefix[0] : null;
  }

  function aehnlichkeit(a, b) { // 1 - normalised edit distance
    var m = a.length, n = b.length, d = [], i, j;
    if (!m || !n) return 0;
    for (i = 0; i <= m; i++) d[i] = [i];
    for (j = 0; j <= n; j++) d[0][j] = j;
    for (i = 1; i <= m; i++) for (j = 1; j <= n; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return 1 - d[m][n] / Math.max(m, n);
  }

  // -- YAML output ------------------------------------------------------------------------

  function Datum(text) { this.text = text; }

  function skalar(v) {
    if (typeof v === "number") return String(v);
    if (v instanceof Datum) return v.text;
    // Plain only when YAML cannot misread it: starts with a letter, no ": ", " #", quotes,
    // brackets or line breaks, and no word YAML 1.1 takes for a boolean or null.
    var einfach = /^[A-Za-zÄÖÜäöüß][^\n"'`{}\[\]]*$/.test(v) && v === v.trim() &&
      !/: |:$| #/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v);
    return einfach ? v : JSON.stringify(v);
  }

  function yaml(obj, einzug) {
    var zeilen = [];
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      if (Array.isArray(v)) {
        zeilen.push(einzug + k + ":");
        v.forEach(function (x) {
          if (x !== null && typeof x === "object" && !(x instanceof Datum)) {
            var innen = yaml(x, einzug + "    ");
            zeilen.push(einzug + "  - " + innen[0].trim());
            zeilen = zeilen.concat(innen.slice(1));
          } else {
            zeilen.push(einzug + "  - " + skalar(x));
          }
        });
      } else if (v !== null && typeof v === "object" && !(v instanceof Datum)) {
        zeilen.push(einzug + k + ":");
        zeilen = zeilen.concat(yaml(v, einzug + "  "));
      } else {
        zeilen.push(einzug + k + ": " + skalar(v));
      }
    });
    return zeilen;
  }

  // -- the form ---------------------------------------------------------------------------

  function Formular(wurzel, schema, daten) {
    this.schema = schema;
    this.daten = daten;
    this.wurzel = wurzel;
    this.felder = [];
    this.zaehler = 0;
    wurzel.textContent = "";
    this.aufbauen();
  }

  Formular.prototype.def = function (ref) {
    return this.schema.$defs[ref.replace("#/$defs/", "")];
  };

  Formular.prototype.aufbauen = function () {
    var self = this, d = this.daten;
    this.form = el("form", { "class": "beitrag", novalidate: true, "aria-describedby": "beitrag-pflicht-hinweis" });
    this.zusammenfassung = el("div", { id: "beitrag-fehler", "class": "beitrag-fehlerliste", tabindex: "-1", hidden: true });
    this.form.appendChild(this.zusammenfassung);
    this.form.appendChild(el("p", { id: "beitrag-pflicht-hinweis", text: "Felder mit * sind Pflichtfelder." }));

    var typAuswahl = el("select", { id: "beitrag-typ", name: "typ" });
    Object.keys(d.typen).forEach(function (t) {
      typAuswahl.appendChild(el("option", { value: t, text: d.typen[t].bezeichnung }));
    });
    var vorgabe = new URLSearchParams(location.search).get("typ");
    typAuswahl.value = d.typen[vorgabe] ? vorgabe : "praxisbeispiel";
    this.form.appendChild(el("div", { "class": "beitrag-feld" }, [
      el("label", { "for": "beitrag-typ", text: "Art des Beitrags" }), typAuswahl]));
    this.typAuswahl = typAuswahl;
    this.bereich = el("div", { "class": "beitrag-felder" });
    this.form.appendChild(this.bereich);
    this.form.appendChild(el("button", { type: "submit", "class": "md-button md-button--primary", id: "beitrag-pruefen",
      text: "Prüfen und Datei erzeugen" }));
    this.ergebnis = el("section", { id: "beitrag-ergebnis", "class": "beitrag-ergebnis", hidden: true, "aria-labelledby": "beitrag-ergebnis-titel" });
    this.wurzel.appendChild(this.form);
    this.wurzel.appendChild(this.ergebnis);

    typAuswahl.addEventListener("change", function () { self.typWechseln(); });
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.absenden(); });
    this.typWechseln();
  };

  Formular.prototype.typWechseln = function () {
    var typ = this.typAuswahl.value, self = this;
    var ref = this.schema.discriminator.mapping[typ];
    var def = this.def(ref);
    this.typ = typ;
    this.felder = [];
    this.gruppen = [];
    this.listen = [];
    this.bereich.textContent = "";
    this.ergebnis.hidden = true;
    this.fehlerZeigen([]);
    var reihenfolge = this.daten.reihenfolge[ref.replace("#/$defs/", "")];
    var pflicht = def.required || [];
    reihenfolge.forEach(function (name) {
      if (AUSGELASSEN.indexOf(name) >= 0 || !def.properties[name]) return;
      self.bereich.appendChild(self.feld(name, def.properties[name], pflicht.indexOf(name) >= 0, [name]));
    });
    // The file name (slug): derived from the title until the contributor edits it.
    var kennung = this.textfeld(["kennung"], { title: "Kennung (Dateiname)", type: "string", pattern: SLUG.source,
      description: "Wird aus dem Titel gebildet; nur Kleinbuchstaben a–z, Ziffern und Bindestriche." }, true);
    this.bereich.appendChild(kennung.knoten);
    var titel = this.suche(["title"]);
    var selbst = false;
    kennung.eingabe.addEventListener("input", function () { selbst = kennung.eingabe.value !== ""; });
    titel.eingabe.addEventListener("input", function () {
      if (!selbst) kennung.eingabe.value = titel.eingabe.value.trim() ? slugVorschlag(titel.eingabe.value) : "";
    });
  };

  Formular.prototype.suche = function (pfad) {
    var s = pfad.join(".");
    return this.felder.filter(function (f) { return f.pfad.join(".") === s; })[0];
  };

  Formular.prototype.id = function (pfad) {
    this.zaehler += 1;
    return "beitrag-" + pfad.join("-") + "-" + this.zaehler;
  };

  /** Unwrap Optional (anyOf with null): the node without null, and whether null was allowed. */
  function ohneNull(knoten) {
    if (!knoten.anyOf) return knoten;
    var rest = knoten.anyOf.filter(function (k) { return k.type !== "null"; });
    if (rest.length !== 1) return knoten; // year-or-date stays an anyOf
    var r = Object.assign({}, rest[0]);
    ["title", "description", "x-referenz"].forEach(function (k) { if (knoten[k] && !r[k]) r[k] = knoten[k]; });
    return r;
  }

  Formular.prototype.feld = function (name, knoten, pflicht, pfad) {
    knoten = ohneNull(knoten);
    if (knoten.$ref) return this.gruppe(knoten, this.def(knoten.$ref), pflicht, pfad);
    if (knoten.type === "array" && knoten.items && knoten.items.$ref) return this.wiederholung(knoten, pflicht, pfad);
    if (knoten.type === "array" && knoten.items && knoten.items["x-referenz"]) return this.auswahlliste(knoten, pflicht, pfad);
    return this.textfeld(pfad, knoten, pflicht).knoten;
  };

  Formular.prototype.beschriftung = function (knoten, pfad, pflicht) {
    return (knoten.title || pfad[pfad.length - 1]) + (pflicht ? " *" : "");
  };

  Formular.prototype.textfeld = function (pfad, knoten, pflicht) {
    var id = this.id(pfad), name = pfad[pfad.length - 1], eingabe, art = "text", self = this;
    var hilfeId = id + "-hilfe", fehlerId = id + "-fehler";
    var ziel = knoten["x-referenz"];
    if (knoten.enum || knoten["const"]) {
      art = "auswahl";
      eingabe = el("select", { id: id, name: name });
      eingabe.appendChild(el("option", { value: "", text: "– bitte wählen –" }));
      (knoten.enum || [knoten["const"]]).forEach(function (w) { eingabe.appendChild(el("option", { value: w, text: w })); });
      if (knoten["default"] && !pflicht) eingabe.value = knoten["default"];
    } else if (knoten.type === "array") {
      art = "liste";
      eingabe = el("textarea", { id: id, name: name, rows: "3" });
    } else if (knoten.anyOf) {
      art = "jahr-oder-datum";
      eingabe = el("input", { id: id, name: name, type: "text", inputmode: "numeric", placeholder: "2019 oder 2019-04-01" });
    } else if (knoten.format === "date") {
      art = "datum";
      eingabe = el("input", { id: id, name: name, type: "date" });
    } else if (knoten.type === "integer" || knoten.type === "number") {
      art = "zahl";
      eingabe = el("input", { id: id, name: name, type: "text", inputmode: "decimal" });
    } else if (MEHRZEILIG.indexOf(name) >= 0) {
      eingabe = el("textarea", { id: id, name: name, rows: "3" });
    } else {
      eingabe = el("input", { id: id, name: name, type: "text" });
    }
    var liste = null;
    if (ziel) {
      art = "verweis";
      liste = el("datalist", { id: id + "-liste" });
      (this.daten.eintraege[ziel] || []).forEach(function (e) {
        liste.appendChild(el("option", { value: e.slug, text: e.titel }));
      });
      eingabe.setAttribute("list", id + "-liste");
      eingabe.setAttribute("autocomplete", "off");
    }
    var beschreibung = knoten.description || "";
    if (art === "liste") beschreibung = (beschreibung ? beschreibung + " – " : "") + "eine Angabe je Zeile";
    eingabe.setAttribute("aria-describedby", hilfeId + " " + fehlerId);
    if (pflicht) eingabe.setAttribute("aria-required", "true");
    var knotenHtml = el("div", { "class": "beitrag-feld" }, [
      el("label", { "for": id, text: this.beschriftung(knoten, pfad, pflicht) }),
      eingabe,
      liste,
      el("p", { id: hilfeId, "class": "beitrag-hilfe", text: beschreibung, hidden: !beschreibung }),
      el("p", { id: fehlerId, "class": "beitrag-fehlertext", hidden: true })
    ]);
    var f = { pfad: pfad, knoten: knotenHtml, eingabe: eingabe, schema: knoten, pflicht: pflicht, art: art, ziel: ziel,
      fehler: knotenHtml.lastChild };
    f.wert = function () { return self.wert(f); };
    this.felder.push(f);
    return f;
  };

  Formular.prototype.auswahlliste = function (knoten, pflicht, pfad) {
    var ziel = knoten.items["x-referenz"], self = this, id = this.id(pfad);
    var feldset = el("fieldset", { "class": "beitrag-auswahl", id: id, "aria-describedby": id + "-fehler" },
      [el("legend", { text: this.beschriftung(knoten, pfad, pflicht) })]);
    var kaesten = [];
    var eintraege = this.daten.eintraege[ziel] || [];
    if (!eintraege.length) feldset.appendChild(el("p", { text: "Noch keine Einträge vorhanden." }));
    eintraege.forEach(function (e) {
      var kid = id + "-" + e.slug;
      var kasten = el("input", { type: "checkbox", id: kid, value: e.slug, name: pfad.join(".") });
      kaesten.push(kasten);
      feldset.appendChild(el("div", { "class": "beitrag-kasten" }, [kasten, el("label", { "for": kid, text: e.titel })]));
    });
    var fehler = el("p", { id: id + "-fehler", "class": "beitrag-fehlertext", hidden: true });
    feldset.appendChild(fehler);
    var f = { pfad: pfad, knoten: feldset, eingabe: kaesten[0] || feldset, schema: knoten, pflicht: pflicht, art: "verweise",
      ziel: ziel, fehler: fehler, kaesten: kaesten };
    f.wert = function () { return self.wert(f); };
    this.felder.push(f);
    return feldset;
  };

  Formular.prototype.gruppe = function (knoten, def, pflicht, pfad) {
    var self = this, reihenfolge = this.daten.reihenfolge[knoten.$ref.replace("#/$defs/", "")];
    var feldset = el("fieldset", { "class": "beitrag-gruppe" }, [el("legend", { text: this.beschriftung(knoten, pfad, pflicht) })]);
    if (knoten.description) feldset.appendChild(el("p", { "class": "beitrag-hilfe", text: knoten.description }));
    reihenfolge.forEach(function (name) {
      var innen = (def.required || []).indexOf(name) >= 0;
      feldset.appendChild(self.feld(name, def.properties[name], innen, pfad.concat([name])));
    });
    this.gruppen = this.gruppen || [];
    this.gruppen.push({ pfad: pfad, pflicht: pflicht, def: def });
    return feldset;
  };

  /** A repeatable group (e.g. quellen): one set of fields per item, with an add button. */
  Formular.prototype.wiederholung = function (knoten, pflicht, pfad) {
    var self = this, ref = knoten.items.$ref, def = this.def(ref);
    var feldset = el("fieldset", { "class": "beitrag-gruppe" }, [el("legend", { text: this.beschriftung(knoten, pfad, pflicht || knoten.minItems > 0) })]);
    var liste = el("div", {});
    var knopf = el("button", { type: "button", "class": "md-button", text: "Weitere hinzufügen: " + (def.title || "") });
    feldset.appendChild(liste);
    feldset.appendChild(knopf);
    this.listen = this.listen || [];
    var eintrag = { pfad: pfad, anzahl: 0, minItems: knoten.minItems || 0, def: def };
    this.listen.push(eintrag);
    function hinzufuegen() {
      var i = eintrag.anzahl++;
      var innen = el("fieldset", { "class": "beitrag-gruppe" }, [el("legend", { text: (knoten.title || "") + " " + (i + 1) })]);
      self.daten.reihenfolge[ref.replace("#/$defs/", "")].forEach(function (name) {
        var p = (def.required || []).indexOf(name) >= 0;
        innen.appendChild(self.feld(name, def.properties[name], p, pfad.concat([i, name])));
      });
      liste.appendChild(innen);
    }
    knopf.addEventListener("click", hinzufuegen);
    hinzufuegen();
    return feldset;
  };

  // -- values and checks ------------------------------------------------------------------

  Formular.prototype.roh = function (f) {
    if (f.kaesten) return f.kaesten.filter(function (k) { return k.checked; }).map(function (k) { return k.value; });
    return f.eingabe.value.trim();
  };

  Formular.prototype.wert = function (f) {
    var roh = this.roh(f);
    if (f.art === "verweise") return roh;
    if (f.art === "liste") return roh.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    if (roh === "") return null;
    if (f.art === "zahl") return Number(roh.replace(",", "."));
    if (f.art === "datum") return new Datum(roh);
    if (f.art === "jahr-oder-datum") return /^\d{4}$/.test(roh) ? Number(roh) : new Datum(roh);
    if (MEHRZEILIG.indexOf(f.pfad[f.pfad.length - 1]) >= 0) return roh.replace(/\s*\n\s*/g, " ");
    return roh;
  };

  Formular.prototype.musterText = function (f) {
    var name = f.pfad[f.pfad.length - 1];
    if (name === "ags") return "Der Amtliche Gemeindeschlüssel hat 8 Ziffern und beginnt in NRW mit 05, z. B. 05113000.";
    if (name === "url" || name === "webseite") return "Die Adresse muss vollständig sein und mit https:// beginnen.";
    if (name === "email") return "Das ist keine gültige E-Mail-Adresse. Verwenden Sie ein Funktionspostfach, z. B. stadterneuerung@stadt.de.";
    if (name === "telefon") return "Das ist keine gültige Telefonnummer. Schreiben Sie z. B. +49 201 123456.";
    return "Nur Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. " + anf(slugVorschlag(this.roh(f))) + ".";
  };

  /** The schema's rules for one field; returns a German message or null. */
  Formular.prototype.pruefeFeld = function (f, pflicht) {
    var s = f.schema, roh = this.roh(f), titel = anf(s.title || f.pfad[f.pfad.length - 1]);
    var leer = Array.isArray(roh) ? roh.length === 0 : roh === "";
    if (leer) {
      if (f.art === "verweise" && s.minItems) return "Wählen Sie bei " + titel + " mindestens " + (s.minItems === 1 ? "einen Eintrag" : s.minItems + " Einträge") + ".";
      return pflicht ? "Bitte füllen Sie das Pflichtfeld " + titel + " aus." : null;
    }
    var wert = this.wert(f);
    if (f.art === "liste") {
      if (s.minItems && wert.length < s.minItems) return titel + " braucht mindestens " + s.minItems + " Angabe(n).";
      var zuLang = wert.filter(function (w) { return s.items.maxLength && w.length > s.items.maxLength; })[0];
      return zuLang ? "Eine Angabe bei " + titel + " ist zu lang: höchstens " + s.items.maxLength + " Zeichen." : null;
    }
    if (f.art === "verweise") {
      return s.minItems && wert.length < s.minItems ? "Wählen Sie bei " + titel + " mindestens " + s.minItems + " Einträge." : null;
    }
    if (f.art === "auswahl") {
      var erlaubt = s.enum || [s["const"]];
      return erlaubt.indexOf(roh) < 0 ? "Wählen Sie bei " + titel + " einen der Werte: " + erlaubt.join(", ") + "." : null;
    }
    if (f.art === "jahr-oder-datum") {
      var jahrSchema = s.anyOf.filter(function (k) { return k.type === "integer"; })[0] || {};
      if (/^\d{4}$/.test(roh)) {
        if (jahrSchema.minimum !== undefined && wert < jahrSchema.minimum) return titel + " muss mindestens " + jahrSchema.minimum + " sein.";
        if (jahrSchema.maximum !== undefined && wert > jahrSchema.maximum) return titel + " darf höchstens " + jahrSchema.maximum + " sein.";
        return null;
      }
      return gueltigesDatum(roh) ? null : titel + " muss ein Jahr (z. B. 2019) oder ein Datum der Form JJJJ-MM-TT sein.";
    }
    if (f.art === "datum") return gueltigesDatum(roh) ? null : titel + " muss ein Datum der Form JJJJ-MM-TT sein.";
    if (f.art === "zahl") {
      if (!/^-?\d+(?:[.,]\d+)?$/.test(roh)) return titel + " muss eine Zahl sein (ohne Einheit und Tausenderpunkte, z. B. 1200000.50).";
      if (s.type === "integer" && !/^-?\d+$/.test(roh)) return titel + " muss eine ganze Zahl sein.";
      if (s.minimum !== undefined && wert < s.minimum) return titel + " muss mindestens " + s.minimum + " sein.";
      if (s.maximum !== undefined && wert > s.maximum) return titel + " darf höchstens " + s.maximum + " sein.";
      return null;
    }
    if (s.minLength && roh.length < s.minLength) return titel + " ist zu kurz: mindestens " + s.minLength + " Zeichen (bisher " + roh.length + ").";
    if (s.maxLength && roh.length > s.maxLength) return titel + " ist zu lang: höchstens " + s.maxLength + " Zeichen (bisher " + roh.length + "). Kürzen Sie den Text.";
    if (s.pattern && !new RegExp(s.pattern).test(roh)) return titel + ": " + this.musterText(f);
    if (f.art === "verweis") {
      var slugs = (this.daten.eintraege[f.ziel] || []).map(function (e) { return e.slug; });
      if (slugs.indexOf(roh) < 0) {
        var vorschlag = aehnlichstes(roh, slugs);
        return "Kein Eintrag vom Typ " + this.daten.typen[f.ziel].bezeichnung + " hat die Kennung " + anf(roh) + "." +
          (vorschlag ? " Meinten Sie " + anf(vorschlag) + "?" : "") + " Wählen Sie einen Eintrag aus der Liste.";
      }
    }
    return null;
  };

  function gueltigesDatum(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  /** Is any field below ``pfad`` filled in? (An optional group left empty is left out.) */
  Formular.prototype.ausgefuellt = function (pfad) {
    var s = pfad.join(".") + ".", self = this;
    return this.felder.some(function (f) {
      if (f.pfad.join(".").indexOf(s) !== 0) return false;
      var r = self.roh(f);
      if (f.art === "auswahl" && f.schema["default"] && r === f.schema["default"]) return false;
      return Array.isArray(r) ? r.length > 0 : r !== "";
    });
  };

  /** Is the field required, given the groups it sits in? */
  Formular.prototype.istPflicht = function (f) {
    if (!f.pflicht) return false;
    for (var n = f.pfad.length - 1; n >= 1; n--) {
      var oben = f.pfad.slice(0, n), gruppe = this.gruppeBei(oben);
      if (typeof f.pfad[n - 1] === "number" || (gruppe && !gruppe.pflicht)) {
        // Inside a list item or an optional group: required only if the item/group is used.
        var behaelter = typeof f.pfad[n - 1] === "number" ? f.pfad.slice(0, n) : oben;
        if (!this.ausgefuellt(behaelter) && !this.listePflicht(behaelter)) return false;
      }
    }
    return true;
  };

  Formular.prototype.gruppeBei = function (pfad) {
    var s = pfad.join(".");
    return (this.gruppen || []).filter(function (g) { return g.pfad.join(".") === s; })[0];
  };

  /** The first item of a list with minItems (or a documented case study's sources) must be filled. */
  Formular.prototype.listePflicht = function (pfad) {
    var idx = pfad[pfad.length - 1];
    if (typeof idx !== "number" || idx !== 0) return false;
    var liste = (this.listen || []).filter(function (l) { return l.pfad.join(".") === pfad.slice(0, -1).join("."); })[0];
    if (!liste) return false;
    if (liste.minItems > 0) return true;
    var art = this.suche(["art"]);
    return this.typ === "praxisbeispiel" && liste.pfad.join(".") === "quellen" && art && this.roh(art) === "dokumentiert";
  };

  Formular.prototype.pruefen = function () {
    var self = this, fehler = [];
    this.felder.forEach(function (f) {
      var text = self.pruefeFeld(f, self.istPflicht(f));
      if (text) fehler.push({ feld: f, text: text });
    });
    // The model's rules across fields (modell.py), with its wording.
    var von = this.suche(["laufzeit", "von"]), bis = this.suche(["laufzeit", "bis"]);
    if (von && bis && /^\d{4}/.test(this.roh(von)) && /^\d{4}/.test(this.roh(bis)) &&
        +this.roh(bis).slice(0, 4) < +this.roh(von).slice(0, 4)) {
      fehler.push({ feld: bis, text: "Das Ende (" + this.roh(bis) + ") liegt vor dem Beginn (" + this.roh(von) + "). Prüfen Sie „Von“ und „Bis“." });
    }
    var person = this.suche(["ansprechstelle", "person"]), einwilligung = this.suche(["ansprechstelle", "einwilligung"]);
    if (person && this.roh(person) && !this.roh(einwilligung)) {
      fehler.push({ feld: einwilligung, text: "Namen von Personen dürfen nur mit Einwilligung genannt werden. Tragen Sie das Datum der Zustimmung ein oder lassen Sie „Person“ leer und nennen Sie nur die Stelle." });
    }
    var ags = this.suche(["ags"]);
    if (ags && /^05\d{6}$/.test(this.roh(ags)) && !this.daten.gemeinden[this.roh(ags)]) {
      fehler.push({ feld: ags, text: "Den Gemeindeschlüssel " + anf(this.roh(ags)) + " gibt es in NRW nicht (Stand der Geodaten: 01.01.2021)." });
    }
    var kennung = this.suche(["kennung"]), slug = this.roh(kennung);
    if (slug && SLUG.test(slug)) {
      Object.keys(this.daten.eintraege).forEach(function (t) {
        self.daten.eintraege[t].forEach(function (e) {
          if (e.slug === slug) fehler.push({ feld: kennung, text: "Die Kennung " + anf(slug) + " ist schon vergeben (" + e.titel + "). Ändern Sie Titel oder Kennung." });
        });
      });
    }
    return fehler;
  };

  Formular.prototype.fehlerZeigen = function (fehler) {
    this.felder.forEach(function (f) {
      f.fehler.hidden = true;
      f.fehler.textContent = "";
      (f.kaesten || [f.eingabe]).forEach(function (e) { e.removeAttribute("aria-invalid"); });
    });
    this.zusammenfassung.textContent = "";
    this.zusammenfassung.hidden = fehler.length === 0;
    if (!fehler.length) return;
    this.zusammenfassung.setAttribute("role", "alert");
    this.zusammenfassung.appendChild(el("p", { "class": "beitrag-fehlertitel",
      text: fehler.length === 1 ? "Bitte korrigieren Sie eine Angabe:" : "Bitte korrigieren Sie " + fehler.length + " Angaben:" }));
    var liste = el("ul", {});
    fehler.forEach(function (x) {
      var f = x.feld;
      f.fehler.textContent = f.fehler.textContent ? f.fehler.textContent + " " + x.text : x.text;
      f.fehler.hidden = false;
      (f.kaesten || [f.eingabe]).forEach(function (e) { e.setAttribute("aria-invalid", "true"); });
      var ziel = f.kaesten ? f.knoten.id : f.eingabe.id;
      liste.appendChild(el("li", {}, [el("a", { href: "#" + ziel, text: x.text })]));
    });
    this.zusammenfassung.appendChild(liste);
    this.zusammenfassung.focus();
  };

  // -- result -----------------------------------------------------------------------------

  // Title and summary are plain text (cards, page title, feed): no markup, no control characters
  // (pruefen would refuse both; pruefung/html_pruefung.py).
  function klartext(wert) {
    return typeof wert === "string" ? wert.replace(/[<>]|[\u0000-\u001f\u007f]/g, "").trim() : wert;
  }

  Formular.prototype.frontmatter = function () {
    var self = this, def = this.def(this.schema.discriminator.mapping[this.typ]);
    var daten = { typ: this.typ, title: klartext(this.wert(this.suche(["title"]))), zusammenfassung: klartext(this.wert(this.suche(["zusammenfassung"]))), status: "entwurf" };
    this.daten.reihenfolge[this.schema.discriminator.mapping[this.typ].replace("#/$defs/", "")].forEach(function (name) {
      if (daten.hasOwnProperty(name) || AUSGELASSEN.indexOf(name) >= 0 || !def.properties[name]) return;
      var w = self.wertBei([name], def.properties[name]);
      if (w !== null && !(Array.isArray(w) && w.length === 0)) daten[name] = w;
    });
    if (daten.sichtbarkeit === "oeffentlich") delete daten.sichtbarkeit; // the default
    return daten;
  };

  Formular.prototype.wertBei = function (pfad, knoten) {
    var self = this;
    knoten = ohneNull(knoten);
    if (knoten.$ref) {
      if (!this.ausgefuellt(pfad)) return null;
      var def = this.def(knoten.$ref), obj = {};
      this.daten.reihenfolge[knoten.$ref.replace("#/$defs/", "")].forEach(function (name) {
        var w = self.wertBei(pfad.concat([name]), def.properties[name]);
        if (w !== null && !(Array.isArray(w) && !w.length)) obj[name] = w;
      });
      return obj;
    }
    if (knoten.type === "array" && knoten.items && knoten.items.$ref) {
      var liste = (this.listen || []).filter(function (l) { return l.pfad.join(".") === pfad.join("."); })[0], werte = [];
      for (var i = 0; liste && i < liste.anzahl; i++) {
        var w = this.wertBei(pfad.concat([i]), knoten.items);
        if (w) werte.push(w);
      }
      return werte;
    }
    var f = this.suche(pfad);
    return f ? this.wert(f) : null;
  };

  Formular.prototype.markdown = function () {
    var daten = this.frontmatter();
    var geruest = this.daten.gerueste[this.typ].split(this.daten.titelplatz).join(daten.title);
    return "---\n" + yaml(daten, "").join("\n") + "\n---\n\n" + geruest;
  };

  Formular.prototype.absenden = function () {
    var fehler = this.pruefen();
    this.fehlerZeigen(fehler);
    if (fehler.length) {
      this.ergebnis.hidden = true;
      return;
    }
    this.ergebnisZeigen(this.markdown());
  };

  Formular.prototype.ergebnisZeigen = function (text) {
    var self = this, repo = this.daten.repository, typ = this.daten.typen[this.typ];
    var slug = this.roh(this.suche(["kennung"]));
    var pfad = (repo.pfad || "docs/") + typ.ordner + "/" + slug + ".md";
    var hostName = repo.host === "gitlab" ? "GitLab" : "GitHub";
    this.ergebnis.textContent = "";
    this.ergebnis.appendChild(el("h2", { id: "beitrag-ergebnis-titel", text: "Ihre Datei: " + pfad }));
    this.ergebnis.appendChild(el("p", { text: "Die Angaben sind vollständig. So sieht die Datei aus; die Abschnitte füllen Sie im nächsten Schritt aus (die Hinweise in <!-- … --> danach löschen)." }));
    var code = el("textarea", { id: "beitrag-markdown", readonly: true, rows: "16", "aria-label": "Inhalt der Datei (Markdown)", spellcheck: "false" });
    code.value = text;
    this.ergebnis.appendChild(code);
    var meldung = el("p", { id: "beitrag-meldung", role: "status", "class": "beitrag-meldung" });
    var knoepfe = el("p", { "class": "beitrag-knoepfe" });
    var laden = el("button", { type: "button", "class": "md-button", id: "beitrag-herunterladen", text: "Datei herunterladen" });
    laden.addEventListener("click", function () {
      var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" })), download: slug + ".md" });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      meldung.textContent = "Die Datei " + slug + ".md wurde heruntergeladen.";
    });
    knoepfe.appendChild(laden);
    if (repo.url && repo.host) {
      var senden = el("button", { type: "button", "class": "md-button md-button--primary", id: "beitrag-senden",
        text: "Auf " + hostName + " einreichen" });
      senden.addEventListener("click", function () { self.einreichen(text, pfad, meldung); });
      knoepfe.appendChild(senden);
    } else {
      knoepfe.appendChild(el("span", { text: "Für dieses Handbuch ist kein Repository eingetragen: Laden Sie die Datei herunter und senden Sie sie an die Redaktion." }));
    }
    this.ergebnis.appendChild(knoepfe);
    this.ergebnis.appendChild(meldung);
    this.ergebnis.hidden = false;
    this.ergebnis.querySelector("h2").setAttribute("tabindex", "-1");
    this.ergebnis.querySelector("h2").focus();
  };

  /** The new-file page of the repository host, with path and (if it fits) the content. */
  function neueDateiUrl(repo, pfad, text) {
    if (repo.host === "gitlab") {
      return repo.url + "/-/new/" + encodeURIComponent(repo.zweig) + "?file_name=" + encodeURIComponent(pfad) +
        (text === null ? "" : "&content=" + encodeURIComponent(text));
    }
    return repo.url + "/new/" + encodeURIComponent(repo.zweig) + "?filename=" + encodeURIComponent(pfad) +
      (text === null ? "" : "&value=" + encodeURIComponent(text));
  }

  Formular.prototype.einreichen = function (text, pfad, meldung) {
    var repo = this.daten.repository, url = neueDateiUrl(repo, pfad, text);
    if (url.length <= MAX_URL) {
      meldung.textContent = "Die Seite zum Anlegen der Datei wurde in einem neuen Fenster geöffnet. Dort „Commit changes“ " +
        "bzw. „Propose changes“ wählen – daraus wird ein Pull Request für die Redaktion.";
      window.open(url, "_blank", "noopener");
      return;
    }
    // Too long for an address: copy the content (while this page has the focus), then open
    // the page with the path only.
    var leer = neueDateiUrl(repo, pfad, null);
    kopieren(text).then(function () {
      meldung.textContent = "Der Inhalt ist zu lang für die Adresse und wurde in die Zwischenablage kopiert. Fügen Sie ihn " +
        "auf der geöffneten Seite in das leere Textfeld ein (Strg+V, am Mac ⌘+V).";
    }, function () {
      meldung.textContent = "Der Inhalt ist zu lang für die Adresse. Kopieren Sie ihn aus dem Textfeld oben und fügen Sie ihn " +
        "auf der geöffneten Seite ein.";
    }).then(function () {
      window.open(leer, "_blank", "noopener");
    });
  };

  function kopieren(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return new Promise(function (ok, nein) {
      var feld = el("textarea", {});
      feld.value = text;
      document.body.appendChild(feld);
      feld.select();
      var erfolg = document.execCommand && document.execCommand("copy");
      document.body.removeChild(feld);
      (erfolg ? ok : nein)();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
