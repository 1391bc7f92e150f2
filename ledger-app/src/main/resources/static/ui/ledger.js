/* 绩效账本 — the 元/万元 toggle (remembered in localStorage), long-text clamps, the charts (budget and score
   waterfalls, execution curve) and the 自评表's lineage rows (fetched when first opened). No page has inline
   script (the Content-Security-Policy forbids it): the charts' data comes from the data-charts attribute. */
(function () {
  'use strict';
  var KEY = 'perfledger.moneyUnit';
  var charts = [];

  function storedUnit() {
    try { return localStorage.getItem(KEY) === 'wan' ? 'wan' : 'yuan'; } catch (e) { return 'yuan'; }
  }

  function applyUnit(unit) {
    document.querySelectorAll('.money').forEach(function (el) {
      var text = el.getAttribute(unit === 'wan' ? 'data-wan' : 'data-yuan');
      if (text !== null) { el.textContent = text; }
    });
    document.querySelectorAll('.unit').forEach(function (el) { el.textContent = unit === 'wan' ? '万元' : '元'; });
    document.querySelectorAll('[data-unit-btn]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-unit-btn') === unit));
    });
    document.documentElement.setAttribute('data-unit', unit);
    charts.forEach(function (c) { c.render(unit); });
  }

  function initToggle() {
    document.querySelectorAll('[data-unit-btn]').forEach(function (b) {
      b.addEventListener('click', function () {
        var unit = b.getAttribute('data-unit-btn');
        try { localStorage.setItem(KEY, unit); } catch (e) { /* private mode: not remembered */ }
        applyUnit(unit);
      });
    });
  }

  function initClamps() {
    document.querySelectorAll('.clamp').forEach(function (el) {
      if (el.scrollHeight <= el.clientHeight + 2) { return; }
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'clamp-toggle';
      btn.textContent = '展开';
      btn.addEventListener('click', function () {
        var open = el.classList.toggle('open');
        btn.textContent = open ? '收起' : '展开';
      });
      el.insertAdjacentElement('afterend', btn);
    });
  }

  /* thousands separators and two decimals, as the seeds print figures */
  function fmt(v) {
    if (v === null || v === undefined || v === '-') { return '—'; }
    return Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function axisFmt(v) {
    return Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  /* scores: as the form prints them, no trailing zeros (an unrounded score up to six decimals) */
  function scoreFmt(v) {
    return String(parseFloat(Number(v).toFixed(6)));
  }

  /* Charts get data only, and what users typed (文号, 调整原因, names) never becomes markup: a tooltip is built
     as elements whose text is set with textContent, by textTooltip(), and every chart is drawn through render(),
     which refuses a tooltip without such a formatter (ECharts would insert a formatter's string, and its own
     default tooltip, as HTML). So a new chart cannot hand user text to innerHTML by forgetting to escape it. */
  var TEXT_ONLY = '__ledgerTextOnly';

  /* describe(params) returns {title: text, rows: [{color: css colour or null, text: text}]} */
  function textTooltip(describe) {
    var formatter = function (params) {
      var content = describe(params);
      var box = document.createElement('div');
      var title = document.createElement('div');
      title.className = 'tip-title';
      title.textContent = content.title;
      box.appendChild(title);
      content.rows.forEach(function (row) {
        var line = document.createElement('div');
        if (row.color) {
          var marker = document.createElement('span');
          marker.className = 'tip-marker';
          marker.style.backgroundColor = row.color;
          line.appendChild(marker);
        }
        line.appendChild(document.createTextNode(row.text));
        box.appendChild(line);
      });
      return box;
    };
    formatter[TEXT_ONLY] = true;
    return formatter;
  }

  function render(chart, option) {
    var tooltips = [option.tooltip].concat((option.series || []).map(function (s) { return s.tooltip; }));
    tooltips.forEach(function (tooltip) {
      if (tooltip && tooltip.show !== false && !(tooltip.formatter && tooltip.formatter[TEXT_ONLY])) {
        throw new Error('图表提示框须由 textTooltip() 生成：用户文本不得作为 HTML 插入');
      }
    });
    chart.setOption(option, true);
  }

  /* opts.money: amounts (follow the 元/万元 toggle); otherwise scores (分). opts.note: id of the note under it. */
  function waterfallChart(el, data, opts) {
    opts = opts || { money: true, note: 'chart-waterfall-note' };
    var chart = window.echarts.init(el);
    var adjustmentBars = data.categories.length > 2;
    var many = data.categories.length > 12;
    var valueFmt = opts.money ? fmt : scoreFmt;
    return {
      chart: chart,
      render: function (unit) {
        var div = opts.money && unit === 'wan' ? 10000 : 1;
        var unitName = opts.money ? (unit === 'wan' ? '万元' : '元') : '分';
        function scale(arr, hideZero, isBase) {
          return arr.map(function (v, i) {
            if (isBase && data.total[i] > 0) { return '-'; }
            if (hideZero && !v) { return '-'; }
            return v / div;
          });
        }
        render(chart, {
          animation: false,
          grid: { left: 10, right: 16, top: 36, bottom: 8, containLabel: true },
          legend: { data: opts.money ? ['预算', '调增', '调减'] : ['得分', '增加', '减少'], top: 0 },
          tooltip: {
            trigger: 'axis', axisPointer: { type: 'shadow' },
            formatter: textTooltip(function (params) {
              var rows = [];
              params.forEach(function (p) {
                if (p.seriesName !== '辅助' && p.value !== '-' && p.value !== undefined) {
                  rows.push({ color: p.color, text: p.seriesName + '：' + valueFmt(p.value) + ' ' + unitName });
                }
              });
              return { title: data.tips[params[0].dataIndex], rows: rows };
            })
          },
          xAxis: {
            type: 'category', data: data.categories,
            axisLabel: many
              ? { interval: 0, rotate: 45, width: 90, overflow: 'truncate', fontSize: 10, lineHeight: 12 }
              : { interval: 0, width: Math.max(48, el.clientWidth / data.categories.length - 12),
                overflow: 'break', fontSize: 11, lineHeight: 13 }
          },
          yAxis: {
            type: 'value', name: unitName, scale: adjustmentBars,
            axisLabel: { formatter: opts.money ? axisFmt : scoreFmt }
          },
          series: [
            { name: '辅助', type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' },
              emphasis: { disabled: true }, data: scale(data.base, false, true) },
            { name: opts.money ? '预算' : '得分', type: 'bar', stack: 'w', itemStyle: { color: '#3b6fb6' }, barMaxWidth: 60, labelLayout: { hideOverlap: true },
              label: { show: true, position: 'top', formatter: function (p) { return valueFmt(p.value); } },
              data: scale(data.total, true) },
            { name: opts.money ? '调增' : '增加', type: 'bar', stack: 'w', itemStyle: { color: '#2e9e6a' }, barMaxWidth: 60, labelLayout: { hideOverlap: true },
              label: { show: !many, position: 'top', formatter: function (p) { return '+' + valueFmt(p.value); } },
              data: scale(data.up, true) },
            { name: opts.money ? '调减' : '减少', type: 'bar', stack: 'w', itemStyle: { color: '#d64545' }, barMaxWidth: 60, labelLayout: { hideOverlap: true },
              label: { show: !many, position: 'bottom', formatter: function (p) { return '−' + valueFmt(p.value); } },
              data: scale(data.down, true) }
          ]
        });
        var note = opts.note && document.getElementById(opts.note);
        if (note && opts.money) {
          note.textContent = adjustmentBars ? '纵轴未从零开始，以便看清各项调整；悬停查看文号、日期与理由。'
            : '本基准下没有预算调整：年初预算即全年预算。';
        } else if (note) {
          note.textContent = '绿色为使得分增加的记录组，红色为使得分减少的记录组；悬停查看每组的记录类型、对象与月份。';
        }
      }
    };
  }

  function executionChart(el, data) {
    var chart = window.echarts.init(el);
    var max = 100;
    data.rate.concat(data.required).forEach(function (v) { if (v !== null && v > max) { max = v; } });
    data.notices.forEach(function (n) { if (n.value > max) { max = n.value; } });
    return {
      chart: chart,
      render: function () {
        render(chart, {
          animation: false,
          grid: { left: 10, right: 16, top: 36, bottom: 8, containLabel: true },
          legend: { data: ['累计执行率', '序时进度', '财政通报'], top: 0 },
          tooltip: {
            trigger: 'axis',
            formatter: textTooltip(function (params) {
              var rows = [];
              params.forEach(function (p) {
                if (p.seriesName === '财政通报') {
                  var n = p.data.notice;
                  rows.push({ color: p.color, text: n.documentNo + '（' + n.date + '）要求进度 ' + n.required
                    + '，通报进度率 ' + n.published + '，账本执行率 ' + n.ledger });
                } else if (p.value !== null && p.value !== undefined) {
                  rows.push({ color: p.color, text: p.seriesName + '：' + Number(p.value).toFixed(2) + '%' });
                }
              });
              return { title: params[0].axisValue, rows: rows };
            })
          },
          xAxis: { type: 'category', data: data.months, boundaryGap: false },
          yAxis: { type: 'value', min: 0, max: Math.ceil(max / 10) * 10, axisLabel: { formatter: '{value}%' } },
          series: [
            { name: '累计执行率', type: 'line', data: data.rate, symbolSize: 6, itemStyle: { color: '#1d5fa8' },
              lineStyle: { width: 3 },
              // the curve stops at the 评价基准日: later months are not known yet at this basis
              markLine: data.basisMonth ? { symbol: 'none', silent: true, lineStyle: { color: '#c62828', type: 'dotted' },
                label: { formatter: '评价基准日 ' + data.basis, position: 'insideEndTop', color: '#c62828' },
                data: [{ xAxis: data.basisMonth }] } : undefined },
            { name: '序时进度', type: 'line', data: data.required, symbol: 'none', itemStyle: { color: '#8a96a3' },
              lineStyle: { type: 'dashed' } },
            { name: '财政通报', type: 'scatter', symbol: 'diamond', symbolSize: 15, z: 5,
              itemStyle: { color: '#e08a00', borderColor: '#fff', borderWidth: 1 },
              data: data.notices.map(function (n) { return { value: [n.month, n.value], notice: n }; }) }
          ]
        });
      }
    };
  }

  /* the page's chart data: JSON in the data-charts attribute of #ledger-charts (HTML-escaped by the template) */
  function chartData() {
    var carrier = document.getElementById('ledger-charts');
    var json = carrier && carrier.getAttribute('data-charts');
    return json ? JSON.parse(json) : null;
  }

  function initCharts() {
    var data = chartData();
    if (!data || !window.echarts) {
      if (data) {
        document.querySelectorAll('.chart').forEach(function (el) {
          el.textContent = '图表组件未能加载（ECharts），表格数据不受影响。';
        });
      }
      return;
    }
    var w = document.getElementById('chart-waterfall');
    if (w && data.waterfall) { charts.push(waterfallChart(w, data.waterfall, { money: true, note: 'chart-waterfall-note' })); }
    var e = document.getElementById('chart-execution');
    if (e && data.execution) { charts.push(executionChart(e, data.execution)); }
    var r = document.getElementById('chart-reconciliation');
    if (r && data.reconciliation) {
      charts.push(waterfallChart(r, data.reconciliation, { money: true, note: 'chart-reconciliation-note' }));
    }
    var y = document.getElementById('chart-why');
    if (y && data.why) { charts.push(waterfallChart(y, data.why, { money: false, note: 'chart-why-note' })); }
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.chart.resize(); }); });
  }

  /* 自评表: "溯源" unfolds the collapsed row under the item; its panel is fetched the first time. Without
     script the link opens the item's lineage page instead. */
  function initLineage() {
    document.querySelectorAll('[data-lineage-toggle]').forEach(function (link) {
      link.addEventListener('click', function (ev) {
        var row = document.getElementById(link.getAttribute('data-lineage-toggle'));
        if (!row) { return; }
        ev.preventDefault();
        var open = row.classList.toggle('open');
        link.setAttribute('aria-expanded', String(open));
        link.textContent = open ? '收起' : '溯源';
        var panel = row.querySelector('[data-src]');
        if (!open || !panel || panel.getAttribute('data-loaded')) { return; }
        panel.setAttribute('data-loaded', 'loading');
        panel.textContent = '正在加载得分溯源…';
        fetch(panel.getAttribute('data-src'), { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
          .then(function (response) {
            if (!response.ok) { throw new Error('HTTP ' + response.status); }
            return response.text();
          })
          .then(function (html) {
            // the server's own item-panel template (every text escaped there), same origin; under the CSP
            // nothing in it could run
            panel.innerHTML = html;
            panel.setAttribute('data-loaded', 'yes');
            applyUnit(storedUnit());
          })
          .catch(function (error) {
            panel.removeAttribute('data-loaded');
            panel.textContent = '得分溯源加载失败（' + error.message + '）。';
            var a = document.createElement('a');
            a.href = link.getAttribute('href');
            a.textContent = '打开得分溯源页';
            panel.appendChild(a);
          });
      });
    });
  }

  /* a link to "#lineage-CODE" opens that row's lineage */
  function openLineageFromHash() {
    var hash = window.location.hash;
    if (hash.indexOf('#lineage-') !== 0) { return; }
    var id = decodeURIComponent(hash.substring(1));
    var link = document.querySelector('[data-lineage-toggle="' + id.replace(/["\\]/g, '') + '"]');
    if (link) { link.click(); }
  }

  function initCopy() {
    document.querySelectorAll('[data-copy-target]').forEach(function (button) {
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        if (!source || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(source.textContent).then(function () {
          button.textContent = '已复制';
        }, function () {
          button.textContent = '复制失败，请手动选中复制';
        });
      });
    });
  }

  /* 打印: the page's own print stylesheet (A4 landscape) does the layout; charts are redrawn at the paper's width */
  function initPrint() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
    window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.chart.resize(); }); });
    window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.chart.resize(); }); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initToggle();
    initCharts();
    applyUnit(storedUnit());
    initClamps();
    initLineage();
    openLineageFromHash();
    initCopy();
    initPrint();
  });
})();
