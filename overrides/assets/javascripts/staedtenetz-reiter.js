/* Materials Inline-Skript für das Feature content.tabs.link (partials/javascripts/content.html,
   Material 9.8.1) als Datei, für die Content-Security-Policy (overrides/main.html). */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
