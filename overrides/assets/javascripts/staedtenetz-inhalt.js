/* Materials Inline-Skript aus partials/javascripts/content.html (Material 9.8.1) als Datei, für
   die Content-Security-Policy (overrides/main.html): öffnet den Reiter, auf den die Adresse zeigt. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
