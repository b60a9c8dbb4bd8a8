/*
 * "Beitrag einreichen", part 2: photos and materials, and the contribution package (ZIP).
 *
 * The form (einreichen.js) calls the hooks below through window.StaedtenetzBeitrag. This module
 * adds two sections to the form, "Bilder" and "Materialien zum Download": each chosen file gets
 * the fields of the model's Bild/Material (from the JSON Schema, except `datei`) and is checked
 * against the rules the build emits in formular.json (`dateien`: allowed extensions, which of
 * them are images, the size limit, the clean-name rule). A file name with capitals, spaces or
 * umlauts is renamed to the suggested clean name, visibly. The result offers one ZIP
 * ("Beitragspaket") in the layout of the package contract: docs/<ordner>/<slug>.md plus
 * docs/<ordner>/<slug>/<datei>, and beitrag.json. The ZIP is written by fflate (vendored,
 * MIT, vendor/fflate.min.js), loaded only when needed. Nothing leaves the browser.
 */
(function () {
  "use strict";

  var skript = document.currentScript;
  var B = window.StaedtenetzBeitrag = window.StaedtenetzBeitrag || { erweiterungen: [] };
  var basis = skript ? skript.src.replace(/assets\/staedtenetz\/[^\/]*$/, "") : "";
  var ROLLEN = ["bilder", "materialien"];

  var el = window.StaedtenetzDom.el;  // formular_dom.js
  var anf = window.StaedtenetzDom.anf;


  /** The vendored zip library, loaded on first use. */
  var fflateLaden = null;
  B.fflate = function () {
    if (window.fflate) return Promise.resolve(window.fflate);
    if (!fflateLaden) {
      fflateLaden = new Promise(function (ok, nein) {
        var s = document.createElement("script");
        s.src = basis + "assets/staedtenetz/vendor/fflate.min.js";
        s.onload = function () { if (window.fflate) ok(window.fflate); else nein(new Error("fflate")); };
        s.onerror = function () { fflateLaden = null; nein(new Error("fflate")); };
        document.head.appendChild(s);
      });
    }
    return fflateLaden;
  };

  /** The clean-name suggestion of the contract (as pruefung/materialien.sauberer_name): lowercase,
   *  umlauts spelled out, runs of other characters become one hyphen; the extension is kept. */
  function sauberName(name) {
    var punkt = name.lastIndexOf(".");
    var stamm = punkt > 0 ? name.slice(0, punkt) : name, endung = punkt > 0 ? name.slice(punkt + 1) : "";
    function sauber(t) {
      return t.normalize("NFC").toLowerCase()
        .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
        .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    }
    var s = sauber(stamm) || "datei", e = sauber(endung).replace(/-/g, "");
    return e ? s + "." + e : s;
  }
  B.sauberName = sauberName;

  function endungVon(name) {
    var punkt = name.lastIndexOf(".");
    return punkt > 0 ? name.slice(punkt + 1).toLowerCase() : "";
  }

  function groesseText(bytes) {
    if (bytes >= 1000000) return (bytes / 1000000).toFixed(1).replace(".", ",") + " MB";
    return Math.max(1, Math.round(bytes / 1000)) + " kB";
  }

  /** Optional (anyOf with null) → the node without null, keeping title and description. */
  function ohneNull(knoten) {
    if (!knoten.anyOf) return knoten;
    var rest = knoten.anyOf.filter(function (k) { return k.type !== "null"; });
    if (rest.length !== 1) return knoten;
    var r = Object.assign({}, rest[0]);
    ["title", "description"].forEach(function (k) { if (knoten[k] && !r[k]) r[k] = knoten[k]; });
    return r;
  }

  var zaehler = 0;

  // -- the files ------------------------------------------------------------------------------

  function Dateien() {
    this.liste = []; // {id, rolle, name, blob, werte}
  }

  Dateien.prototype.regeln = function (formular) { return formular.daten.dateien; };

  Dateien.prototype.erlaubt = function (formular, rolle) {
    var r = this.regeln(formular);
    return Object.keys(r.arten).filter(function (e) { return rolle === "materialien" || r.arten[e].bild; });
  };

  /** Add chosen files (File objects) for ``rolle``, with the values of their fields if known;
   *  stores them for a reload. */
  Dateien.prototype.hinzufuegen = function (formular, rolle, dateien, werte) {
    var self = this;
    Array.prototype.forEach.call(dateien, function (d, i) {
      zaehler += 1;
      var eintrag = { id: "datei-" + Date.now().toString(36) + "-" + zaehler, rolle: rolle, name: d.name, blob: d,
        werte: (werte && werte[i]) || {} };
      self.liste.push(eintrag);
      kopfLesen(eintrag);
      if (B.speicher) B.speicher.dateiAblegen(eintrag.id, d, d.name);
    });
    this.zeigen(formular);
    if (B.geaendert) B.geaendert();
  };

  Dateien.prototype.entfernen = function (formular, eintrag) {
    this.werteMerken(formular);
    this.liste = this.liste.filter(function (e) { return e !== eintrag; });
    if (B.speicher) B.speicher.dateiEntfernen(eintrag.id);
    this.zeigen(formular);
    if (B.geaendert) B.geaendert();
  };

  /** Clean, unique names in the package: a second "foto.jpg" becomes "foto-2.jpg". */
  Dateien.prototype.namenVergeben = function () {
    var vergeben = {};
    this.liste.forEach(function (e) {
      var n = sauberName(e.name), punkt = n.lastIndexOf("."), i = 2;
      var stamm = punkt > 0 ? n.slice(0, punkt) : n, endung = punkt > 0 ? n.slice(punkt) : "";
      while (vergeben[n]) { n = stamm + "-" + i + endung; i += 1; }
      vergeben[n] = true;
      e.paketname = n;
    });
  };

  /** Keep what was typed into the fields of each file (before the fields are rebuilt). */
  Dateien.prototype.werteMerken = function (formular) {
    var self = this;
    (formular.felder || []).forEach(function (f) {
      if (ROLLEN.indexOf(f.pfad[0]) < 0 || f.pfad.length !== 3 || f.pfad[2] === "datei") return;
      var e = self.eintragBei(f.pfad[0], f.pfad[1]);
      if (e) e.werte[f.pfad[2]] = f.eingabe.value;
    });
  };

  Dateien.prototype.eintragBei = function (rolle, i) {
    return this.liste.filter(function (e) { return e.rolle === rolle; })[i];
  };

  /** The sections "Bilder" and "Materialien" (again), after a type change or a file change. */
  Dateien.prototype.zeigen = function (formular) {
    var self = this;
    this.namenVergeben();
    formular.felder = formular.felder.filter(function (f) { return ROLLEN.indexOf(f.pfad[0]) < 0; });
    formular.listen = (formular.listen || []).filter(function (l) { return ROLLEN.indexOf(l.pfad[0]) < 0; });
    ROLLEN.forEach(function (rolle) {
      var bereich = self.bereiche[rolle];
      bereich.liste.textContent = "";
      var def = formular.def(self.schemaKnoten(formular, rolle).items.$ref);
      var eigene = self.liste.filter(function (e) { return e.rolle === rolle; });
      formular.listen.push({ pfad: [rolle], anzahl: eigene.length, minItems: 0, def: def });
      eigene.forEach(function (e, i) { bereich.liste.appendChild(self.eintragZeigen(formular, rolle, def, e, i)); });
    });
  };

  Dateien.prototype.schemaKnoten = function (formular, rolle) {
    var def = formular.def(formular.schema.discriminator.mapping[formular.typ]);
    return def.properties[rolle];
  };

  Dateien.prototype.eintragZeigen = function (formular, rolle, def, e, i) {
    var self = this, bild = rolle === "bilder";
    var reihenfolge = formular.daten.reihenfolge[bild ? "Bild" : "Material"];
    var legende = (bild ? "Bild " : "Material ") + (i + 1) + ": " + e.paketname;
    var box = el("fieldset", { "class": "beitrag-gruppe beitrag-datei" }, [el("legend", { text: legende })]);
    var info = e.name === e.paketname
      ? "Datei " + anf(e.name) + ", " + groesseText(e.blob.size) + "."
      : "Datei " + anf(e.name) + ", " + groesseText(e.blob.size) + ". Im Paket heißt sie " + anf(e.paketname) +
        " (Dateinamen nur aus Kleinbuchstaben, Ziffern und Bindestrichen).";
    box.appendChild(el("p", { "class": "beitrag-hilfe beitrag-datei-info", text: info }));
    reihenfolge.forEach(function (name) {
      var knoten = ohneNull(def.properties[name]);
      var pflicht = (def.required || []).indexOf(name) >= 0;
      var f = formular.textfeld([rolle, i, name], knoten, pflicht);
      if (name === "datei") {
        f.eingabe.value = e.paketname;
        f.eingabe.readOnly = true;
        f.datei = e;
      } else if (e.werte[name] !== undefined) {
        f.eingabe.value = e.werte[name];
      }
      box.appendChild(f.knoten);
    });
    var weg = el("button", { type: "button", "class": "md-button beitrag-datei-entfernen",
      text: (bild ? "Bild " : "Material ") + anf(e.paketname) + " entfernen" });
    weg.addEventListener("click", function () { self.entfernen(formular, e); });
    box.appendChild(weg);
    return box;
  };

  /** The model's rules for one file, from formular.json; a German message or null. */
  Dateien.prototype.fehler = function (formular, e) {
    var r = this.regeln(formular), endung = endungVon(e.name), erlaubt = this.erlaubt(formular, e.rolle);
    if (erlaubt.indexOf(endung) < 0) {
      return "Die Datei " + anf(e.name) + " hat eine Endung, die hier nicht erlaubt ist. Erlaubt " +
        (e.rolle === "bilder" ? "für Bilder" : "für Materialien") + ": " +
        erlaubt.map(function (x) { return "." + x; }).join(", ") + ".";
    }
    if (e.blob.size > r.max_bytes) {
      return "Die Datei " + anf(e.name) + " ist " + groesseText(e.blob.size) + " groß; erlaubt sind höchstens " +
        groesseText(r.max_bytes) + ". Verkleinern Sie sie (z. B. Bild mit geringerer Auflösung, PDF komprimiert).";
    }
    if (!e.blob.size) return "Die Datei " + anf(e.name) + " ist leer.";
    var art = r.arten[endung];
    if (!signaturPasst(art, e.kopf)) {
      return "Die Datei " + anf(e.name) + " endet auf ." + endung + ", ist aber keine " + art.format + "-Datei (der Inhalt " +
        "passt nicht zur Endung). Speichern Sie sie im Format " + art.format + " oder wählen Sie die richtige Datei.";
    }
    var punkt = e.paketname.lastIndexOf(".");
    if (punkt <= 0 || !new RegExp(r.name_stamm_muster).test(e.paketname.slice(0, punkt)) || !r.arten[e.paketname.slice(punkt + 1)]) {
      return "Aus dem Dateinamen " + anf(e.name) + " lässt sich kein gültiger Name bilden. Benennen Sie die Datei um, z. B. " +
        anf(r.name_beispiel) + ".";
    }
    return null;
  };

  // -- the package ----------------------------------------------------------------------------

  Dateien.prototype.paket = function (formular, markdown, slug) {
    var self = this, ordner = formular.daten.typen[formular.typ].ordner;
    var eintrag = "docs/" + ordner + "/" + slug + ".md";
    return Promise.all([B.fflate()].concat(this.liste.map(function (e) { return inhalt(e.blob); })))
      .then(function (r) {
        var fflate = r[0], dateien = {};
        dateien["beitrag.json"] = fflate.strToU8(JSON.stringify(
          { format: "staedtenetz-beitragspaket", version: 1, eintrag: eintrag }, null, 2) + "\n");
        dateien[eintrag] = fflate.strToU8(markdown);
        // Checked again with the content itself (the check above may have run before the first
        // bytes were read).
        self.liste.forEach(function (e, i) {
          var text = self.fehler(formular, Object.assign({}, e, { kopf: r[i + 1].subarray(0, 4096) }));
          if (text) throw new Error(text);
        });
        self.liste.forEach(function (e, i) {
          var schonGepackt = /^(png|jpe?g|gif|webp|docx|xlsx|pptx|odt|ods|odp)$/.test(endungVon(e.paketname));
          dateien["docs/" + ordner + "/" + slug + "/" + e.paketname] = [r[i + 1], { level: schonGepackt ? 0 : 6 }];
        });
        return fflate.zipSync(dateien, { level: 6 });
      });
  };

  /** The first bytes of a file, for the type's signature (read once, in the background). */
  function kopfLesen(e) {
    return inhalt(e.blob.slice(0, 4096)).then(function (k) { e.kopf = k; }, function () {});
  }

  /** Does ``kopf`` have the signature of ``art`` ({hex, in}) within its first bytes? */
  function signaturPasst(art, kopf) {
    if (!art || !art.signatur || !kopf) return true;
    var muster = art.signatur.hex.match(/../g).map(function (h) { return parseInt(h, 16); });
    var ende = Math.min(kopf.length, art.signatur["in"]) - muster.length;
    for (var i = 0; i <= ende; i++) {
      var j = 0;
      while (j < muster.length && kopf[i + j] === muster[j]) j++;
      if (j === muster.length) return true;
    }
    return false;
  }

  function inhalt(blob) {
    if (blob.arrayBuffer) return blob.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    return new Promise(function (ok, nein) {
      var r = new FileReader();
      r.onload = function () { ok(new Uint8Array(r.result)); };
      r.onerror = nein;
      r.readAsArrayBuffer(blob);
    });
  }

  // -- hooks of the form ----------------------------------------------------------------------

  var dateien = new Dateien();
  B.dateien = dateien;

  B.erweiterungen.push({
    name: "dateien",
    rang: 20,

    /** After the form's fields are (re)built: the two sections with their file inputs. */
    aufgebaut: function (formular) {
      if (!formular.daten.dateien) return;
      dateien.bereiche = {};
      ROLLEN.forEach(function (rolle) {
        var bild = rolle === "bilder", r = formular.daten.dateien;
        var erlaubt = dateien.erlaubt(formular, rolle);
        var id = "beitrag-" + rolle + "-waehlen";
        var knoten = dateien.schemaKnoten(formular, rolle);
        var box = el("fieldset", { "class": "beitrag-gruppe", id: "beitrag-" + rolle }, [el("legend", { text: knoten.title || rolle })]);
        box.appendChild(el("p", { "class": "beitrag-hilfe", id: id + "-hilfe", text: (bild
          ? "Fotos oder Grafiken zum Beitrag. Jedes Bild braucht einen Bildnachweis (Urheber) und einen Alternativtext. " +
            "Nur Bilder, für die Ihre Stadt die Rechte hat, und keine erkennbaren Personen ohne deren Einwilligung. "
          : "Dateien zum Herunterladen, z. B. ein Konzept als PDF, jeweils mit Titel und Lizenz. ") +
          "Erlaubt: " + erlaubt.map(function (x) { return "." + x; }).join(", ") + ", je Datei höchstens " + groesseText(r.max_bytes) + "." }));
        var wahl = el("input", { type: "file", id: id, multiple: true, "aria-describedby": id + "-hilfe",
          accept: erlaubt.map(function (x) { return "." + x; }).join(",") });
        box.appendChild(el("div", { "class": "beitrag-feld" }, [
          el("label", { "for": id, text: bild ? "Bilder hinzufügen" : "Materialien hinzufügen" }), wahl]));
        var liste = el("div", { "class": "beitrag-dateiliste" });
        box.appendChild(liste);
        wahl.addEventListener("change", function () {
          dateien.werteMerken(formular);
          dateien.hinzufuegen(formular, rolle, wahl.files);
          wahl.value = "";
        });
        dateien.bereiche[rolle] = { box: box, liste: liste, wahl: wahl };
        formular.bereich.appendChild(box);
      });
      dateien.zeigen(formular);
    },

    vorTypwechsel: function (formular) { dateien.werteMerken(formular); },

    pruefen: function (formular) {
      var fehler = [], r = formular.daten.dateien, summe = 0, zahl = 0;
      if (!r) return fehler;
      (formular.felder || []).forEach(function (f) {
        if (!f.datei) return;
        var text = dateien.fehler(formular, f.datei);
        summe += f.datei.blob.size;
        zahl += 1;
        if (text) fehler.push({ feld: f, text: text });
        // The package's limits (the entry and beitrag.json count as two files).
        else if (zahl + 2 > r.paket_max_dateien) {
          fehler.push({ feld: f, text: "Ein Beitragspaket fasst höchstens " + (r.paket_max_dateien - 2) + " Bilder und Materialien. " +
            "Entfernen Sie " + anf(f.datei.name) + " und weitere oder schicken Sie sie der Redaktion getrennt." });
        } else if (summe > r.paket_max_bytes) {
          fehler.push({ feld: f, text: "Zusammen sind die Dateien größer als " + groesseText(r.paket_max_bytes) + ", mehr fasst ein " +
            "Beitragspaket nicht. Entfernen Sie " + anf(f.datei.name) + " oder verkleinern Sie Bilder und PDF-Dateien." });
        }
      });
      return fehler;
    },

    /** Photos and materials into the front matter, with paths relative to the page. */
    frontmatter: function (formular, daten) {
      if (!formular.daten.dateien) return;
      var slug = formular.roh(formular.suche(["kennung"]));
      ROLLEN.forEach(function (rolle) {
        var knoten = dateien.schemaKnoten(formular, rolle), def = formular.def(knoten.items.$ref);
        var werte = formular.wertBei([rolle], knoten) || [];
        werte.forEach(function (w) {
          w.datei = slug + "/" + w.datei;
          Object.keys(w).forEach(function (k) { // a default is left out, as for the entry's own keys
            if (def.properties[k] && def.properties[k]["default"] !== undefined && w[k] === def.properties[k]["default"]) delete w[k];
          });
        });
        if (werte.length) daten[rolle] = werte; else delete daten[rolle];
      });
    },

    /** The package button and how to hand it in, under the result. */
    ergebnis: function (formular, e) {
      if (!formular.daten.dateien) return;
      var repo = formular.daten.repository, slug = e.slug, mitDateien = dateien.liste.length > 0;
      var knopf = el("button", { type: "button", "class": "md-button" + (mitDateien ? " md-button--primary" : ""),
        id: "beitrag-paket", text: "Beitragspaket herunterladen (ZIP)" });
      var name = "beitragspaket-" + slug + ".zip";
      knopf.addEventListener("click", function () {
        e.meldung.textContent = "Das Beitragspaket wird erstellt …";
        dateien.paket(formular, e.text, slug).then(function (bytes) {
          var a = el("a", { href: URL.createObjectURL(new Blob([bytes], { type: "application/zip" })), download: name });
          document.body.appendChild(a);
          a.click();
          document.body.removeChild(a);
          e.meldung.textContent = "Das Beitragspaket " + name + " wurde heruntergeladen (" + groesseText(bytes.length) + "). " +
            "Ihre Eingaben bleiben in diesem Browser gespeichert, bis Sie „Eingaben löschen“ wählen.";
        }, function (grund) {
          e.meldung.textContent = grund && /^Die Datei/.test(grund.message) ? grund.message
            : "Das Beitragspaket konnte nicht erstellt werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.";
        });
      });
      var senden = e.knoepfe.querySelector("#beitrag-senden");
      if (mitDateien && senden) senden.parentNode.removeChild(senden); // GitHub's new-file page cannot carry the files
      e.knoepfe.insertBefore(knopf, e.knoepfe.firstChild);
      var anleitung = el("div", { "class": "beitrag-paket-anleitung", id: "beitrag-paket-anleitung" });
      anleitung.appendChild(el("p", { text: mitDateien
        ? "Ihr Beitrag hat Bilder oder Materialien. Laden Sie deshalb das Beitragspaket herunter: eine ZIP-Datei mit der Textdatei und allen Dateien in den richtigen Ordnern. Es gibt zwei Wege, es einzureichen:"
        : "Statt der einzelnen Textdatei können Sie auch das Beitragspaket (ZIP) herunterladen und so einreichen:" }));
      var wege = el("ol", {});
      if (repo.url && repo.host === "github") {
        var upload = repo.url + "/upload/" + encodeURIComponent(repo.zweig);
        wege.appendChild(el("li", {}, [
          el("strong", { text: "Auf GitHub hochladen: " }),
          document.createTextNode("Entpacken Sie das Paket (Rechtsklick → „Alle extrahieren“). Öffnen Sie "),
          el("a", { href: upload, target: "_blank", rel: "noopener", text: "die Seite „Upload files“ des Repositorys" }),
          document.createTextNode(" und ziehen Sie den Ordner „docs“ aus dem entpackten Paket in das Fenster. Die Dateien landen so in den richtigen Ordnern. Mit „Propose changes“ bzw. „Commit changes“ entsteht ein Pull Request für die Redaktion (Sie brauchen ein kostenloses GitHub-Konto).")
        ]));
      }
      wege.appendChild(el("li", {}, [
        el("strong", { text: "Per E-Mail an die Redaktion: " }),
        document.createTextNode("Senden Sie die ZIP-Datei " + name + " unverändert als Anhang an die Redaktion des Handbuchs. Sie übernimmt den Beitrag mit allen Dateien und prüft ihn. Dafür brauchen Sie kein Konto.")
      ]));
      anleitung.appendChild(wege);
      e.ergebnis.insertBefore(anleitung, e.meldung);
    },

    zustand: function (formular) {
      dateien.werteMerken(formular);
      return dateien.liste.map(function (e) { return { id: e.id, rolle: e.rolle, name: e.name, werte: e.werte }; });
    },

    wiederherstellen: function (formular, zustand) {
      if (!B.speicher || !Array.isArray(zustand)) return Promise.resolve();
      return Promise.all(zustand.map(function (z) {
        return B.speicher.dateiHolen(z.id).then(function (blob) {
          if (!blob) return null;
          var e = { id: z.id, rolle: z.rolle, name: z.name, blob: blob, werte: z.werte || {} };
          return kopfLesen(e).then(function () { return e; });
        }, function () { return null; });
      })).then(function (r) {
        dateien.liste = r.filter(Boolean);
        dateien.zeigen(formular);
      });
    },

    leeren: function (formular) { dateien.liste = []; }
  });
})();
