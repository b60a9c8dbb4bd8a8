/* Materials Inline-Skript aus partials/javascripts/base.html (Material 9.8.1) als Datei, damit die
   Content-Security-Policy keine Inline-Skripte erlauben muss (overrides/main.html). Statt
   base_url ermittelt es die Wurzel der Website aus der eigenen Adresse (assets/javascripts/). */
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
