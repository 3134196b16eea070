/**
 * The HTML report's script, second part (it runs inside the same function as the first, with its
 * helpers `$`, `el`, `fill`, `setState` …): the charts (Chart.js, no animation; a bar click lists
 * that bar's failing findings), the overview tables sorted by any column, and the resources view.
 * @module
 */

/** Script text, spliced into `HTML_SCRIPT`. */
export const HTML_SCRIPT_EXTRAS = String.raw`
  var COLORS = { not_met: '#b3261e', unknown: '#c98a00', met: '#1f7a3a', inherited: '#2f5597' };
  var SEV_COLORS = { critical: '#7b1fa2', high: '#b3261e', medium: '#c98a00', low: '#2f8fbf', info: '#8a93a3' };
  var charts = {};
  function bar(id, labels, values, colors, onPick) {
    charts[id] = new Chart($(id), {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'failing findings', data: values, backgroundColor: colors }] },
      options: {
        animation: false, maintainAspectRatio: false, indexAxis: labels.length > 6 ? 'y' : 'x',
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } },
        onClick: function (evt, items) { if (items.length) onPick(items[0].index); }
      }
    });
  }
  function drawCharts() {
    if (typeof Chart === 'undefined') return;
    var C = D.charts, st = ['not_met', 'unknown', 'met', 'inherited'];
    charts['chart-duties'] = new Chart($('chart-duties'), {
      type: 'doughnut',
      data: {
        labels: ['not met', 'unknown', 'met', 'inherited'],
        datasets: [{ data: st.map(function (s) { return C.duties[s]; }), backgroundColor: st.map(function (s) { return COLORS[s]; }) }]
      },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: 'right' } },
        onClick: function () { $('duties').scrollIntoView(); } }
    });
    bar('chart-severity', D.severities, D.severities.map(function (s) { return C.severity[s]; }),
      D.severities.map(function (s) { return SEV_COLORS[s]; }),
      function (i) { setState({ severity: D.severities[i], status: 'fail', service: '', scope: '' }, true); });
    var top = C.service.slice(0, 12);
    bar('chart-service', top.map(function (x) { return x[0]; }), top.map(function (x) { return x[1]; }), '#2f5597',
      function (i) { setState({ service: top[i][0], status: 'fail', severity: '', scope: '' }, true); });
    var scopes = SC.map(function (s, i) { return [i, C.scope[i]]; })
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).slice(0, 15);
    bar('chart-scope', scopes.map(function (x) { return SC[x[0]].label; }), scopes.map(function (x) { return x[1]; }), '#b3261e',
      function (i) { setState({ scope: SC[scopes[i][0]].key, status: 'fail', severity: '', service: '' }, true); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.querySelectorAll('thead th');
    Array.prototype.forEach.call(table.querySelectorAll('thead button.sort'), function (b) {
      b.addEventListener('click', function () {
        var th = b.parentNode, col = Array.prototype.indexOf.call(heads, th);
        var desc = th.getAttribute('aria-sort') === 'ascending', num = b.getAttribute('data-type') === 'num';
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        function key(r) { var c = r.cells[col]; return num ? Number(c.getAttribute('data-v')) : c.textContent.toLowerCase(); }
        rows.sort(function (a, b2) { return cmp(key(a), key(b2)) * (desc ? -1 : 1); });
        rows.forEach(function (r) { body.appendChild(r); });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      });
    });
  });

  var resources = null, rMatched = [], rPage = 0, rQ = $('r-q');
  function groupResources() {
    var by = new Map();
    for (var i = 0; i < FI.length; i++) {
      var f = FI[i], key = f[11] + '\u0000' + f[3] + '\u0000' + f[4], r = by.get(key);
      if (!r) { r = { type: D.types[f[3]], id: f[4], name: f[5], region: D.regions[f[6]], counts: {}, fail: 0 }; by.set(key, r); }
      var s = D.statuses[f[1]];
      r.counts[s] = (r.counts[s] || 0) + 1;
      if (s === 'fail') r.fail++;
    }
    resources = Array.from(by.values()).sort(function (a, b) {
      return b.fail - a.fail || cmp(a.name, b.name) || cmp(a.id, b.id);
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
  var rTimer = 0;
  $('resources-details').addEventListener('toggle', function () { if (this.open && !resources) applyResources(); });
  rQ.addEventListener('input', function () { clearTimeout(rTimer); rTimer = setTimeout(applyResources, 150); });
  $('r-prev').addEventListener('click', function () { if (rPage > 0) { rPage--; renderResources(); } });
  $('r-next').addEventListener('click', function () { if ((rPage + 1) * PAGE < rMatched.length) { rPage++; renderResources(); } });
`
