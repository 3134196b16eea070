/**
 * How fast the HTML report is for a person, in headless Chromium (playwright-core, as the
 * browser tests use it): the time from opening the file to the first page of findings and to the
 * charts, and the time each interaction takes until the next frame is drawn (filter by severity,
 * by status, search, the by-check view, sorting a column). Measured, never asserted.
 * @module
 */
import { existsSync, statSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from 'playwright-core'

/** Where Chromium is; `SPHERE_CHROMIUM` overrides. */
export const CHROMIUM = process.env.SPHERE_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a headless Chromium on a shared machine (as the browser tests use). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** One interaction: its handler's own time and the time until the next frame. */
export interface Interaction {
  name: string
  handlerMs: number
  frameMs: number
  /** The report's status line after it (`Showing 1–100 of …`). */
  info: string
}

/** What {@link htmlTimings} measured. */
export interface HtmlTimings {
  bytes: number
  /** Open → the first page of findings is in the table. */
  firstFindingsMs: number
  /** Open → the four charts are drawn. */
  chartsMs: number
  interactions: Interaction[]
  /** The page's JS heap after the interactions. */
  jsHeapBytes: number | null
}

/** An interaction run inside the page; a string so that it is the page's own code. */
const ACTIONS: [string, string][] = [
  ['severity = critical', "set('f-severity', 'critical')"],
  ['+ status = fail', "set('f-status', 'fail')"],
  ['reset', "click('f-reset')"],
  ['by check', "click('view-check')"],
  ['list', "click('view-list')"],
  [
    'sort by resource',
    "document.querySelector('#findings button.sort[data-key=resource]').click()",
  ],
  [
    'sort by resource, descending',
    "document.querySelector('#findings button.sort[data-key=resource]').click()",
  ],
  ['reset', "click('f-reset')"],
]

async function interact(page: Page, name: string, action: string): Promise<Interaction> {
  const [handlerMs, frameMs, info] = await page.evaluate<[number, number, string]>(
    `new Promise(function (done) {
      function set(id, v) { var s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event('change')); }
      function click(id) { document.getElementById(id).click(); }
      var t0 = performance.now();
      ${action};
      var t1 = performance.now();
      requestAnimationFrame(function () { setTimeout(function () {
        done([t1 - t0, performance.now() - t0, document.getElementById('f-info').textContent]);
      }, 0); });
    })`,
  )
  return { name, handlerMs, frameMs, info }
}

/** Search: typed text waits 150 ms (debounce) before it filters; the time includes that wait. */
async function search(page: Page, q: string): Promise<Interaction> {
  const [handlerMs, frameMs, info] = await page.evaluate<[number, number, string]>(
    `new Promise(function (done) {
      var info = document.getElementById('f-info'), before = info.textContent, q = document.getElementById('f-q');
      var t0 = performance.now();
      q.value = ${JSON.stringify(q)};
      q.dispatchEvent(new Event('input'));
      var t1 = performance.now();
      var obs = new MutationObserver(function () {
        if (info.textContent === before) return;
        obs.disconnect();
        requestAnimationFrame(function () { setTimeout(function () { done([t1 - t0, performance.now() - t0, info.textContent]); }, 0); });
      });
      obs.observe(info, { childList: true, characterData: true, subtree: true });
    })`,
  )
  return { name: `search "${q}" (incl. 150 ms debounce)`, handlerMs, frameMs, info }
}

/** Opens the report in Chromium and measures it. */
export async function htmlTimings(file: string, query = 'mfa'): Promise<HtmlTimings> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set SPHERE_CHROMIUM)`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const t0 = Date.now()
    await page.goto(pathToFileURL(file).href, { timeout: 120_000 })
    await page.waitForSelector('#findings-body tr.finding', { timeout: 120_000 })
    const firstFindingsMs = Date.now() - t0
    await page.waitForSelector('html[data-charts]', { timeout: 120_000 })
    const chartsMs = Date.now() - t0
    const interactions: Interaction[] = []
    for (const [name, action] of ACTIONS) interactions.push(await interact(page, name, action))
    interactions.push(await search(page, query))
    const jsHeapBytes = await page.evaluate(
      '(performance.memory && performance.memory.usedJSHeapSize) || null',
    )
    return {
      bytes: statSync(file).size,
      firstFindingsMs,
      chartsMs,
      interactions,
      jsHeapBytes: jsHeapBytes as number | null,
    }
  } finally {
    await browser.close()
  }
}
