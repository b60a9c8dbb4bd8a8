/*
 * Suche im Handbuch: Pagefind (pagefind/, beim Bau erzeugt) hinter Materials Suchfeld im Kopf
 * und auf der Seite „Suche“ mit Filtern. Ohne JavaScript schickt das Suchfeld das Formular an
 * die Suchseite, die dann erklärt, wie man ohne Suche zu den Einträgen kommt.
 *
 * Pagefind lädt erst beim ersten Fokus ins Suchfeld (pagefind.js, WebAssembly, dann je Anfrage
 * nur die passenden Teile des Index). Ergebnistexte kommen als Text oder <mark> in die Seite,
 * nie als fremdes HTML.
 */
(function () {
  "use strict";

  var ANZAHL_KOPF = 8;
  var ANZAHL_SEITE = 20;
  var pagefind = null;
  // This script is assets/staedtenetz/suche.js; Pagefind's bundle is pagefind/ at the site root.
  var BUNDLE = new URL("../../pagefind/", document.currentScript.src);

  function laden() {
    if (!pagefind) {
      var adresse = BUNDLE;
      var wurzel = new URL("../", adresse).pathname; // the site root: Pagefind's result URLs start there
      pagefind = import(new URL("pagefind.js", adresse).href).then(function (pf) {
        return pf.options({ baseUrl: wurzel, excerptLength: 24 }).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  /* Excerpt HTML from Pagefind -> DOM nodes: only text and <mark>, nothing else survives. */
  function auszug(html) {
    var frag = document.createDocumentFragment();
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    (function durch(knoten) {
      knoten.childNodes.forEach(function (k) {
        if (k.nodeType === 3) frag.appendChild(document.createTextNode(k.nodeValue));
        else if (k.nodeType === 1 && k.tagName === "MARK") {
          var m = document.createElement("mark");
          m.textContent = k.textContent;
          frag.appendChild(m);
        } else if (k.nodeType === 1) durch(k);
      });
    })(doc.body);
    return frag;
  }

  function treffertext(n, begriff) {
    if (n === 0) return "Keine Treffer für „" + begriff + "“";
    return (n === 1 ? "1 Treffer" : n.toLocaleString("de-DE") + " Treffer") + " für „" + begriff + "“";
  }

  function eintrag(d) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link sn-suche__link";
    a.href = d.url;
    var art = document.createElement("article");
    art.className = "md-search-result__article md-typeset";
    var titel = document.createElement("p");
    titel.className = "sn-suche__titel";
    titel.textContent = (d.meta && d.meta.title) || d.url;
    art.appendChild(titel);
    var typ = d.meta && d.meta.art;
    if (typ) {
      var p = document.createElement("p");
      p.className = "sn-suche__art";
      p.textContent = typ;
      art.appendChild(p);
    }
    var text = document.createElement("p");
    text.className = "sn-suche__auszug";
    text.appendChild(auszug(d.excerpt || ""));
    art.appendChild(text);
    a.appendChild(art);
    li.appendChild(a);
    return li;
  }

  /* One search box (the header's or the search page's) with its status line and result list. */
  function einrichten(form, optionen) {
    var feld = form.querySelector("input[name=q]");
    var status = document.getElementById(form.getAttribute("data-sn-status"));
    var liste = document.getElementById(form.getAttribute("data-sn-ergebnisse"));
    var lauf = 0;
    var warten = null;

    function filter() {
      var f = {};
      form.querySelectorAll("select[data-sn-filter]").forEach(function (s) {
        if (s.value) f[s.getAttribute("data-sn-filter")] = s.value;
      });
      return f;
    }

    /* New results in place of the old. A result link with the focus (reached with the arrow
     * keys while the last keystroke's search was still pending) keeps it if the result is still
     * listed; otherwise the focus goes back to the search box instead of being lost to the page. */
    function zeigen(eintraege) {
      var fokus = document.activeElement;
      var vorher = fokus && fokus !== liste && liste.contains(fokus) ? fokus.getAttribute("href") : null;
      liste.replaceChildren.apply(liste, eintraege);
      if (vorher === null) return;
      var gleich = Array.prototype.filter.call(liste.querySelectorAll("a"), function (a) {
        return a.getAttribute("href") === vorher;
      })[0];
      (gleich || feld).focus();
    }

    function suchen() {
      var begriff = feld.value.trim();
      var f = filter();
      var nr = ++lauf;
      if (!begriff && !Object.keys(f).length) {
        zeigen([]);
        status.textContent = optionen.leer;
        if (optionen.adresse) optionen.adresse("", f);
        return;
      }
      laden()
        .then(function (pf) {
          return pf.search(begriff || null, { filters: f });
        })
        .then(function (s) {
          if (nr !== lauf) return null;
          return Promise.all(s.results.slice(0, optionen.anzahl).map(function (r) { return r.data(); })).then(function (daten) {
            return { gesamt: s.results.length, daten: daten };
          });
        })
        .then(function (e) {
          if (!e || nr !== lauf) return;
          zeigen(e.daten.map(eintrag));
          var text = treffertext(e.gesamt, begriff || "alle");
          if (e.gesamt > e.daten.length) text += ", die ersten " + e.daten.length + " angezeigt";
          status.textContent = text;
          if (optionen.adresse) optionen.adresse(begriff, f);
        })
        .catch(function () {
          if (nr !== lauf) return;
          status.textContent = window.location.protocol === "file:"
            ? "Die Suche funktioniert nur, wenn die Website über einen Webserver geöffnet wird, nicht als Datei."
            : "Die Suche ist gerade nicht verfügbar.";
        });
    }

    function spaeter() {
      clearTimeout(warten);
      warten = setTimeout(suchen, 150);
    }

    feld.addEventListener("input", spaeter);
    form.addEventListener("reset", function () {
      setTimeout(suchen, 0);
    });
    form.addEventListener("change", function (ev) {
      if (ev.target.matches("select[data-sn-filter]")) suchen();
    });
    feld.addEventListener("focus", function () {
      laden();
    }, { once: true });
    return { feld: feld, liste: liste, suchen: suchen };
  }

  /* The search box in the header, shown and styled by Material's CSS through the toggle #__search. */
  function kopf(form) {
    var schalter = document.getElementById("__search");
    var mehr = document.getElementById(form.getAttribute("data-sn-mehr"));
    var suche = form.closest(".md-search");
    var box = einrichten(form, {
      anzahl: ANZAHL_KOPF,
      leer: "Suchbegriff eingeben",
      adresse: function (begriff) {
        if (mehr) mehr.href = form.action + (begriff ? "?q=" + encodeURIComponent(begriff) : "");
      },
    });
    function oeffnen(offen) {
      if (schalter && schalter.checked !== offen) schalter.checked = offen;
    }
    box.feld.addEventListener("focus", function () { oeffnen(true); });
    if (schalter) {
      schalter.addEventListener("change", function () {
        if (schalter.checked) box.feld.focus();
      });
    }
    suche.addEventListener("focusout", function (ev) {
      if (ev.relatedTarget && !suche.contains(ev.relatedTarget)) oeffnen(false);
    });
    suche.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(box.liste.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (ev.key === "Escape") {
        oeffnen(false);
        box.feld.blur();
        ev.preventDefault();
      } else if (ev.key === "ArrowDown" && links.length) {
        links[Math.min(i + 1, links.length - 1)].focus();
        ev.preventDefault();
      } else if (ev.key === "ArrowUp" && i >= 0) {
        (i === 0 ? box.feld : links[i - 1]).focus();
        ev.preventDefault();
      }
    });
    document.addEventListener("keydown", function (ev) {
      var ziel = ev.target;
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ziel.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(ziel.tagName)) return;
      box.feld.focus();
      ev.preventDefault();
    });
    // Closing by clicking the overlay or the back arrow: Material's labels toggle #__search.
  }

  /* The search page: query and filters in the address, so a search can be bookmarked and shared. */
  function seite(form) {
    var box = einrichten(form, {
      anzahl: ANZAHL_SEITE,
      leer: "Suchbegriff eingeben oder einen Filter wählen",
      adresse: function (begriff, f) {
        var p = new URLSearchParams();
        if (begriff) p.set("q", begriff);
        Object.keys(f).forEach(function (k) { p.set(k.toLowerCase(), f[k]); });
        var ziel = window.location.pathname + (p.toString() ? "?" + p.toString() : "");
        if (ziel !== window.location.pathname + window.location.search) history.replaceState(null, "", ziel);
      },
    });
    var p = new URLSearchParams(window.location.search);
    box.feld.value = p.get("q") || "";
    form.querySelectorAll("select[data-sn-filter]").forEach(function (s) {
      var wert = p.get(s.getAttribute("data-sn-filter").toLowerCase());
      if (wert && Array.prototype.some.call(s.options, function (o) { return o.value === wert; })) s.value = wert;
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      box.suchen();
    });
    box.suchen();
  }

  document.querySelectorAll("form[data-sn-suche]").forEach(function (form) {
    if (form.hasAttribute("data-sn-suchseite")) seite(form);
    else kopf(form);
  });
})();
