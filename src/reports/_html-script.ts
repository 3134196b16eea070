/**
 * The HTML report's script (inline, plain ES2017; Chart.js is the only library). It reads the
 * JSON data block, keeps the view and its filters in the URL's fragment (`#status=fail&view=check`,
 * so a view can be shared as a link), and renders one page of findings, of checks or of resources
 * at a time with `textContent` only: no cloud string is ever parsed as HTML. Charts, the sortable
 * overview tables and the resources view are in `_html-script-extras.ts`.
 * @module
 */
import { HTML_SCRIPT_EXTRAS } from './_html-script-extras.ts'

const CORE = String.raw`
  var D = JSON.parse(document.getElementById('sphere-data').textContent);
  var FI = D.findings, CH = D.checks, DU = D.duties, SC = D.scopes, PAGE = D.pageSize;
  var LABEL = { fail: 'fail', error: 'error', manual: 'manual', muted: 'muted', pass: 'pass', not_applicable: 'n/a' };
  var NOCHECK = ['?', '?', -1, '', '', 4];
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    // Control characters (terminal escapes in cloud names) are shown as U+FFFD, never kept.
    if (text !== undefined && text !== null) e.textContent = String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
    return e;
  }
  function fill(parent, nodes) {
    while (parent.firstChild) parent.removeChild(parent.firstChild);
    parent.appendChild(nodes);
  }
  function option(sel, value, label) {
    var o = el('option', null, label);
    o.value = value;
    sel.appendChild(o);
  }
  function check(f) { return CH[f[0]] || NOCHECK; }
  function cmp(x, y) { return x < y ? -1 : x > y ? 1 : 0; }

  var KEYS = ['view', 'duty', 'severity', 'status', 'service', 'scope', 'q', 'sort', 'dir', 'page'];
  function readHash() {
    var s = { view: 'list', duty: '', severity: '', status: '', service: '', scope: '', q: '', sort: '', dir: 'asc', page: 0 };
    var h = location.hash.replace(/^#/, '');
    if (h.indexOf('=') < 0) return s;
    h.split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i < 0) return;
      try {
        var k = decodeURIComponent(kv.slice(0, i)), v = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, ' '));
        if (KEYS.indexOf(k) >= 0) s[k] = k === 'page' ? Math.max(0, parseInt(v, 10) || 0) : v;
      } catch (e) { /* a malformed part is ignored */ }
    });
    if (s.view !== 'check') s.view = 'list';
    if (s.dir !== 'desc') s.dir = 'asc';
    return s;
  }
  function hashOf(s) {
    var parts = [];
    KEYS.forEach(function (k) {
      var v = s[k];
      if (v === '' || v === 0 || (k === 'view' && v === 'list') || (k === 'dir' && v === 'asc')) return;
      parts.push(k + '=' + encodeURIComponent(String(v)));
    });
    return parts.join('&');
  }
  var state = readHash();
  function writeHash() {
    var h = hashOf(state);
    if (location.hash.replace(/^#/, '') === h) return;
    try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); }
    catch (e) { location.replace('#' + h); }
  }

  var sel = { duty: $('f-duty'), severity: $('f-severity'), status: $('f-status'), service: $('f-service'), scope: $('f-scope') };
  var fQ = $('f-q');
  DU.forEach(function (d) { option(sel.duty, d.id, d.title + ' (' + d.id + ')'); });
  D.severities.forEach(function (s) { option(sel.severity, s, s); });
  D.statuses.forEach(function (s) { option(sel.status, s, LABEL[s] || s); });
  D.services.slice().sort().forEach(function (s) { option(sel.service, s, s); });
  SC.forEach(function (s) { option(sel.scope, s.key, s.label); });
  function controlsFromState() {
    Object.keys(sel).forEach(function (k) {
      sel[k].value = state[k];
      if (sel[k].value !== state[k]) state[k] = '';
    });
    fQ.value = state.q;
    $('view-list').setAttribute('aria-pressed', String(state.view === 'list'));
    $('view-check').setAttribute('aria-pressed', String(state.view === 'check'));
    $('list-view').hidden = state.view !== 'list';
    $('check-view').hidden = state.view !== 'check';
    Array.prototype.forEach.call(document.querySelectorAll('#findings button.sort'), function (b) {
      var on = b.getAttribute('data-key') === state.sort;
      b.parentNode.setAttribute('aria-sort', on ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    });
  }

  var hay = null, matched = [], groups = [];
  function haystack() {
    hay = new Array(FI.length);
    for (var i = 0; i < FI.length; i++) {
      var f = FI[i];
      hay[i] = (f[5] + '\n' + f[4] + '\n' + check(f)[0] + '\n' + f[7] + '\n' + D.types[f[3]] + '\n' + D.regions[f[6]]).toLowerCase();
    }
  }
  function at(list, v) { return v === '' ? -1 : list.indexOf(v); }
  function filterFindings() {
    var duty = -1, sc = -1;
    DU.forEach(function (d, i) { if (d.id === state.duty) duty = i; });
    SC.forEach(function (s, i) { if (s.key === state.scope) sc = i; });
    var sev = at(D.severities, state.severity), st = at(D.statuses, state.status), svc = at(D.services, state.service);
    var q = state.q.trim().toLowerCase();
    if (q && !hay) haystack();
    matched = [];
    for (var i = 0; i < FI.length; i++) {
      var f = FI[i];
      if (sev >= 0 && f[2] !== sev) continue;
      if (st >= 0 && f[1] !== st) continue;
      if (svc >= 0 && f[12] !== svc) continue;
      if (sc >= 0 && f[11] !== sc) continue;
      if (duty >= 0 && check(f)[2] !== duty) continue;
      if (q && hay[i].indexOf(q) < 0) continue;
      matched.push(i);
    }
  }
  var SORTS = {
    status: function (f) { return f[1]; },
    severity: function (f) { return f[2]; },
    duty: function (f) { var c = check(f); return c[2] >= 0 ? DU[c[2]].id : ''; },
    check: function (f) { return check(f)[0]; },
    resource: function (f) { return (f[5] || f[4]).toLowerCase(); },
    scope: function (f) { return SC[f[11]] ? SC[f[11]].label : ''; },
    message: function (f) { return f[7].toLowerCase(); }
  };
  var ranks = {};
  /** Each finding's place when every finding is sorted by this key (computed once per key). */
  function rankOf(name) {
    if (ranks[name]) return ranks[name];
    var key = SORTS[name], keys = new Array(FI.length), all = new Array(FI.length), r = new Int32Array(FI.length);
    for (var i = 0; i < FI.length; i++) { keys[i] = key(FI[i]); all[i] = i; }
    all.sort(function (a, b) { return cmp(keys[a], keys[b]) || a - b; });
    // Equal keys share a rank, so that ties keep the reading order in both directions.
    for (var k = 0, n = 0; k < all.length; k++) {
      if (k > 0 && cmp(keys[all[k - 1]], keys[all[k]]) !== 0) n++;
      r[all[k]] = n;
    }
    return (ranks[name] = r);
  }
  function sortList() {
    if (!SORTS[state.sort]) return;
    var r = rankOf(state.sort);
    var dir = state.dir === 'desc' ? -1 : 1;
    matched.sort(function (a, b) { return (r[a] - r[b]) * dir || a - b; });
  }
  function groupChecks() {
    var by = {};
    groups = [];
    for (var k = 0; k < matched.length; k++) {
      var i = matched[k], c = FI[i][0], g = by[c];
      if (!g) { g = by[c] = { c: c, items: [], counts: {} }; groups.push(g); }
      g.items.push(i);
      var s = D.statuses[FI[i][1]];
      g.counts[s] = (g.counts[s] || 0) + 1;
    }
    var dir = state.dir === 'desc' ? -1 : 1;
    var key = {
      severity: function (g) { return (CH[g.c] || NOCHECK)[5]; },
      check: function (g) { return (CH[g.c] || NOCHECK)[0]; },
      duty: function (g) { var d = (CH[g.c] || NOCHECK)[2]; return d >= 0 ? DU[d].id : ''; },
      count: function (g) { return g.items.length; }
    }[state.sort];
    groups.sort(function (a, b) {
      if (key) return cmp(key(a), key(b)) * dir || cmp((CH[a.c] || NOCHECK)[0], (CH[b.c] || NOCHECK)[0]);
      return (CH[a.c] || NOCHECK)[5] - (CH[b.c] || NOCHECK)[5] || b.items.length - a.items.length || cmp((CH[a.c] || NOCHECK)[0], (CH[b.c] || NOCHECK)[0]);
    });
  }
  function apply(keepPage) {
    filterFindings();
    if (state.view === 'check') groupChecks(); else sortList();
    if (!keepPage) state.page = 0;
    render();
  }

  function details(i) {
    var f = FI[i], c = check(f), tr = el('tr', 'details'), td = el('td');
    td.colSpan = 8;
    td.appendChild(el('div', null, c[1]));
    if (f[9]) td.appendChild(el('p', null, f[9]));
    if (c[3]) { td.appendChild(el('b', null, 'How to fix')); td.appendChild(el('pre', null, c[3])); }
    if (c[4]) td.appendChild(el('pre', null, c[4]));
    if (f[8]) {
      var ev = f[8];
      try { ev = JSON.stringify(JSON.parse(ev), null, 1); } catch (e) { /* shown as it is */ }
      td.appendChild(el('b', null, 'Evidence'));
      td.appendChild(el('pre', 'evidence', ev));
    }
    tr.appendChild(td);
    return tr;
  }
  function toggleAfter(tr, make) {
    var next = tr.nextSibling;
    if (next && next.className === 'details') tr.parentNode.removeChild(next);
    else tr.parentNode.insertBefore(make(), next);
  }
  function row(i) {
    var f = FI[i], c = check(f), status = D.statuses[f[1]], sev = D.severities[f[2]];
    var tr = el('tr', 'finding');
    tr.setAttribute('data-status', status);
    tr.setAttribute('data-severity', sev);
    tr.appendChild(el('td', 's-' + status, (LABEL[status] || status) + (f[10] ? ' (' + f[10] + ')' : '')));
    tr.appendChild(el('td', 'sev-' + sev, sev));
    tr.appendChild(el('td', null, c[2] >= 0 ? DU[c[2]].id : ''));
    tr.appendChild(el('td', null, c[0]));
    var res = el('td');
    res.appendChild(el('div', 'rname', f[5] || f[4]));
    res.appendChild(el('div', 'rid', D.types[f[3]] + ' ' + f[4] + ' · ' + D.regions[f[6]]));
    tr.appendChild(res);
    tr.appendChild(el('td', 'scope', SC[f[11]] ? SC[f[11]].label : ''));
    tr.appendChild(el('td', 'msg', f[7]));
    var td = el('td'), btn = el('button', null, 'details');
    btn.type = 'button';
    btn.addEventListener('click', function () { toggleAfter(tr, function () { return details(i); }); });
    td.appendChild(btn);
    tr.appendChild(td);
    return tr;
  }
  function resourcesOf(g, shown) {
    var tr = el('tr', 'details'), td = el('td'), t = el('table', 'inner'), body = el('tbody');
    td.colSpan = 6;
    g.items.slice(0, shown).forEach(function (i) {
      var f = FI[i], r = el('tr', 'resource-of-check'), status = D.statuses[f[1]];
      r.appendChild(el('td', 's-' + status, LABEL[status] || status));
      var res = el('td');
      res.appendChild(el('div', 'rname', f[5] || f[4]));
      res.appendChild(el('div', 'rid', D.types[f[3]] + ' ' + f[4]));
      r.appendChild(res);
      r.appendChild(el('td', 'scope', SC[f[11]] ? SC[f[11]].label : ''));
      r.appendChild(el('td', 'msg', f[7]));
      body.appendChild(r);
    });
    t.appendChild(body);
    td.appendChild(t);
    if (shown < g.items.length) {
      var more = el('button', 'more', 'Show ' + Math.min(50, g.items.length - shown) + ' more of ' + (g.items.length - shown));
      more.type = 'button';
      more.addEventListener('click', function () { tr.parentNode.replaceChild(resourcesOf(g, shown + 50), tr); });
      td.appendChild(more);
    }
    tr.appendChild(td);
    return tr;
  }
  function checkRow(g) {
    var c = CH[g.c] || NOCHECK, sev = D.severities[c[5]] || '', tr = el('tr', 'check-group');
    tr.appendChild(el('td', 'sev-' + sev, sev));
    var name = el('td');
    name.appendChild(el('div', 'rname', c[0]));
    name.appendChild(el('div', 'rid', c[1]));
    tr.appendChild(name);
    tr.appendChild(el('td', null, c[2] >= 0 ? DU[c[2]].id : ''));
    tr.appendChild(el('td', 'num count', g.items.length));
    tr.appendChild(el('td', null, D.statuses.filter(function (s) { return g.counts[s]; }).map(function (s) { return g.counts[s] + ' ' + (LABEL[s] || s); }).join(' · ')));
    var td = el('td'), btn = el('button', null, 'resources');
    btn.type = 'button';
    btn.addEventListener('click', function () { toggleAfter(tr, function () { return resourcesOf(g, 50); }); });
    td.appendChild(btn);
    tr.appendChild(td);
    return tr;
  }
  function render() {
    var list = state.view === 'check' ? groups : matched;
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE, end = Math.min(list.length, start + PAGE), frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(state.view === 'check' ? checkRow(list[k]) : row(list[k]));
    fill($(state.view === 'check' ? 'checks-body' : 'findings-body'), frag);
    var total = ' (' + FI.length + ' findings in total)';
    $('f-info').textContent = !list.length
      ? 'No findings match' + total
      : state.view === 'check'
        ? 'Showing ' + (start + 1) + '\u2013' + end + ' of ' + list.length + ' checks, ' + matched.length + ' matching findings' + total
        : 'Showing ' + (start + 1) + '\u2013' + end + ' of ' + matched.length + ' matching' + total;
    $('f-prev').disabled = state.page === 0;
    $('f-next').disabled = end >= list.length;
    controlsFromState();
  }
  function setState(patch, scroll) {
    Object.keys(patch).forEach(function (k) { state[k] = patch[k]; });
    controlsFromState();
    apply(false);
    writeHash();
    if (scroll) $('findings').scrollIntoView();
  }

  if (D.filter) {
    $('f-listed').hidden = false;
    $('f-listed').textContent = 'This report lists ' + FI.length + ' of the scan\u2019s ' + D.total + ' findings (' + D.filter + '); the charts, tables and duties count all of them.';
  }
  Object.keys(sel).forEach(function (k) {
    sel[k].addEventListener('change', function () { var p = {}; p[k] = sel[k].value; setState(p); });
  });
  var timer = 0;
  fQ.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { setState({ q: fQ.value }); }, 150); });
  $('f-reset').addEventListener('click', function () { setState({ duty: '', severity: '', status: '', service: '', scope: '', q: '', sort: '', dir: 'asc' }); });
  $('view-list').addEventListener('click', function () { setState({ view: 'list', sort: '', dir: 'asc' }); });
  $('view-check').addEventListener('click', function () { setState({ view: 'check', sort: '', dir: 'asc' }); });
  Array.prototype.forEach.call(document.querySelectorAll('#findings button.sort'), function (b) {
    b.addEventListener('click', function () {
      var key = b.getAttribute('data-key');
      setState({ sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc' });
    });
  });
  $('f-prev').addEventListener('click', function () { if (state.page > 0) { state.page--; render(); writeHash(); } });
  $('f-next').addEventListener('click', function () { state.page++; render(); writeHash(); });
  function wire(selector, attr, patch) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (b) {
      b.addEventListener('click', function () { setState(patch(b.getAttribute(attr)), true); });
    });
  }
  wire('button.show-duty', 'data-duty', function (v) { return { duty: v, status: '' }; });
  wire('button.show-scope', 'data-scope', function (v) { return { scope: v, status: '' }; });
  wire('button.show-service', 'data-service', function (v) { return { service: v, status: '' }; });
  window.addEventListener('hashchange', function () {
    if (location.hash.replace(/^#/, '') === hashOf(state)) return;
    state = readHash();
    controlsFromState();
    apply(true);
  });
`

/** The script, as shipped inside the report. */
export const HTML_SCRIPT = `(function () {
  'use strict';${CORE}${HTML_SCRIPT_EXTRAS}
  controlsFromState();
  apply(true);
  document.documentElement.setAttribute('data-ready', '1');
  drawCharts();
  document.documentElement.setAttribute('data-charts', typeof Chart === 'undefined' ? 'none' : '1');
  // The search index is built while the reader reads, so that the first search is as fast as the next.
  (window.requestIdleCallback || function (f) { return setTimeout(f, 200); })(function () { if (!hay) haystack(); });
})();
`
