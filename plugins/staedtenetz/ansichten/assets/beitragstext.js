/*
 * "Beitrag einreichen", part 3: the text of the entry (the Markdown body under the front matter).
 *
 * A text area holds the body, prefilled with the type's sections (the same table `neu` and the
 * Word template use, from formular.json `gerueste`). The contributor may write the sections here,
 * or leave the skeleton for later; a read Word file (docx_lesen.js) puts its sections here.
 * The form's Markdown is "# <Titel>" followed by this text.
 */
(function () {
  "use strict";

  var B = window.StaedtenetzBeitrag = window.StaedtenetzBeitrag || { erweiterungen: [] };

  var el = window.StaedtenetzDom.el;  // formular_dom.js

  /** The skeleton of ``typ`` without its first line (the title heading). */
  function geruest(formular, typ) {
    var g = formular.daten.gerueste[typ] || "";
    var kopf = "# " + formular.daten.titelplatz + "\n";
    if (g.indexOf(kopf) === 0) g = g.slice(kopf.length).replace(/^\n+/, "");
    return g;
  }

  var text = { wert: null, typ: null, feld: null };
  B.text = {
    /** Put ``inhalt`` (Markdown, sections from "## …" on) into the text area. */
    setzen: function (inhalt) {
      text.wert = inhalt;
      if (text.feld) text.feld.value = inhalt;
      if (B.geaendert) B.geaendert();
    },
    feld: function () { return text.feld; }
  };

  B.erweiterungen.push({
    name: "text",
    rang: 10,

    vorTypwechsel: function () {
      if (text.feld) text.wert = text.feld.value;
    },

    aufgebaut: function (formular) {
      var alt = text.typ ? geruest(formular, text.typ) : null;
      // An unchanged skeleton follows the type; anything typed stays.
      if (text.wert === null || text.wert === alt || !text.wert.trim()) text.wert = geruest(formular, formular.typ);
      text.typ = formular.typ;
      var feld = el("textarea", { id: "beitrag-text", name: "text", rows: "14", spellcheck: "true",
        "aria-describedby": "beitrag-text-hilfe" });
      feld.value = text.wert;
      feld.addEventListener("input", function () { text.wert = feld.value; });
      text.feld = feld;
      formular.bereich.appendChild(el("div", { "class": "beitrag-feld beitrag-text" }, [
        el("label", { "for": "beitrag-text", text: "Text des Beitrags" }),
        feld,
        el("p", { id: "beitrag-text-hilfe", "class": "beitrag-hilfe", text:
          "Die Abschnitte beginnen mit ## und ihrer Überschrift. Schreiben Sie Ihren Text unter die Überschriften " +
          "und löschen Sie die Hinweise in <!-- … -->. Sie können den Text auch später ergänzen; " +
          "beim Einlesen einer Word-Datei steht hier deren Text." })
      ]));
    },

    koerper: function (formular, titel) {
      var inhalt = (text.feld ? text.feld.value : text.wert) || "";
      // Photos placed in the text (e.g. from a Word file) point into the entry's folder: follow a
      // changed file name ("Kennung") of the entry.
      var slug = formular.roh(formular.suche(["kennung"]));
      if (slug && B.dateien) {
        B.dateien.liste.forEach(function (d) {
          if (!d.paketname) return;
          var name = d.paketname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          inhalt = inhalt.replace(new RegExp("\\]\\([a-z0-9-]+/" + name + "\\)", "g"), "](" + slug + "/" + d.paketname + ")");
        });
      }
      return "# " + titel + "\n\n" + inhalt.replace(/^\s+/, "").replace(/\s*$/, "\n");
    },

    zustand: function () { return { wert: text.feld ? text.feld.value : text.wert, typ: text.typ }; },

    wiederherstellen: function (formular, z) {
      if (z && typeof z.wert === "string") {
        text.wert = z.wert;
        if (text.feld) text.feld.value = z.wert;
      }
    },

    leeren: function () { text.wert = null; text.typ = null; }
  });
})();
