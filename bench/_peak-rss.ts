/**
 * Preloaded into the `sphere` process the reports bench starts (`node --import tsx --import
 * ./bench/_peak-rss.ts bin/sphere.js …`): at exit it writes the process's peak RSS
 * (`process.resourceUsage().maxRSS`, the kernel's high-water mark, so no sample can miss a peak)
 * and its CPU time to the file named by `SPHERE_BENCH_RSS_FILE`. Nothing else changes.
 * @module
 */
import { writeFileSync } from 'node:fs'

const file = process.env.SPHERE_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    writeFileSync(
      file,
      JSON.stringify({
        maxRssBytes: u.maxRSS * 1024,
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
      }),
    )
  })
}
