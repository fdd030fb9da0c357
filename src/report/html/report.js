(function () {
  'use strict';
  var P = JSON.parse(document.getElementById('palisade-data').textContent);
  var L = P.labels;
  // The label for `key`, its {name} placeholders filled from `values`.
  function t(key, values) {
    var s = Object.prototype.hasOwnProperty.call(L, key) ? L[key] : key;
    if (values) {
      s = s.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
    }
    return s;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  // Message text with Markdown code spans (`...`) shown as code; everything else escaped.
  function md(s) {
    var parts = String(s).split('`');
    if (parts.length % 2 === 0) { return esc(s); }
    var out = '';
    for (var i = 0; i < parts.length; i++) {
      out += i % 2 ? '<code>' + esc(parts[i]) + '</code>' : esc(parts[i]);
    }
    return out;
  }

  var SEV = P.severities, LAYERS = P.layers, RULES = P.rules, FILES = P.files, F = P.findings;
  var R_ID = 0, R_TITLE = 1, R_SLUG = 2, R_LAYER = 3, R_SERVICE = 4, R_FIX = 5, R_CONTROLS = 6, R_WA = 7;
  var F_RULE = 0, F_SEV = 1, F_FILE = 2, F_LINE = 3, F_COL = 4, F_RES = 5, F_KIND = 6, F_MSG = 7, F_WHEN = 8,
    F_SNIP = 9, F_REL = 10;
  var n = F.length;

  function sevBadge(i) {
    return '<span class="sevb sev-' + SEV[i] + '">' + esc(t('severity.' + SEV[i])) + '</span>';
  }
  function loc(file, line, col) {
    var p = FILES[file];
    return '<span class="path" title="' + esc(p) + '">' + esc(p) + ':' + line + ':' + col + '</span>';
  }

  // Filters.
  var el = {
    severity: document.getElementById('f-severity'), layer: document.getElementById('f-layer'),
    service: document.getElementById('f-service'), file: document.getElementById('f-file'),
    text: document.getElementById('f-text')
  };
  function fill(select, values, label) {
    var html = '<option value="">' + esc(t('filter.all')) + '</option>';
    values.forEach(function (v) { html += '<option value="' + esc(v[0]) + '">' + esc(label(v)) + '</option>'; });
    select.innerHTML = html;
  }
  (function () {
    var sevs = {}, layers = {}, services = {}, files = {};
    for (var i = 0; i < n; i++) {
      var r = RULES[F[i][F_RULE]];
      sevs[F[i][F_SEV]] = 1; layers[r[R_LAYER]] = 1; services[r[R_SERVICE]] = 1; files[F[i][F_FILE]] = 1;
    }
    fill(el.severity, Object.keys(sevs).sort().map(function (k) { return [k]; }),
      function (v) { return t('severity.' + SEV[v[0]]); });
    fill(el.layer, Object.keys(layers).sort().map(function (k) { return [k]; }),
      function (v) { return t('layer.' + LAYERS[v[0]]); });
    fill(el.service, Object.keys(services).sort().map(function (k) { return [k]; }),
      function (v) { return v[0]; });
    fill(el.file, Object.keys(files).map(function (k) { return [k, FILES[k]]; })
      .sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; }),
      function (v) { return v[1]; });
  })();

  var haystack = null;
  function searchText(i) {
    if (!haystack) {
      haystack = new Array(n);
      for (var j = 0; j < n; j++) {
        var f = F[j], r = RULES[f[F_RULE]];
        haystack[j] = [r[R_ID], r[R_TITLE], r[R_SERVICE], FILES[f[F_FILE]], f[F_RES], f[F_KIND], f[F_MSG], f[F_WHEN]]
          .join('\n').toLowerCase();
      }
    }
    return haystack[i];
  }

  // State: the findings that pass the filters, by rule; the open rules; how many findings of
  // each open rule are listed; the findings whose details are open; the sort orders.
  var matching = [];
  var open = {}, listed = {}, details = {};
  var PAGE = 100;
  var groupSort = {key: 'severity', dir: 1}, innerSort = {key: 'severity', dir: 1};

  function apply() {
    var sev = el.severity.value, layer = el.layer.value, service = el.service.value, file = el.file.value;
    var q = el.text.value.trim().toLowerCase();
    var sevN = sev === '' ? -1 : +sev, layerN = layer === '' ? -1 : +layer, fileN = file === '' ? -1 : +file;
    matching = [];
    for (var g = 0; g < RULES.length; g++) { matching.push([]); }
    for (var i = 0; i < n; i++) {
      var f = F[i], r = RULES[f[F_RULE]];
      if (sevN >= 0 && f[F_SEV] !== sevN) { continue; }
      if (layerN >= 0 && r[R_LAYER] !== layerN) { continue; }
      if (service && r[R_SERVICE] !== service) { continue; }
      if (fileN >= 0 && f[F_FILE] !== fileN) { continue; }
      if (q && searchText(i).indexOf(q) < 0) { continue; }
      matching[f[F_RULE]].push(i);
    }
    render();
  }

  function groupKey(g, key) {
    var m = matching[g], r = RULES[g];
    switch (key) {
      case 'severity': {
        var best = SEV.length;
        for (var i = 0; i < m.length; i++) { if (F[m[i]][F_SEV] < best) { best = F[m[i]][F_SEV]; } }
        return best;
      }
      case 'rule': return r[R_ID];
      case 'title': return r[R_TITLE].toLowerCase();
      case 'layer': return r[R_LAYER];
      case 'service': return r[R_SERVICE].toLowerCase();
      case 'findings': return -m.length;
      case 'files': return -distinctFiles(m);
    }
    return 0;
  }
  function distinctFiles(m) {
    var seen = {}, c = 0;
    for (var i = 0; i < m.length; i++) { var f = F[m[i]][F_FILE]; if (!seen[f]) { seen[f] = 1; c++; } }
    return c;
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function findingKey(i, key) {
    var f = F[i];
    switch (key) {
      case 'severity': return f[F_SEV];
      case 'location': return FILES[f[F_FILE]];
      case 'resource': return f[F_RES].toLowerCase();
      case 'message': return f[F_MSG].toLowerCase();
    }
    return 0;
  }
  // Findings in a file are in line order; that order breaks every tie.
  function byFinding(a, b) {
    var c = cmp(findingKey(a, innerSort.key), findingKey(b, innerSort.key)) * innerSort.dir;
    if (c) { return c; }
    c = cmp(FILES[F[a][F_FILE]], FILES[F[b][F_FILE]]);
    return c || F[a][F_LINE] - F[b][F_LINE] || a - b;
  }

  function header(cols, sort, cls) {
    var h = '<thead><tr>';
    cols.forEach(function (c) {
      var cl = c[1] && c[1] === sort.key ? (sort.dir > 0 ? ' class="asc"' : ' class="desc"') : '';
      h += '<th' + (c[1] ? ' data-sort="' + c[1] + '" data-table="' + cls + '"' : '') + cl +
        (c[2] ? ' style="width:' + c[2] + '"' : '') + '>' + esc(c[0]) + '</th>';
    });
    return h + '</tr></thead>';
  }

  var GROUP_COLS = [[t('col.severity'), 'severity', '110px'], [t('col.rule'), 'rule', '150px'],
    [t('col.title'), 'title', ''], [t('col.layer'), 'layer', '110px'], [t('col.service'), 'service', '130px'],
    [t('col.findings'), 'findings', '90px'], [t('col.files'), 'files', '70px']];
  var INNER_COLS = [[t('col.severity'), 'severity', '100px'], [t('col.location'), 'location', '32%'],
    [t('col.resource'), 'resource', '20%'], [t('col.message'), 'message', ''], ['', '', '70px']];

  function render() {
    var groups = [], shown = 0;
    for (var g = 0; g < RULES.length; g++) {
      if (matching[g].length) { groups.push(g); shown += matching[g].length; }
    }
    var keys = {};
    groups.forEach(function (g) { keys[g] = [groupKey(g, groupSort.key), groupKey(g, 'severity'), -matching[g].length]; });
    groups.sort(function (a, b) {
      return cmp(keys[a][0], keys[b][0]) * groupSort.dir || cmp(keys[a][1], keys[b][1]) ||
        cmp(keys[a][2], keys[b][2]) || cmp(RULES[a][R_ID], RULES[b][R_ID]);
    });
    var h = '<table id="groups">' + header(GROUP_COLS, groupSort, 'groups') + '<tbody>';
    groups.forEach(function (g) {
      var r = RULES[g], m = matching[g];
      h += '<tr class="group' + (open[g] ? ' open' : '') + '" tabindex="0" aria-expanded="' + !!open[g] +
        '" data-g="' + g + '" title="' +
        esc(t('group.expand', {rule: r[R_ID]})) + '"><td>' + sevBadge(keys[g][1]) + '</td><td><b>' + esc(r[R_ID]) +
        '</b></td><td>' + esc(r[R_TITLE]) + '</td><td>' + esc(t('layer.' + LAYERS[r[R_LAYER]])) + '</td><td>' +
        esc(r[R_SERVICE]) + '</td><td class="num count">' + m.length + '</td><td class="num">' + distinctFiles(m) +
        '</td></tr>';
      if (open[g]) { h += members(g); }
    });
    h += '</tbody></table>';
    if (!groups.length) { h += '<p>' + esc(t(n ? 'findings.none_match' : 'findings.none')) + '</p>'; }
    document.getElementById('findings').innerHTML = h;
    document.getElementById('shown').textContent = String(shown);
    document.getElementById('shown-summary').textContent =
      t('findings.shown', {shown: shown, total: n, groups: groups.length});
  }

  // The listed findings of an open rule, in a nested table.
  function members(g) {
    var m = matching[g].slice().sort(byFinding);
    var limit = listed[g] || PAGE;
    var h = '<tr class="members"><td colspan="7"><table class="inner">' + header(INNER_COLS, innerSort, 'inner') +
      '<tbody>';
    for (var k = 0; k < m.length && k < limit; k++) {
      var i = m[k], f = F[i];
      var msg = md(f[F_MSG]);
      if (f[F_WHEN]) { msg += ' <span class="muted">(' + esc(t('finding.when', {condition: f[F_WHEN]})) + ')</span>'; }
      h += '<tr class="finding" data-i="' + i + '"><td>' + sevBadge(f[F_SEV]) + '</td><td>' +
        loc(f[F_FILE], f[F_LINE], f[F_COL]) + '</td><td>' + (f[F_RES] ? esc(f[F_RES]) + ' <span class="muted">(' +
        esc(f[F_KIND]) + ')</span>' : '') + '</td><td>' + msg + '</td><td><button class="toggle" type="button" data-i="' +
        i + '">' + esc(t(details[i] ? 'finding.hide' : 'finding.details')) + '</button></td></tr>';
      if (details[i]) { h += detail(i); }
    }
    h += '</tbody></table>';
    if (m.length > limit) {
      h += '<button class="more" type="button" data-g="' + g + '">' +
        esc(t('group.more', {count: Math.min(PAGE, m.length - limit)})) + '</button>';
    }
    return h + '</td></tr>';
  }

  // A finding's snippet, related locations, fix and rule information.
  function detail(i) {
    var f = F[i], r = RULES[f[F_RULE]];
    var h = '<tr class="detail"><td colspan="5">';
    var s = f[F_SNIP] >= 0 ? P.snippets[f[F_SNIP]] : null;
    if (s) {
      var lines = s[3].split('\n'), pre = '';
      for (var k = 0; k < lines.length; k++) {
        var no = s[0] + k, text = ('     ' + no).slice(-5) + ' | ' + esc(lines[k]);
        pre += no >= s[1] && no <= s[2] ? '<span class="hl">' + text + '</span>\n' : text + '\n';
      }
      h += '<pre>' + pre + '</pre>';
    } else {
      h += '<p class="muted">' + esc(t('finding.no_source')) + '</p>';
    }
    var rel = f[F_REL];
    if (rel.length) {
      h += '<b>' + esc(t('finding.related')) + '</b><ul class="related">';
      rel.forEach(function (x) { h += '<li>' + loc(x[0], x[1], x[2]) + ' — ' + md(x[3]) + '</li>'; });
      h += '</ul>';
    }
    h += '<p class="fix"><b>' + esc(t('finding.fix')) + ':</b> ' + md(r[R_FIX]) + '</p><p class="muted">' +
      esc(t('finding.rule_info', {slug: r[R_SLUG], controls: r[R_CONTROLS], wa: r[R_WA]})) + '</p></td></tr>';
    return h;
  }

  document.getElementById('findings').addEventListener('click', function (e) {
    var x = e.target.closest('th[data-sort], button.toggle, button.more, tr.group');
    if (!x) { return; }
    if (x.tagName === 'TH') {
      var sort = x.getAttribute('data-table') === 'groups' ? groupSort : innerSort;
      var key = x.getAttribute('data-sort');
      sort.dir = sort.key === key ? -sort.dir : 1;
      sort.key = key;
    } else if (x.classList.contains('toggle')) {
      var i = +x.getAttribute('data-i');
      details[i] = !details[i];
    } else if (x.classList.contains('more')) {
      var g = +x.getAttribute('data-g');
      listed[g] = (listed[g] || PAGE) + PAGE;
    } else {
      var gg = +x.getAttribute('data-g');
      open[gg] = !open[gg];
    }
    render();
  });
  // A focused rule opens and closes with Enter or Space too; focus stays on it.
  document.getElementById('findings').addEventListener('keydown', function (e) {
    var row = e.target.closest && e.target.closest('tr.group');
    if (!row || (e.key !== 'Enter' && e.key !== ' ')) { return; }
    e.preventDefault();
    var g = +row.getAttribute('data-g');
    open[g] = !open[g];
    render();
    var again = document.querySelector('tr.group[data-g="' + g + '"]');
    if (again) { again.focus(); }
  });
  ['severity', 'layer', 'service', 'file'].forEach(function (k) { el[k].addEventListener('change', apply); });
  el.text.addEventListener('input', apply);
  document.getElementById('f-reset').addEventListener('click', function () {
    ['severity', 'layer', 'service', 'file', 'text'].forEach(function (k) { el[k].value = ''; });
    apply();
  });

  // The posture view selector: one view or all.
  var view = document.getElementById('f-view');
  if (view) {
    view.addEventListener('change', function () {
      var views = document.querySelectorAll('[data-view]');
      for (var k = 0; k < views.length; k++) {
        views[k].hidden = view.value !== '' && views[k].getAttribute('data-view') !== view.value;
      }
      document.getElementById('posture-views').classList.toggle('single', view.value !== '');
    });
  }

  // The list of findings not shown, rendered when first opened.
  var sup = document.getElementById('suppressed-list');
  if (sup) {
    sup.addEventListener('toggle', function () {
      if (!sup.open || sup.getAttribute('data-rendered')) { return; }
      var h = '<table class="suppressed">' + header([[t('col.severity'), '', '100px'], [t('col.rule'), '', '150px'],
        [t('col.location'), '', '30%'], [t('col.message'), '', ''], [t('suppressed.by'), '', '22%']], {}, '') +
        '<tbody>';
      P.suppressed.forEach(function (s) {
        h += '<tr><td>' + sevBadge(s[1]) + '</td><td>' + esc(s[0]) + '</td><td><span class="path" title="' + esc(s[2]) +
          '">' + esc(s[2]) + ':' + s[3] + '</span>' + (s[4] ? '<br>' + esc(s[4]) : '') + '</td><td>' + md(s[7]) +
          '</td><td>' + esc(t('suppressed.kind.' + s[5])) + ': ' + esc(s[6]) + '</td></tr>';
      });
      sup.insertAdjacentHTML('beforeend', h + '</tbody></table>');
      sup.setAttribute('data-rendered', '1');
    });
  }

  apply();
  document.body.setAttribute('data-ready', '1');
})();
