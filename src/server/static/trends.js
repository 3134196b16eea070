// Draws the trend charts from the page's JSON data block (no inline script: CSP script-src 'self').
;(() => {
  const block = document.getElementById('page-data')
  if (!block || typeof Chart === 'undefined') return
  const points = JSON.parse(block.textContent || '[]')
  const labels = points.map((p) => `#${p.scanId} ${p.startedAt.slice(0, 16).replace('T', ' ')}`)
  const colours = {
    critical: '#991b1b',
    high: '#ea580c',
    medium: '#ca8a04',
    low: '#2563eb',
    info: '#64748b',
  }
  const common = { responsive: true, maintainAspectRatio: false, animation: false }
  const duties = document.getElementById('chart-duties')
  if (duties) {
    duties.dataset.points = String(points.length)
    new Chart(duties, {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: 'duties met',
            data: points.map((p) => p.dutiesMet),
            borderColor: '#16a34a',
            backgroundColor: '#16a34a',
          },
          {
            label: 'duties not met',
            data: points.map((p) => p.dutiesNotMet),
            borderColor: '#dc2626',
            backgroundColor: '#dc2626',
          },
        ],
      },
      options: common,
    })
  }
  const fails = document.getElementById('chart-fails')
  if (fails) {
    fails.dataset.points = String(points.length)
    new Chart(fails, {
      type: 'bar',
      data: {
        labels,
        datasets: Object.keys(colours).map((s) => ({
          label: s,
          data: points.map((p) => p.fails[s] || 0),
          backgroundColor: colours[s],
        })),
      },
      options: {
        ...common,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      },
    })
  }
  document.body.dataset.chartsReady = '1'
})()
