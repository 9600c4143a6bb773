import { createHash } from 'node:crypto';

/**
 * The one script of the site's pages, inline in `<head>` so the theme is set before the first
 * paint (no flash of the wrong theme). It marks `<html class="js">` (the controls that need a
 * script are shown only then: without JavaScript a page reads whole, with no dead button), applies
 * the theme remembered in `localStorage`, then on `DOMContentLoaded` wires the theme toggle,
 * adds a copy button to every code block, and loads Pagefind's search UI on the first use of
 * the search button (nothing is fetched before): `pagefind/bundles.json` names the bundles of the
 * page's locale (`data-locale`), the first one's UI is loaded and the others merged into it. Words
 * come from `data-*` attributes of `<body>`, so the text and its CSP hash are the same on every page.
 */
export const SITE_SCRIPT = `(function(){
var d=document,h=d.documentElement,k='guidekit-theme',t=null;
h.classList.add('js');
try{t=localStorage.getItem(k)}catch(e){}
if(t==='dark'||t==='light')h.setAttribute('data-theme',t);
function dark(){var a=h.getAttribute('data-theme');return a?a==='dark':matchMedia('(prefers-color-scheme: dark)').matches}
function theme(b){b.setAttribute('aria-pressed',String(dark()));b.addEventListener('click',function(){var n=dark()?'light':'dark';h.setAttribute('data-theme',n);try{localStorage.setItem(k,n)}catch(e){}b.setAttribute('aria-pressed',String(n==='dark'))})}
function copy(p,w){var c=d.createElement('button');c.type='button';c.className='copy-button';c.textContent=w.copy;
c.addEventListener('click',function(){var e=p.querySelector('code')||p;navigator.clipboard.writeText(e.textContent).then(function(){c.textContent=w.copied;setTimeout(function(){c.textContent=w.copy},2000)})});
var b=d.createElement('div');b.className='code-block';p.parentNode.insertBefore(b,p);b.appendChild(p);b.appendChild(c)}
function search(s){var u=s.getAttribute('data-bundle'),c=s.getAttribute('data-locale'),b=s.querySelector('button'),on=false;
function ui(p){var a=new URL(u,location.href).pathname,r=a.slice(0,-9),f=p[0]||'',l=d.createElement('link');l.rel='stylesheet';l.href=u+f+'pagefind-ui.css';d.head.appendChild(l);
var j=d.createElement('script');j.src=u+f+'pagefind-ui.js';j.onload=function(){var x=d.createElement('div');x.id='search-ui';s.appendChild(x);b.hidden=true;
new PagefindUI({element:'#search-ui',bundlePath:a+f,baseUrl:r,mergeIndex:p.slice(1).map(function(q){return{bundlePath:a+q,baseUrl:r}}),showSubResults:true,showImages:false,resetStyles:false});var i=x.querySelector('input');if(i)i.focus()};d.head.appendChild(j)}
b.addEventListener('click',function(){if(on)return;on=true;
fetch(u+'bundles.json').then(function(r){return r.json()}).then(function(m){var o=m.locales||{},p=Object.prototype.hasOwnProperty.call(o,c)?o[c]:o[Object.keys(o)[0]];ui(p||[])},function(){on=false})})}
d.addEventListener('DOMContentLoaded',function(){var w=d.body.dataset;
var b=d.querySelector('.theme-toggle');if(b)theme(b);
d.querySelectorAll('main pre').forEach(function(p){copy(p,w)});
var s=d.querySelector('.search');if(s)search(s)})
})();`;

/** `'sha256-…'` of {@link SITE_SCRIPT}, for the page's Content-Security-Policy. */
export const SITE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SITE_SCRIPT).digest('base64')}'`;
