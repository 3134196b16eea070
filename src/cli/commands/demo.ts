/**
 * `sphere demo`: starts the emulator with the demo world on a free loopback port, scans it through
 * the real client over HTTP, prints the text report and writes the HTML report.
 * @module
 */
import { checks } from '../../checks/index.ts'
import { createSession } from '../../clients/core/session.ts'
import { passwordCloudConfig } from '../../config/cloud-config.ts'
import { loginFor, startEmulator } from '../../emulator/index.ts'
import { ScanEvaluator } from '../../engine/run-scan.ts'
import { scanClouds } from '../../engine/scan-clouds.ts'
import { loadScanConfig } from '../../engine/scan-config.ts'
import { loadShippedLifecycles } from '../../lifecycle/shipped.ts'
import { renderHtml } from '../../reports/html.ts'
import { renderText } from '../../reports/text.ts'
import { loadResponsibilityModel } from '../../responsibility/load.ts'
import { loadDemoHostReports } from '../_demo-hosts.ts'
import { outputTarget, writeOutput } from '../_files.ts'
import { progressLine } from '../_scan-output.ts'
import { defineCommand, EXIT } from '../command.ts'
import { version } from '../main.ts'
import { useColor } from '../tty.ts'
import { worldFromFlags } from './emulator.ts'

const isBuiltIn = (flag: unknown) => flag === undefined || flag === 'demo'

export default defineCommand({
  name: 'demo',
  summary: 'Scan a built-in demo cloud (local emulator) and write an HTML report',
  usage: 'sphere demo [--world demo|FILE] [--html FILE]',
  help: `Starts the local emulator with the demo world (a small company with good and bad practice for
every duty) on a free 127.0.0.1 port, scans it through the real API client exactly as
\`sphere scan\` scans a cloud, prints the report and writes the self-contained HTML report.
The demo world comes with host reports for some of its servers (src/emulator/worlds/demo-hosts/),
read as \`sphere scan --host-reports\` reads them: the in-VM duties get real verdicts there and
\`manual\` on servers without a report.

Options:
  --world <name|file>  world to serve (default: demo)
  --html <file>        where to write the HTML report (default: ./sphere-report.html)
  -h, --help           show this help`,
  options: { world: { type: 'string' }, html: { type: 'string' } },
  async run({ values }, io) {
    const world = worldFromFlags({ world: values.world }, io.cwd)
    // Checked before the emulator starts: a path that cannot be written stops the demo at once.
    const html = outputTarget('--html', values.html ?? 'sphere-report.html', io.cwd)
    // With the model, before the cloud is read (lifecycle/shipped.ts).
    loadShippedLifecycles()
    const emu = await startEmulator({ world, port: 0 })
    try {
      const login = loginFor(world)
      const config = passwordCloudConfig({ authUrl: emu.authUrl, ...login })
      const session = createSession(config, { signal: io.signal })
      const startedAt = new Date()
      const progress = progressLine(io)
      const evaluator = new ScanEvaluator({
        checks,
        model: loadResponsibilityModel(),
        settings: loadScanConfig().settings,
        tool: { name: 'sphere', version: version() },
        startedAt,
        now: startedAt,
        ...(io.signal ? { signal: io.signal } : {}),
        // Only the built-in demo world has host reports (their instance ids are its servers').
        ...(world.name === 'demo' && isBuiltIn(values.world)
          ? { hostReports: loadDemoHostReports(startedAt) }
          : {}),
      })
      // The whole organisation: every project the demo user reaches, in every region.
      const notes = await scanClouds(
        [{ name: 'demo', session }],
        {
          selection: { allProjects: true, regions: 'all' },
          signal: io.signal,
          onProgress: (p) => progress.update(p, 0),
        },
        (s) => evaluator.addAsync(s),
      ).finally(() => progress.done())
      const result = evaluator.finish(new Date(), notes)
      io.stdout.write(
        `Sphere demo: scanned the "${world.name}" world served by the local emulator at ${emu.url}\n\n`,
      )
      io.stdout.write(renderText(result, { color: useColor(io.stdout, io.env) }))
      writeOutput(html, renderHtml(result), io.signal)
      io.stdout.write(`\nHTML report: ${html.path}\n`)
      return EXIT.ok
    } finally {
      await emu.close()
    }
  },
})
