/*
 * Small DOM helpers shared by the submission form (einreichen.js) and its extensions
 * (beitragspaket.js, beitragstext.js, docx_lesen.js, formular_speicher.js). Loaded first on the
 * form page (plugins/assets.py, FORMULAR_SKRIPTE); the scripts are deferred and run in order.
 * Text is only ever set as textContent, attributes with setAttribute: no HTML is parsed.
 */
(function () {
  "use strict";

  /** ``<tag attrs>kinder</tag>``; ``text`` sets the text, ``true`` an empty attribute,
   *  null/undefined/false leave the attribute out. */
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

  /** German quotation marks around ``text``. */
  function anf(text) { return "„" + text + "“"; }

  window.StaedtenetzDom = { el: el, anf: anf };
})();
