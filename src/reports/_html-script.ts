/**
 * The HTML report's script (inline, plain ES2017, no libraries). It reads the JSON data block,
 * fills the filters, and renders one page of findings or resources at a time with `textContent`
 * only: no cloud string is ever parsed as HTML.
 * @module
 */

/** The script, as shipped inside the report. */
export const HTML_SCRIPT = String.raw`(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('sphere-data').textContent);
  var FI = D.findings, CH = D.checks, DU = D.duties, PAGE = D.pageSize;
  var LABEL = { fail: 'fail', error: 'error', manual: 'manual', muted: 'muted', pass: 'pass', not_applicable: 'n/a' };
  var NOCHECK = ['?', '?', -1, '', ''];
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

  var fDuty = $('f-duty'), fSev = $('f-severity'), fStatus = $('f-status'), fQ = $('f-q');
  DU.forEach(function (d, i) { option(fDuty, String(i), d.title + ' (' + d.id + ')'); });
  D.severities.forEach(function (s, i) { option(fSev, String(i), s); });
  D.statuses.forEach(function (s, i) { option(fStatus, String(i), LABEL[s] || s); });

  var hay = null, matched = [], page = 0;
  function haystack() {
    hay = new Array(FI.length);
    for (var i = 0; i < FI.length; i++) {
      var f = FI[i];
      hay[i] = (f[5] + '\n' + f[4] + '\n' + check(f)[0] + '\n' + f[7] + '\n' + D.types[f[3]] + '\n' + D.regions[f[6]]).toLowerCase();
    }
  }
  function num(sel) { return sel.value === '' ? -1 : Number(sel.value); }
  function apply() {
    var duty = num(fDuty), sev = num(fSev), st = num(fStatus), q = fQ.value.trim().toLowerCase();
    if (q && !hay) haystack();
    matched = [];
    for (var i = 0; i < FI.length; i++) {
      var f = FI[i];
      if (sev >= 0 && f[2] !== sev) continue;
      if (st >= 0 && f[1] !== st) continue;
      if (duty >= 0 && check(f)[2] !== duty) continue;
      if (q && hay[i].indexOf(q) < 0) continue;
      matched.push(i);
    }
    page = 0;
    render();
  }
  function details(i) {
    var f = FI[i], c = check(f), tr = el('tr', 'details'), td = el('td');
    td.colSpan = 8;
    td.appendChild(el('div', null, c[1]));
    if (f[9]) td.appendChild(el('p', null, f[9]));
    if (c[3]) { td.appendChild(el('b', null, 'How to fix')); td.appendChild(el('pre', null, c[3])); }
    if (c[4]) td.appendChild(el('pre', null, c[4]));
    if (f[8]) { td.appendChild(el('b', null, 'Evidence')); td.appendChild(el('pre', null, f[8])); }
    tr.appendChild(td);
    return tr;
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
    res.appendChild(el('div', 'rid', D.types[f[3]] + ' ' + f[4]));
    tr.appendChild(res);
    tr.appendChild(el('td', null, D.regions[f[6]]));
    tr.appendChild(el('td', 'msg', f[7]));
    var td = el('td'), btn = el('button', null, 'details');
    btn.type = 'button';
    btn.addEventListener('click', function () {
      var next = tr.nextSibling;
      if (next && next.className === 'details') tr.parentNode.removeChild(next);
      else tr.parentNode.insertBefore(details(i), next);
    });
    td.appendChild(btn);
    tr.appendChild(td);
    return tr;
  }
  function render() {
    var start = page * PAGE, end = Math.min(matched.length, start + PAGE), frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(row(matched[k]));
    fill($('findings-body'), frag);
    $('f-info').textContent = matched.length
      ? 'Showing ' + (start + 1) + '\u2013' + end + ' of ' + matched.length + ' matching (' + FI.length + ' findings in total)'
      : 'No findings match (' + FI.length + ' in total)';
    $('f-prev').disabled = page === 0;
    $('f-next').disabled = end >= matched.length;
  }
  var timer = 0;
  fQ.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  [fDuty, fSev, fStatus].forEach(function (s) { s.addEventListener('change', apply); });
  $('f-prev').addEventListener('click', function () { if (page > 0) { page--; render(); } });
  $('f-next').addEventListener('click', function () { if ((page + 1) * PAGE < matched.length) { page++; render(); } });
  Array.prototype.forEach.call(document.querySelectorAll('button.show-duty'), function (b) {
    b.addEventListener('click', function () {
      var id = b.getAttribute('data-duty');
      DU.forEach(function (d, i) { if (d.id === id) fDuty.value = String(i); });
      fStatus.value = '';
      apply();
      $('findings').scrollIntoView();
    });
  });

  var resources = null, rMatched = [], rPage = 0, rQ = $('r-q');
  function groupResources() {
    var by = new Map();
    for (var i = 0; i < FI.length; i++) {
      var f = FI[i], key = f[3] + '\u0000' + f[4], r = by.get(key);
      if (!r) { r = { type: D.types[f[3]], id: f[4], name: f[5], region: D.regions[f[6]], counts: {}, fail: 0 }; by.set(key, r); }
      var s = D.statuses[f[1]];
      r.counts[s] = (r.counts[s] || 0) + 1;
      if (s === 'fail') r.fail++;
    }
    resources = Array.from(by.values()).sort(function (a, b) {
      return b.fail - a.fail || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }
  function applyResources() {
    if (!resources) groupResources();
    var q = rQ.value.trim().toLowerCase();
    rMatched = q ? resources.filter(function (r) { return (r.name + '\n' + r.id + '\n' + r.type).toLowerCase().indexOf(q) >= 0; }) : resources;
    rPage = 0;
    renderResources();
  }
  function renderResources() {
    var start = rPage * PAGE, end = Math.min(rMatched.length, start + PAGE), frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      var r = rMatched[k], tr = el('tr', 'resource');
      tr.appendChild(el('td', null, r.name || r.id));
      tr.appendChild(el('td', 'rid', r.id));
      tr.appendChild(el('td', null, r.type));
      tr.appendChild(el('td', null, r.region));
      D.statuses.forEach(function (s) { tr.appendChild(el('td', 'num s-' + s, r.counts[s] || 0)); });
      frag.appendChild(tr);
    }
    fill($('resources-body'), frag);
    $('r-info').textContent = 'Showing ' + (rMatched.length ? start + 1 : 0) + '\u2013' + end + ' of ' + rMatched.length + ' resources';
    $('r-prev').disabled = rPage === 0;
    $('r-next').disabled = end >= rMatched.length;
  }
  $('resources-details').addEventListener('toggle', function () { if (this.open && !resources) applyResources(); });
  rQ.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyResources, 150); });
  $('r-prev').addEventListener('click', function () { if (rPage > 0) { rPage--; renderResources(); } });
  $('r-next').addEventListener('click', function () { if ((rPage + 1) * PAGE < rMatched.length) { rPage++; renderResources(); } });

  apply();
  document.documentElement.setAttribute('data-ready', '1');
})();
`
