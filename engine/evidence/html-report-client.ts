/**
 * The report's stylesheet and browser script, kept as strings rather than as
 * functions whose `.toString()` is embedded: the tsconfig has no DOM lib (a
 * `/// <reference lib="dom" />` would leak DOM globals into every module), and
 * esbuild/vitest may inject helpers such as `__name` into stringified
 * functions. Both strings must never contain `</script` or `</style`.
 *
 * The script only drives the findings table; everything else in the report is
 * server-rendered HTML and SVG that reads the same with JavaScript off.
 */

/** Status colours meet WCAG AA against their badge text; status is always written out too. */
export const REPORT_CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--panel:#f6f8fa;--border:#d0d7de;--navy:#0b2545;
--pass:#1a7f37;--fail:#c62828;--insufficient:#f2b01e;--na:#6e7781;--manual:#1f5fbf;--error:#6f42c1}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em;overflow-wrap:anywhere}
a{color:#0b57d0}
.report-header{background:var(--navy);color:#fff;padding:24px 32px 20px}
.report-header h1{margin:0;font-size:26px;font-weight:650}
.report-header .sub{margin:4px 0 0;opacity:.85}
.meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:10px 32px;margin:18px 0 0}
.meta div{min-width:0}
.meta dt{font-size:11px;text-transform:uppercase;letter-spacing:.06em;opacity:.7}
.meta dd{margin:0;overflow-wrap:anywhere}
.report-header table{margin-top:16px;color:#fff}
.report-header th{background:rgba(255,255,255,.1);color:#fff}
.report-header td,.report-header th{border-color:rgba(255,255,255,.2)}
nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--border);padding:8px 32px;font-size:13px}
nav.toc a{margin-right:16px;text-decoration:none}
main{max-width:1440px;margin:0 auto;padding:0 32px 48px}
section{margin-top:36px}
h2{font-size:21px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--border)}
h3{font-size:16px;margin:22px 0 8px}
.muted,.note{color:var(--muted)}
.note{font-size:13px;max-width:80em}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--border);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.compact{width:auto;min-width:320px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:11px;font-weight:700;letter-spacing:.03em;white-space:nowrap;color:#fff}
.s-PASS{background:var(--pass)}.s-FAIL{background:var(--fail)}.s-ERROR{background:var(--error)}
.s-INSUFFICIENT_DATA{background:var(--insufficient);color:#1b1f24}.s-NOT_APPLICABLE{background:var(--na)}.s-MANUAL{background:var(--manual)}
.f-PASS{fill:var(--pass)}.f-FAIL{fill:url(#hatch-fail)}.f-ERROR{fill:var(--error)}
.f-INSUFFICIENT_DATA{fill:var(--insufficient)}.f-NOT_APPLICABLE{fill:var(--na)}.f-MANUAL{fill:var(--manual)}
.b-PASS{fill:var(--pass)}.b-FAIL{fill:var(--fail)}.b-INSUFFICIENT_DATA{fill:var(--insufficient)}.b-NOT_APPLICABLE{fill:var(--na)}.b-MANUAL{fill:var(--manual)}
.defs{position:absolute}svg text.tm{fill:var(--muted)}
.t-INSUFFICIENT_DATA{fill:#1b1f24}.t-PASS,.t-FAIL,.t-ERROR,.t-NOT_APPLICABLE,.t-MANUAL{fill:#fff}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-right:5px}
.legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
.sev{display:inline-block;padding:0 7px;border:1.5px solid;border-radius:4px;font-size:11px;font-weight:700;text-transform:uppercase;white-space:nowrap;background:#fff}
.sev-critical{color:#7a0916}.sev-high{color:#b42318}.sev-medium{color:#8a5300}.sev-low{color:#475467}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:12px 0}
.card{border:1px solid var(--border);border-top:4px solid var(--navy);border-radius:6px;padding:10px 14px}
.card .n{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums}
.card .l{font-size:12px;color:var(--muted)}
.card.c-PASS{border-top-color:var(--pass)}.card.c-FAIL{border-top-color:var(--fail)}.card.c-ERROR{border-top-color:var(--error)}
.card.c-INSUFFICIENT_DATA{border-top-color:var(--insufficient)}.card.c-NOT_APPLICABLE{border-top-color:var(--na)}
.callout{border-left:4px solid var(--insufficient);background:#fff8e1;padding:10px 14px;margin:12px 0;border-radius:0 4px 4px 0}
.callout.ok{border-left-color:var(--pass);background:#eef8f0}
.callout.bad{border-left-color:var(--fail);background:#fdecec}
.chips{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0}
.chips li,.chip{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);border:1px solid var(--border);border-radius:4px;padding:0 5px}
button.chip{cursor:pointer;color:inherit}
ul.plain{margin:0;padding-left:16px}
.ctl{margin-bottom:4px}.ctl .why{display:block;font-size:12px;color:var(--muted)}
figure{margin:12px 0}figcaption{font-size:13px;color:var(--muted);margin-bottom:4px}
svg.chart{display:block;width:100%;max-width:1150px;height:auto}
svg text{font-family:inherit;font-size:12px;fill:var(--fg)}
svg .lbl{font-weight:600}svg .bt{font-size:11px;font-weight:700}
td.id code{white-space:nowrap;overflow-wrap:normal}
details.section{border:1px solid var(--border);border-radius:6px;margin:6px 0;padding:4px 10px}
details.section>summary{cursor:pointer;font-weight:600;padding:4px 0}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:8px 12px;margin:12px 0;padding:12px;background:var(--panel);border:1px solid var(--border);border-radius:6px}
.filters label{display:flex;flex-direction:column;font-size:12px;font-weight:600;gap:2px}
.filters .wide{grid-column:span 2}
.filters select,.filters input{font:inherit;font-weight:400;padding:4px 6px;border:1px solid #8c959f;border-radius:4px;background:#fff;min-width:0}
.pager{display:flex;align-items:center;gap:8px;flex-wrap:wrap;margin:8px 0}
.pager button,.filters button{font:inherit;padding:4px 10px;border:1px solid #8c959f;border-radius:4px;background:#fff;cursor:pointer}
.pager button:disabled{opacity:.45;cursor:default}
.count{font-weight:700}
#findings-table td{font-size:12.5px}
#findings-table .res-type{font-size:11.5px;color:var(--muted)}
#findings-table details summary{cursor:pointer;color:#0b57d0;font-size:12px}
#findings-table details p{margin:4px 0 0;max-width:36em}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.print-only{display:none}
@media print{
@page{size:A4 landscape;margin:12mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:9.5pt}
.report-header{background:#fff;color:#000;border-bottom:3px solid #000;padding:0 0 8px}
.report-header table,.report-header th{color:#000;background:#fff}
.report-header td,.report-header th{border-color:#999}
nav.toc,.filters,.pager,noscript,.no-print{display:none!important}
.print-only{display:block}
main{max-width:none;padding:0}
section{margin-top:18px}
section.framework{break-before:page}
h2,h3,summary{break-after:avoid}
tr,.card,figure,.callout{break-inside:avoid}
details::details-content{display:block;content-visibility:visible}
a{color:inherit;text-decoration:none}
}
`;

/**
 * Reads `#findings-data` (see html-report.ts for the format), fills the
 * filter selects from the values actually present, and renders one page of
 * the filtered, sorted rows with DOM text nodes only (never innerHTML), so an
 * untrusted resource name cannot become markup.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var reopened = [];
  // Paper copies must be complete: open every collapsed block while printing.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; reopened.push(d); });
  });
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (d) { d.open = false; });
    reopened = [];
  });

  var $ = function (id) { return document.getElementById(id); };
  var app = $('findings-app'), dataEl = $('findings-data');
  if (!app || !dataEl) return;
  var data;
  try { data = JSON.parse(dataEl.textContent || ''); } catch (e) {
    $('findings-status').textContent = 'The embedded findings could not be read: ' + e.message;
    return;
  }
  var S = data.strings, C = data.controls, Q = data.requirementSets, rows = data.rows, titles = data.requirementTitles || {};
  var SEV = { critical: 4, high: 3, medium: 2, low: 1 };
  var ST = { FAIL: 5, ERROR: 4, INSUFFICIENT_DATA: 3, NOT_APPLICABLE: 2, PASS: 1 };
  var ctlSev = C.map(function (c) { return SEV[S[c[2]]] || 0; });
  var f = { req: $('f-req'), sev: $('f-sev'), status: $('f-status'), service: $('f-service'), account: $('f-account'),
    region: $('f-region'), q: $('f-q'), sort: $('f-sort'), size: $('f-size') };
  var tbody = $('findings-body'), order = null, matches = [], page = 0, hay = null;
  var fmt = function (n) { return n.toLocaleString('en-US'); };
  var label = function (s) { return s.replace(/_/g, ' '); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function tally(get) {
    var m = new Map();
    for (var i = 0; i < rows.length; i++) { var k = get(rows[i]); m.set(k, (m.get(k) || 0) + 1); }
    return m;
  }
  function fill(select, counts, text, compare) {
    var keys = Array.from(counts.keys()).sort(compare || function (a, b) { return S[a] < S[b] ? -1 : S[a] > S[b] ? 1 : 0; });
    keys.forEach(function (k) { select.appendChild(new Option(text(k) + ' (' + fmt(counts.get(k)) + ')', String(k))); });
  }
  var sevCounts = new Map();
  tally(function (r) { return r[0]; }).forEach(function (n, c) {
    var s = S[C[c][2]]; sevCounts.set(s, (sevCounts.get(s) || 0) + n);
  });
  Object.keys(SEV).forEach(function (s) { if (sevCounts.has(s)) f.sev.appendChild(new Option(s + ' (' + fmt(sevCounts.get(s)) + ')', s)); });
  fill(f.status, tally(function (r) { return r[1]; }), function (k) { return label(S[k]); },
    function (a, b) { return (ST[S[b]] || 0) - (ST[S[a]] || 0); });
  fill(f.service, tally(function (r) { return C[r[0]][3]; }), function (k) { return S[k]; });
  fill(f.account, tally(function (r) { return r[5]; }), function (k) { return S[k]; });
  fill(f.region, tally(function (r) { return r[6]; }), function (k) { return S[k]; });
  var reqCounts = new Map();
  tally(function (r) { return r[8]; }).forEach(function (n, set) {
    Q[set].forEach(function (k) { reqCounts.set(k, (reqCounts.get(k) || 0) + n); });
  });
  var groups = new Map();
  Array.from(reqCounts.keys()).sort(function (a, b) { return S[a] < S[b] ? -1 : 1; }).forEach(function (k) {
    var q = S[k], fw = q.indexOf(':') > 0 ? q.slice(0, q.indexOf(':')) : 'other', g = groups.get(fw);
    if (!g) { g = el('optgroup'); g.label = fw; groups.set(fw, g); f.req.appendChild(g); }
    g.appendChild(new Option(q + (titles[q] ? ' \u2014 ' + titles[q] : '') + ' (' + fmt(reqCounts.get(k)) + ')', String(k)));
  });

  function sortOrder() {
    var idx = new Array(rows.length), mode = f.sort.value;
    for (var i = 0; i < rows.length; i++) idx[i] = i;
    var str = function (r, col) { return col < 0 ? S[C[r[0]][0]] : typeof r[col] === 'number' ? S[r[col]] : r[col]; };
    var cmp = function (col) {
      return function (a, b) { var x = str(rows[a], col), y = str(rows[b], col); return x < y ? -1 : x > y ? 1 : a - b; };
    };
    if (mode === 'control') idx.sort(cmp(-1));
    else if (mode === 'resource') idx.sort(cmp(3));
    else if (mode === 'account') idx.sort(cmp(5));
    else {
      var dir = mode === 'severity-asc' ? -1 : 1;
      idx.sort(function (a, b) {
        var ra = rows[a], rb = rows[b];
        return dir * (ctlSev[rb[0]] - ctlSev[ra[0]]) || (ST[S[rb[1]]] || 0) - (ST[S[ra[1]]] || 0) || a - b;
      });
    }
    order = idx;
  }
  function num(select) { return select.value === '' ? -1 : Number(select.value); }
  function compute() {
    if (!order) sortOrder();
    var req = num(f.req), sev = f.sev.value, svc = num(f.service), st = num(f.status), acct = num(f.account), reg = num(f.region);
    var terms = f.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var ctlOk = C.map(function (c) { return (!sev || S[c[2]] === sev) && (svc < 0 || c[3] === svc); });
    var setOk = req < 0 ? null : Q.map(function (set) { return set.indexOf(req) >= 0; });
    if (terms.length && !hay) {
      // Built on first search only: it roughly doubles the memory of the text columns.
      hay = rows.map(function (r) { return (r[3] + '\n' + (r[4] || '') + '\n' + r[7]).toLowerCase(); });
    }
    var out = [];
    outer: for (var k = 0; k < order.length; k++) {
      var i = order[k], r = rows[i];
      if (!ctlOk[r[0]] || (setOk && !setOk[r[8]]) || (st >= 0 && r[1] !== st)) continue;
      if ((acct >= 0 && r[5] !== acct) || (reg >= 0 && r[6] !== reg)) continue;
      for (var t = 0; t < terms.length; t++) if (hay[i].indexOf(terms[t]) < 0) continue outer;
      out.push(i);
    }
    matches = out;
    page = 0;
    render();
  }
  function rowEl(r) {
    var c = C[r[0]], tr = el('tr'), td;
    td = tr.appendChild(el('td')); td.appendChild(el('span', 'sev sev-' + S[c[2]], S[c[2]]));
    td = tr.appendChild(el('td')); td.appendChild(el('span', 'badge s-' + S[r[1]], label(S[r[1]])));
    td = tr.appendChild(el('td')); td.appendChild(el('code', null, S[c[0]])); td.appendChild(el('div', null, S[c[1]]));
    td = tr.appendChild(el('td'));
    td.appendChild(el('div', 'res-type', S[r[2]]));
    td.appendChild(el('code', null, r[3]));
    if (r[4] != null && r[4] !== r[3]) td.appendChild(el('div', null, r[4]));
    td.appendChild(el('div', 'res-type', S[r[5]] + ' \u00b7 ' + S[r[6]]));
    tr.appendChild(el('td', null, r[7]));
    td = tr.appendChild(el('td'));
    var ul = td.appendChild(el('ul', 'chips'));
    Q[r[8]].forEach(function (k) {
      var b = el('button', 'chip', S[k]); b.type = 'button'; b.dataset.reqIndex = String(k);
      b.title = 'Show only findings for ' + S[k];
      ul.appendChild(el('li')).appendChild(b);
    });
    td = tr.appendChild(el('td'));
    var d = td.appendChild(el('details'));
    d.appendChild(el('summary', null, 'Remediation'));
    d.appendChild(el('p', null, S[c[4]]));
    return tr;
  }
  function render() {
    var size = Number(f.size.value) || 100, total = matches.length, pages = Math.max(1, Math.ceil(total / size));
    if (page >= pages) page = pages - 1;
    var start = page * size, end = Math.min(total, start + size), frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(rowEl(rows[matches[k]]));
    if (total === 0) {
      var td = el('td', 'muted', rows.length ? 'No findings match these filters.' : 'No findings to list.');
      td.colSpan = 7; frag.appendChild(el('tr')).appendChild(td);
    }
    tbody.replaceChildren(frag);
    $('findings-status').textContent = total === rows.length ? fmt(total) + ' findings'
      : fmt(total) + ' of ' + fmt(rows.length) + ' findings match';
    $('findings-page').textContent = total ? 'Rows ' + fmt(start + 1) + '\u2013' + fmt(end) + ' \u00b7 page ' + fmt(page + 1) + ' of ' + fmt(pages) : '';
    $('p-first').disabled = $('p-prev').disabled = page === 0;
    $('p-next').disabled = $('p-last').disabled = page >= pages - 1;
  }
  function go(p) { page = Math.max(0, p); render(); app.scrollIntoView({ block: 'start' }); }
  function reset() {
    ['req', 'sev', 'status', 'service', 'account', 'region'].forEach(function (k) { f[k].value = ''; });
    f.q.value = '';
  }
  function showRequirement(q) {
    var k = S.indexOf(q);
    reset();
    if (k >= 0 && f.req.querySelector('option[value="' + k + '"]')) f.req.value = String(k);
    compute();
  }

  ['req', 'sev', 'status', 'service', 'account', 'region'].forEach(function (k) { f[k].addEventListener('change', compute); });
  f.sort.addEventListener('change', function () { order = null; compute(); });
  f.size.addEventListener('change', function () { page = 0; render(); });
  var timer = 0;
  f.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(compute, 200); });
  $('f-reset').addEventListener('click', function () { reset(); compute(); });
  $('p-first').addEventListener('click', function () { go(0); });
  $('p-prev').addEventListener('click', function () { go(page - 1); });
  $('p-next').addEventListener('click', function () { go(page + 1); });
  $('p-last').addEventListener('click', function () { go(Math.ceil(matches.length / (Number(f.size.value) || 100)) - 1); });
  tbody.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-req-index]');
    if (b) { reset(); f.req.value = b.dataset.reqIndex; compute(); }
  });
  // "View findings" links in the requirement tables: plain #findings anchors without JS.
  document.addEventListener('click', function (e) {
    var a = e.target.closest('a[data-req]');
    if (a) showRequirement(a.dataset.req);
  });
  app.hidden = false;
  compute();
})();
`;
