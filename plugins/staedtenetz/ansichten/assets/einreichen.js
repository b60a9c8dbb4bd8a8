/*
 * "Beitrag einreichen": the submission form, generated in the browser from the JSON Schema of
 * the content model (schema/eintrag.schema.json) and the site's form data
 * (assets/staedtenetz/formular.json, written at build time by the plugin staedtenetz/redaktion).
 *
 * It checks the input against that schema with a standard JSON Schema validator (Ajv, vendored
 * in assets/staedtenetz/vendor/ with its licence; no rule of the model is copied here), in German
 * from the model's message table, plus the catalogue-only rules (existing references, AGS, free
 * file name); builds the Markdown
 * file (front matter + section skeleton); offers it as a download; and opens the repository
 * host's new-file page with path and content prefilled. Nothing is sent anywhere by this script:
 * the contributor submits on the repository host.
 *
 * Extensions hook in through window.StaedtenetzBeitrag.erweiterungen (see ``erweitern``):
 * beitragstext.js (the body), beitragspaket.js (photos, materials, the ZIP package),
 * docx_lesen.js (reading a filled-in Word file), formular_speicher.js (keeping the input).
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
  var ZAHL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
  var TAUSENDER = /^-?[0-9]{1,3}\.[0-9]{3}$/;

  function start() {
    var wurzel = document.getElementById("beitrag-formular");
    if (!wurzel || !skript) return;
    var basis = skript.src.replace(/assets\/staedtenetz\/einreichen\.js.*$/, "");
    wurzel.textContent = "Das Formular wird geladen …";
    window.StaedtenetzVertrag.laden(basis)
      .then(function (p) { new Formular(wurzel, p.schema, p.daten, p); })
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

  var el = window.StaedtenetzDom.el;  // formular_dom.js
  var anf = window.StaedtenetzDom.anf;


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

  // -- extensions (beitragspaket.js, beitragstext.js, docx_lesen.js, formular_speicher.js) -----

  /** Call hook ``was`` of every registered extension (in the order of their ``rang``) and
   *  collect what they return (lists are concatenated). */
  function erweitern(formular, was, arg) {
    var B = window.StaedtenetzBeitrag, erg = [];
    ((B && B.erweiterungen) || []).slice().sort(function (a, b) { return (a.rang || 0) - (b.rang || 0); })
      .forEach(function (e) { if (e[was]) erg = erg.concat(e[was](formular, arg) || []); });
    return erg;
  }

  // -- the form ---------------------------------------------------------------------------

  function Formular(wurzel, schema, daten, pruefer) {
    this.schema = schema;
    this.pruefer = pruefer;
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
    if (this.typ) erweitern(this, "vorTypwechsel");
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
    erweitern(this, "aufgebaut");
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
    var eintrag = { pfad: pfad, anzahl: 0, minItems: knoten.minItems || 0, def: def, hinzufuegen: function () { hinzufuegen(); } };
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
    // Numbers only as written plainly; anything else ("60.000", "1,5", "12 ha") stays text, and
    // the schema says what to write instead – nothing is converted silently.
    if (f.art === "zahl") return ZAHL.test(roh) && !TAUSENDER.test(roh) ? Number(roh) : roh;
    if (f.art === "datum") return DATUM.test(roh) ? new Datum(roh) : roh;
    if (f.art === "jahr-oder-datum") return /^\d{4}$/.test(roh) ? Number(roh) : DATUM.test(roh) ? new Datum(roh) : roh;
    if (MEHRZEILIG.indexOf(f.pfad[f.pfad.length - 1]) >= 0) return roh.replace(/\s*\n\s*/g, " ");
    return roh;
  };

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

  /** The field for an error at ``pfad``: the field itself, else the first field inside it. */
  Formular.prototype.feldFuer = function (pfad) {
    var s = pfad.join("."), felder = this.felder;
    var genau = felder.filter(function (f) { return f.pfad.join(".") === s; })[0];
    if (genau) return genau;
    var innen = felder.filter(function (f) { return f.pfad.join(".").indexOf(s + ".") === 0; })[0];
    if (innen) return innen;
    for (var n = pfad.length - 1; n > 0; n--) {
      var oben = this.suche(pfad.slice(0, n));
      if (oben) return oben;
    }
    return felder[0];
  };

  /** The label of the field at ``pfad`` as the form shows it, for the messages. */
  Formular.prototype.beschriftungFuer = function (pfad) {
    var f = this.suche(pfad);
    if (f && f.schema.title) {
      var nr = pfad.filter(function (t) { return typeof t === "number"; });
      return f.schema.title + (nr.length ? " (" + nr.map(function (i) { return (i + 1) + ". Eintrag"; }).join(", ") + ")" : "");
    }
    var titel = this.pruefer.titel(this.typ, pfad);
    return titel || feldname(pfad);
  };

  /** The schema's verdict (standard validator) plus what only the catalogue knows. */
  Formular.prototype.pruefen = function () {
    var self = this, fehler = [];
    var daten = jsonWerte(this.frontmatter());
    this.pruefer.pruefen(daten, function (p) { return self.beschriftungFuer(p); }).forEach(function (m) {
      fehler.push({ feld: self.feldFuer(m.pfad), text: m.text });
    });
    var gemeldet = {};
    fehler.forEach(function (x) { gemeldet[x.feld.pfad.join(".")] = true; });
    // Catalogue-only rules (listed in the schema's description): references name existing
    // entries, the AGS exists in NRW, the file name is a free slug.
    this.felder.forEach(function (f) {
      if (gemeldet[f.pfad.join(".")] || f.art !== "verweis") return;
      var roh = self.roh(f);
      if (!roh || !SLUG.test(roh)) return;
      var slugs = (self.daten.eintraege[f.ziel] || []).map(function (e) { return e.slug; });
      if (slugs.indexOf(roh) < 0) {
        var v = self.pruefer.vorschlag(roh, f.ziel);
        fehler.push({ feld: f, text: "Kein Eintrag vom Typ " + self.daten.typen[f.ziel].bezeichnung + " hat die Kennung " + anf(roh) + "." +
          (v ? " Meinten Sie " + anf(v) + "?" : "") + " Wählen Sie einen Eintrag aus der Liste." });
      }
    });
    var ags = this.suche(["ags"]);
    if (ags && !gemeldet.ags && /^05\d{6}$/.test(this.roh(ags)) && !this.daten.gemeinden[this.roh(ags)]) {
      fehler.push({ feld: ags, text: "Den Gemeindeschlüssel " + anf(this.roh(ags)) + " gibt es in NRW nicht (Stand der Geodaten: 01.01.2021)." });
    }
    var kennung = this.suche(["kennung"]), slug = this.roh(kennung);
    if (!slug) {
      fehler.push({ feld: kennung, text: this.pruefer.text("pflichtfeld", { feld: "Kennung (Dateiname)" }) });
    } else if (!SLUG.test(slug)) {
      fehler.push({ feld: kennung, text: this.pruefer.text("kennung", { feld: "Kennung (Dateiname)", wert: slug, vorschlag: " Schreiben Sie z. B. " + anf(slugVorschlag(slug)) + "." }) });
    } else {
      Object.keys(this.daten.eintraege).forEach(function (t) {
        self.daten.eintraege[t].forEach(function (e) {
          if (e.slug === slug) fehler.push({ feld: kennung, text: "Die Kennung " + anf(slug) + " ist schon vergeben (" + e.titel + "). Ändern Sie Titel oder Kennung." });
        });
      });
    }
    fehler = fehler.concat(erweitern(this, "pruefen"));
    return fehler.sort(function (a, b) { return self.felder.indexOf(a.feld) - self.felder.indexOf(b.feld); });
  };

  /** The front matter as JSON values (dates as JJJJ-MM-TT text), as the JSON Schema sees it. */
  function jsonWerte(v) {
    if (v instanceof Datum) return v.text;
    if (Array.isArray(v)) return v.map(jsonWerte);
    if (v !== null && typeof v === "object") {
      var o = {};
      Object.keys(v).forEach(function (k) { o[k] = jsonWerte(v[k]); });
      return o;
    }
    return v;
  }

  // -- the contract: the JSON Schema, checked by a standard validator ----------------------
  //
  // Ajv (vendored in assets/staedtenetz/vendor/, with its licence) validates against the schema
  // generated from the content model; the German texts come from the model's message table
  // (formular.json "meldungen", the same table `staedtenetz pruefen` uses). Other scripts get a
  // checker with window.StaedtenetzVertrag.laden(basis).then(function (p) { p.pruefen(daten) }).

  var VALIDATOR = "assets/staedtenetz/vendor/ajv2020.min.js";
  var ZEITRAUM = /^\s*(\d{4})\s*[-–—\/]\s*(\d{4})\s*$/;
  var DATUM = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var REGELFELD = { zeitraum_umgekehrt: ["bis"], person_ohne_einwilligung: ["person"], quellen_fehlen: ["quellen"] };

  function skriptLaden(url) {
    return new Promise(function (ok, nein) {
      if (window.StaedtenetzAjv) { ok(); return; }
      var s = document.createElement("script");
      s.src = url;
      s.onload = function () { ok(); };
      s.onerror = function () { nein(new Error(url)); };
      document.head.appendChild(s);
    });
  }

  /** ``('quellen', 0, 'url')`` -> ``quellen, 1. Eintrag, url`` (as pruefen names fields). */
  function feldname(pfad) {
    var teile = [];
    pfad.forEach(function (t) {
      if (typeof t === "number") teile.push(", " + (t + 1) + ". Eintrag");
      else if (teile.length && /Eintrag$/.test(teile[teile.length - 1])) teile.push(", " + t);
      else teile.push(teile.length ? "." + t : String(t));
    });
    return teile.join("");
  }

  function wertBei(daten, pfad) {
    var w = daten;
    for (var i = 0; w !== null && w !== undefined && i < pfad.length; i++) w = w[pfad[i]];
    return w;
  }

  function zeiger(instancePath) {
    if (!instancePath) return [];
    return instancePath.slice(1).split("/").map(function (t) {
      t = t.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^\d+$/.test(t) ? Number(t) : t;
    });
  }

  function art(w) {
    if (typeof w === "boolean") return "Wahrheitswert " + w;
    if (typeof w === "number") return "Zahl " + w;
    if (typeof w === "string") return "Text '" + w + "'";
    if (Array.isArray(w)) return "eine Liste";
    if (w && typeof w === "object") return "eine Gruppe von Feldern";
    return "nichts (leerer Wert)";
  }

  function zahlVorschlag(w) {
    if (typeof w === "boolean") return " Ein Wahrheitswert ist keine Zahl.";
    if (typeof w !== "string") return "";
    var roh = w.trim(), ohne = roh.replace(/\s*(?:€|EUR|Euro|ha)$/, "");
    if (/^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(ohne)) return " Meinten Sie " + ohne.replace(/\./g, "").replace(",", ".") + "?";
    if (/^[-+]?\d+,\d+$/.test(ohne)) return " Meinten Sie " + ohne.replace(",", ".") + "?";
    if (ohne !== roh && /^[-+]?\d+(?:\.\d+)?$/.test(ohne)) return " Meinten Sie " + ohne + "?";
    if (/^[-+]?\d+(?:\.\d+)?$/.test(roh)) return " Schreiben Sie die Zahl ohne Anführungszeichen: " + roh + ".";
    return "";
  }

  function slugAusText(text) {
    var t = String(text).normalize("NFC").toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return t.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function Pruefer(schema, daten) {
    // The validator Ajv generated from this schema (werkzeuge/validator/bauen.sh): plain code,
    // no eval, so it runs under the site's Content-Security-Policy.
    this.gueltig = window.StaedtenetzAjv.pruefen;
    this.schema = schema;
    this.daten = daten;
    this.texte = daten.meldungen || {};
    this.eintraege = daten.eintraege || {};
  }

  Pruefer.prototype.text = function (schluessel, werte) {
    return (this.texte[schluessel] || schluessel).replace(/\{(\w+)\}/g, function (_, k) {
      return werte && werte[k] !== undefined && werte[k] !== null ? String(werte[k]) : "";
    });
  };

  /** The schema node of the field at ``pfad`` in an entry of type ``typ`` (null unwrapped). */
  Pruefer.prototype.knoten = function (typ, pfad) {
    var s = this.schema, map = s.discriminator && s.discriminator.mapping, k = map && map[typ] ? this.def(map[typ]) : null;
    for (var i = 0; k && i < pfad.length; i++) {
      k = this.aufloesen(k);
      k = typeof pfad[i] === "number" ? k.items : (k.properties || {})[pfad[i]];
    }
    return k ? this.aufloesen(k) : null;
  };

  /** The ``x-regel`` of the clause an ``if`` error comes from (its schemaPath from the root,
   * or – inside the entry type's definition – from that definition). */
  Pruefer.prototype.regel = function (typ, schemaPath) {
    var teile = schemaPath.replace(/^#\//, "").split("/").slice(0, -1), self = this;
    var map = this.schema.discriminator && this.schema.discriminator.mapping;
    var anfaenge = [this.schema].concat(map && map[typ] ? [this.def(map[typ])] : []);
    for (var i = 0; i < anfaenge.length; i++) {
      var k = anfaenge[i];
      for (var j = 0; k && j < teile.length; j++) k = k[teile[j].replace(/~1/g, "/").replace(/~0/g, "~")];
      if (k && k["x-regel"]) return k["x-regel"];
    }
    return null;
  };

  /** The title the schema gives the field at ``pfad`` (a group's own title, e.g. "Laufzeit"). */
  Pruefer.prototype.titel = function (typ, pfad) {
    var oben = this.knoten(typ, pfad.slice(0, -1)), letztes = pfad[pfad.length - 1];
    if (!oben) return null;
    var k = typeof letztes === "number" ? oben.items : (oben.properties || {})[letztes];
    return k ? k.title || (this.aufloesen(k) || {}).title || null : null;
  };

  Pruefer.prototype.def = function (ref) { return this.schema.$defs[ref.replace("#/$defs/", "")]; };

  Pruefer.prototype.aufloesen = function (k) {
    if (k && k.anyOf) {
      var rest = k.anyOf.filter(function (x) { return x.type !== "null"; });
      if (rest.length === 1) k = rest[0];
    }
    return k && k.$ref ? this.def(k.$ref) : k;
  };

  /** The existing slug of type ``ziel`` that ``eingabe`` most likely means (as pruefen). */
  Pruefer.prototype.vorschlag = function (eingabe, ziel) {
    var eintraege = this.eintraege[ziel] || [], slugs = eintraege.map(function (e) { return e.slug; });
    if (!eintraege.length) return null;
    var alsSlug = slugAusText(eingabe), wort = String(eingabe).trim().toLowerCase();
    if (slugs.indexOf(alsSlug) >= 0) return alsSlug;
    var titel = eintraege.filter(function (e) { return e.titel.toLowerCase() === wort; })[0];
    if (titel) return titel.slug;
    var treffer = eintraege.filter(function (e) {
      var t = e.titel.toLowerCase();
      return t && (wort.indexOf(t) >= 0 || t.indexOf(wort) >= 0);
    }).sort(function (a, b) { return b.titel.length - a.titel.length || (a.slug < b.slug ? 1 : -1); })[0];
    if (treffer) return treffer.slug;
    var teile = slugs.filter(function (s) { return alsSlug && (s.indexOf(alsSlug) >= 0 || alsSlug.indexOf(s) >= 0); }).sort();
    return teile.length ? teile[0] : aehnlichstes(alsSlug, slugs);
  };

  /**
   * Check front-matter ``daten`` (JSON values) against the schema. Returns a list of
   * {pfad: [...], text: "..."}; empty if valid. ``beschriftung(pfad)`` names a field in the
   * texts (default: as pruefen does, "handlungsfelder, 1. Eintrag").
   */
  Pruefer.prototype.pruefen = function (daten, beschriftung) {
    var self = this, ergebnis = [], gesehen = {};
    beschriftung = beschriftung || feldname;
    if (this.gueltig(daten)) return ergebnis;
    var typ = daten && daten.typ;
    function melden(pfad, text) {
      var s = pfad.join("/");
      if (gesehen[s]) return;
      gesehen[s] = true;
      ergebnis.push({ pfad: pfad, text: text });
    }
    // Rules first: what failed inside a rule's "then" is said once, by the rule.
    this.gueltig.errors.forEach(function (e) {
      var regel = e.keyword === "if" && self.regel(typ, e.schemaPath);
      if (!regel) return;
      var d = wertBei(daten, zeiger(e.instancePath)) || {};
      melden(zeiger(e.instancePath).concat(REGELFELD[regel] || []), self.text(regel, { von: d.von, bis: d.bis }));
    });
    this.gueltig.errors.forEach(function (e) {
      if (e.keyword === "if" || /\/then\//.test(e.schemaPath) || e.keyword === "anyOf" || e.keyword === "oneOf") return;
      if (e.keyword === "type" && e.params.type === "null") return;
      var pfad = zeiger(e.instancePath);
      if (e.keyword === "required") pfad = pfad.concat([e.params.missingProperty]);
      if (e.keyword === "additionalProperties") pfad = pfad.concat([e.params.additionalProperty]);
      melden(pfad, self.meldung(e, pfad, beschriftung(pfad), self.knoten(typ, pfad), wertBei(daten, zeiger(e.instancePath))));
    });
    return ergebnis;
  };

  Pruefer.prototype.meldung = function (e, pfad, feld, knoten, w) {
    var k = e.keyword, p = e.params, t = this.text.bind(this);
    var name = String(pfad.filter(function (x) { return typeof x !== "number"; }).slice(-1)[0] || "");
    if (k === "required") return t("pflichtfeld", { feld: feld });
    if (k === "additionalProperties") return t("unbekanntes_feld", { name: p.additionalProperty });
    if (k === "discriminator") return t("unbekannter_typ", { wert: p.tagValue, erlaubt: Object.keys(this.schema.discriminator.mapping).join(", ") });
    var jahrOderDatum = knoten && knoten.anyOf && knoten.anyOf.some(function (x) { return x.type === "integer"; });
    if (jahrOderDatum && k !== "minimum" && k !== "maximum") {
      var m = typeof w === "string" ? ZEITRAUM.exec(w) : null;
      if (m) return t("zwei_jahre", { feld: feld, wert: w, von: m[1], bis: m[2] });
      return t("jahr_oder_datum", { feld: feld, gefunden: typeof w === "string" ? ", gefunden: '" + w + "'" : ", gefunden: " + art(w) });
    }
    if (k === "type") {
      var soll = Array.isArray(p.type) ? p.type[0] : p.type;
      if (soll === "integer") return t("ganze_zahl", { feld: feld, gefunden: art(w), vorschlag: zahlVorschlag(w) });
      if (soll === "number") return t("zahl", { feld: feld, gefunden: art(w), vorschlag: zahlVorschlag(w) });
      if (soll === "array") return t("liste", { feld: feld });
      if (soll === "object") return t("gruppe", { feld: feld, gefunden: art(w) });
      return t("text", { feld: feld, gefunden: art(w) });
    }
    if (k === "format" || (k === "pattern" && knoten && knoten.format === "date")) {
      if (typeof w === "string" && DATUM.test(w)) return t("datum_ungueltig", { feld: feld, wert: w });
      return t("datum", { feld: feld, gefunden: ", gefunden: '" + w + "'" });
    }
    if (k === "pattern") return this.musterText(name, feld, String(w), knoten);
    if (k === "minLength") return w === "" ? t("leer", { feld: feld }) : t("zu_kurz", { feld: feld, anzahl: p.limit, laenge: Array.from(w).length });
    if (k === "maxLength") return t("zu_lang", { feld: feld, anzahl: p.limit, laenge: Array.from(w).length });
    if (k === "minItems") return t("zu_wenige", { feld: feld, anzahl: p.limit });
    if (k === "maxItems") return t("zu_viele", { feld: feld, anzahl: p.limit });
    if (k === "minimum" || k === "exclusiveMinimum") return t("mindestens", { feld: feld, grenze: p.limit, wert: w });
    if (k === "maximum" || k === "exclusiveMaximum") return t("hoechstens", { feld: feld, grenze: p.limit, wert: w });
    if (k === "enum" || k === "const") {
      var erlaubt = k === "enum" ? p.allowedValues : [p.allowedValue];
      var v = aehnlichstes(String(w), erlaubt);
      return t("auswahl", { feld: feld, wert: w, vorschlag: v ? " Meinten Sie '" + v + "'?" : "", erlaubt: erlaubt.join(", ") });
    }
    return feld + ": " + e.message;
  };

  var LEER = /^[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
  var LEER_ENDE = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$/;
  var WAHRHEITSWORT = /^(?:[yY]|[yY]es|YES|[nN]|[nN]o|NO|[oO]n|ON|[oO]ff|OFF)$/;

  Pruefer.prototype.musterText = function (name, feld, w, knoten) {
    var t = this.text.bind(this);
    if (name === "ags") return t("ags", { feld: feld, wert: w });
    if (name === "url" || name === "webseite") return t("url", { feld: feld, wert: w });
    if (name === "email") return t("email", { feld: feld, wert: w });
    if (name === "telefon") return t("telefon", { feld: feld, wert: w });
    if (/^[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$/.test(w)) return t("leer", { feld: feld });
    if (LEER.test(w)) return t("leerzeichen_anfang", { feld: feld });
    if (LEER_ENDE.test(w)) return t("leerzeichen_ende", { feld: feld });
    if (WAHRHEITSWORT.test(w)) return t("wahrheitswort", { feld: feld, wert: w });
    var ziel = knoten && knoten["x-referenz"];
    if (ziel) {
      var werte = w.split(/\s*(?:,|;|\bund\b|&|\+)\s*/).filter(function (x) { return x.trim(); });
      var self = this;
      if (werte.length > 1 && knoten.type === "string") {
        var vs = werte.map(function (x) { return self.vorschlag(x, ziel); }).filter(Boolean);
        return t("zwei_werte", { feld: feld, anzahl: werte.length, werte: werte.map(function (x) { return "'" + x + "'"; }).join(", "),
          vorschlag: vs.length ? " Vorhanden: " + vs.map(function (x) { return "'" + x + "'"; }).join(", ") + "." : "" });
      }
      var v = this.vorschlag(w, ziel);
      if (v) return t("kennung", { feld: feld, wert: w, vorschlag: " Meinten Sie '" + v + "'?" });
    }
    return t("kennung", { feld: feld, wert: w, vorschlag: " Schreiben Sie z. B. '" + (slugAusText(w) || "eintrag") + "'." });
  };

  window.StaedtenetzVertrag = {
    Pruefer: Pruefer,
    /** Load the schema, the form data and the validator below the site root ``basis``. */
    laden: function (basis) {
      return Promise.all([
        laden("beitrag-daten-schema", basis + "schema/eintrag.schema.json"),
        laden("beitrag-daten-formular", basis + "assets/staedtenetz/formular.json"),
        skriptLaden(basis + VALIDATOR)
      ]).then(function (r) { return new Pruefer(r[0], r[1]); });
    }
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
    erweitern(this, "frontmatter", daten);
    if (daten.sichtbarkeit === "oeffentlich") delete daten.sichtbarkeit; // the default
    Object.keys(daten).forEach(function (k) { if (daten[k] === null) delete daten[k]; }); // left empty
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
    var koerper = erweitern(this, "koerper", daten.title)[0];
    var geruest = koerper !== undefined ? koerper : this.daten.gerueste[this.typ].split(this.daten.titelplatz).join(daten.title);
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
    erweitern(this, "ergebnis", { ergebnis: this.ergebnis, knoepfe: knoepfe, meldung: meldung, text: text, slug: slug, pfad: pfad });
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
