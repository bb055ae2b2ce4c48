/**
 * The portal's only style sheet and only script, served as files (`/portal/assets/…`), never inline:
 * the pages' Content-Security-Policy allows scripts and styles from this origin only. Kept as strings
 * here so that the API Lambda's bundle carries them without a copy step. Version them by name when
 * they change (they are cached for a day).
 */

export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
a{color:#1d4f91;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#003078}
a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
a:focus{background:#fd0;color:#0b0c0c;text-decoration:none}
.skip{position:absolute;left:-9999px}
.skip:focus{position:static;display:block;padding:.5rem}
header{background:#7a2e0e;color:#fff;border-bottom:.5rem solid #f4b400}
header .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:baseline;padding:.75rem 1rem}
header a,header a:visited{color:#fff;text-decoration:none;font-weight:700}
header a:hover{text-decoration:underline;color:#fff}
header .agency{font-size:1.1rem;margin-right:auto}
header nav a{font-weight:400;text-decoration:underline}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
main{padding:1.5rem 0 3rem;display:block}
footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:1.25rem 0;font-size:1rem;color:#0b0c0c}
h1{font-size:2rem;line-height:1.15;margin:0 0 1.25rem}
h2{font-size:1.5rem;line-height:1.2;margin:2rem 0 1rem}
h3{font-size:1.2rem;margin:1.25rem 0 .5rem}
p,ul,ol,dl{margin:0 0 1.25rem}
.lead{font-size:1.3rem}
.field{margin:0 0 1.75rem}
.field.has-error{border-left:5px solid #d4351c;padding-left:.9rem}
label{display:block;font-weight:700;margin-bottom:.3rem}
.hint{display:block;color:#505a5f;margin-bottom:.4rem}
.error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:.4rem}
input[type=text],input[type=email],input[type=search],textarea{width:100%;max-width:100%;font:inherit;padding:.4rem;border:2px solid #0b0c0c;border-radius:0;background:#fff}
.has-error input,.has-error textarea{border-color:#d4351c}
textarea{min-height:9rem;resize:vertical}
button,.button{display:inline-block;font:inherit;font-weight:400;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;box-shadow:0 2px 0 #002d18;padding:.5rem .9rem;cursor:pointer;margin:0 .75rem 1rem 0;text-decoration:none}
button:hover,.button:hover{background:#005a30;color:#fff}
button.warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
button.warning:hover{background:#aa2a16}
.button.secondary,.button.secondary:visited{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.error-summary{border:5px solid #d4351c;padding:1rem;margin-bottom:2rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#d4351c;font-weight:700}
.notice{border-left:10px solid #00703c;background:#f3f2f1;padding:1rem;margin-bottom:1.5rem}
.inset{border-left:10px solid #b1b4b6;padding:.5rem 1rem;margin-bottom:1.5rem}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.summary{display:grid;grid-template-columns:minmax(0,1fr);margin-bottom:2rem;border-top:1px solid #b1b4b6}
.summary div{border-bottom:1px solid #b1b4b6;padding:.6rem 0}
.summary dt{font-weight:700}
.summary dd{margin:0}
@media (min-width:40rem){.summary div{display:grid;grid-template-columns:12rem minmax(0,1fr);gap:1rem}}
.messages{list-style:none;padding:0}
.message{border:1px solid #b1b4b6;padding:1rem;margin-bottom:1rem;overflow-wrap:anywhere}
.message.out{border-left:5px solid #1d4f91}
.message.in{border-left:5px solid #00703c}
.message h3{margin-top:0}
.message .when{color:#505a5f;font-size:1rem;margin-bottom:.5rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.results{list-style:none;padding:0}
.results li{border-bottom:1px solid #b1b4b6;padding:1rem 0;overflow-wrap:anywhere}
.results h2,.results h3{margin:0 0 .4rem;font-size:1.25rem}
.meta{color:#505a5f;font-size:1rem;margin:0 0 .4rem}
.search{display:flex;gap:.5rem;flex-wrap:wrap;align-items:flex-start;margin-bottom:1.5rem}
.search input{flex:1 1 12rem}
.search button{margin:0}
.pager{display:flex;gap:1rem;flex-wrap:wrap}
.suggestions{border-left:5px solid #1d4f91;padding:.25rem 1rem;margin:0 0 1.75rem;background:#f3f2f1}
.suggestions[hidden]{display:none}
.suggestions ul{margin-bottom:.5rem}
details{margin-top:.5rem}
summary{cursor:pointer;color:#1d4f91;text-decoration:underline}
details ul{margin:.5rem 0 0;padding-left:1.25rem;font-size:1rem}
.tag{display:inline-block;font-size:.9rem;background:#dbe4f0;color:#0b0c0c;padding:0 .4rem;margin-left:.25rem}
@media (min-width:40rem){h1{font-size:2.6rem}}
`;

/**
 * Progressive enhancement for the ask page: while someone writes, it asks `/public/suggestions` for
 * published pages and shared answers that may already answer them and lists them, built with DOM
 * methods and `textContent` (never `innerHTML`). Without it the form works the same.
 */
export const PORTAL_JS = `(function () {
  'use strict';
  var box = document.getElementById('suggestions');
  var list = document.getElementById('suggestions-list');
  var subject = document.getElementById('subject');
  var body = document.getElementById('body');
  if (!box || !list || !subject || !window.fetch) return;
  var labels = { published: box.getAttribute('data-published') || '', disclosure: box.getAttribute('data-disclosure') || '' };
  var timer = 0;
  var last = '';
  function safeUrl(url) {
    return typeof url === 'string' && (url.charAt(0) === '/' && url.charAt(1) !== '/' || /^https?:\\/\\//i.test(url)) ? url : '';
  }
  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) {
      var href = safeUrl(item.url);
      if (!href) return;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href;
      a.textContent = String(item.title);
      li.appendChild(a);
      var tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = labels[item.kind] || '';
      li.appendChild(tag);
      list.appendChild(li);
    });
    box.hidden = list.childNodes.length === 0;
  }
  function ask() {
    var q = (subject.value + ' ' + (body ? body.value.slice(0, 200) : '')).trim();
    if (q.length < 3 || q === last) return;
    last = q;
    fetch('/public/suggestions?q=' + encodeURIComponent(q.slice(0, 300)), { headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (reply) { if (q === last) show(Array.isArray(reply.items) ? reply.items.slice(0, 8) : []); })
      .catch(function () {});
  }
  function later() { clearTimeout(timer); timer = setTimeout(ask, 400); }
  subject.addEventListener('input', later);
  if (body) body.addEventListener('input', later);
})();
`;
