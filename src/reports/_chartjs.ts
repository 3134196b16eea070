/**
 * Chart.js 4 (MIT), bundled into the HTML report as its UMD build so that the report stays one
 * file that draws its charts offline. Read once from the installed package; its source-map comment
 * is dropped (the map is not shipped, and the report may fetch nothing).
 * @module
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let text: string | undefined

/** The Chart.js UMD build (defines `window.Chart`), as inlined into the report. */
export function chartJs(): string {
  if (text === undefined) {
    const main = createRequire(import.meta.url).resolve('chart.js')
    text = readFileSync(join(dirname(main), 'chart.umd.js'), 'utf8')
      .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
      // A script element's text cannot hold `</script` (it has none; this keeps it so).
      .replace(/<\/script/gi, '<\\/script')
  }
  return text
}
