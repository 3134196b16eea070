/**
 * The HTML report's stylesheet (inline, no fonts or images to fetch).
 * @module
 */

/** CSS of the report. Status classes: `st-not_met`, `st-unknown`, `st-met`, `st-inherited`, `st-none`. */
export const HTML_STYLE = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f6f7fa;--card:#fff;
--nm:#b3261e;--nm-bg:#fde7e4;--un:#8a5a00;--un-bg:#fff3d6;--me:#1f7a3a;--me-bg:#e3f4e8;
--in:#2f5597;--in-bg:#e6edf9;--no:#5b6475;--no-bg:#eef0f4}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1280px;margin:0 auto;padding:16px 24px}
header{padding-top:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
section h2:first-child{margin-top:0}summary{cursor:pointer}summary h2{display:inline;margin:0}
.meta{color:var(--muted);font-size:13px;word-break:break-all}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:14px}
.card{border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.st-not_met{background:var(--nm-bg);color:var(--nm)}.st-unknown{background:var(--un-bg);color:var(--un)}
.st-met{background:var(--me-bg);color:var(--me)}.st-inherited{background:var(--in-bg);color:var(--in)}
.st-none{background:var(--no-bg);color:var(--no)}
.badge{display:inline-block;border-radius:4px;padding:1px 6px;font-size:12px;font-weight:600;white-space:nowrap}
.sphere td.cell{text-align:center;font-weight:600;border:2px solid var(--card)}
.sphere td.layer{white-space:nowrap}
.legend{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px;font-size:12px}
.s-fail{color:var(--nm);font-weight:600}.s-error{color:var(--un);font-weight:600}
.s-manual{color:var(--in)}.s-muted{color:var(--muted);font-style:italic}.s-pass{color:var(--me)}
.s-not_applicable{color:var(--muted)}
.sev-critical{color:#7b1fa2;font-weight:700}.sev-high{color:var(--nm);font-weight:600}
.sev-medium{color:var(--un)}.sev-low,.sev-info{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin-bottom:10px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
select{max-width:280px}select,input,button{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--fg)}
button{cursor:pointer}button:disabled{opacity:.5;cursor:default}
.pager{display:flex;gap:10px;align-items:center;margin-top:10px;color:var(--muted)}
.rid{color:var(--muted);font-size:12px;word-break:break-all}
.msg{word-break:break-word}
pre{white-space:pre-wrap;word-break:break-word;background:var(--bg);padding:8px;border-radius:4px;margin:4px 0}
.details td{background:var(--bg)}
.muted{color:var(--muted)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.small{font-size:12px}h3{font-size:15px;margin:18px 0 8px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:14px}
.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:10px}
.chart figcaption{font-weight:600;font-size:13px;margin-bottom:6px}
.chart .canvas{position:relative;height:230px}
.scroll{overflow-x:auto}
.matrix{width:auto}.matrix td.cell{text-align:center;font-weight:700;min-width:28px;border:2px solid var(--card)}
.matrix th.rot{vertical-align:bottom;text-transform:none;letter-spacing:0;font-weight:500;white-space:nowrap}
.matrix th.rot span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block}
.notice{background:var(--un-bg);color:var(--un);border-radius:6px;padding:8px 12px}
.views{display:flex}.views button{border-radius:0}.views button:first-child{border-radius:4px 0 0 4px}
.views button:last-child{border-radius:0 4px 4px 0}.views button[aria-pressed="true"]{background:var(--in-bg);color:var(--in);font-weight:600}
th button.sort{border:0;background:none;padding:0;font:inherit;color:inherit;text-transform:inherit;letter-spacing:inherit;cursor:pointer}
th[aria-sort="ascending"] button.sort::after{content:" ▲"}th[aria-sort="descending"] button.sort::after{content:" ▼"}
table.inner{margin:4px 0 8px}table.inner td{border-bottom:1px dashed var(--line)}
td.count{font-weight:700}td.scope{white-space:nowrap}
@media print{.filters,.pager,button{display:none}section{break-inside:avoid}}
`
