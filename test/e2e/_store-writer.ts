/**
 * Child process of store-crash.test.ts: stores one scan whole, then starts storing a large one
 * and stops in the middle of its findings (half written, transaction open), says so on stdout
 * and waits to be killed.
 */
import { manyFindingsResult, scanResultFixture } from '../../src/engine/testing.ts'
import { Store } from '../../src/store/store.ts'

const [spec, n] = process.argv.slice(2)
const store = await Store.open(spec!)
await store.save(scanResultFixture())
process.stdout.write('first stored\n')
const insertMany = store.db.insertMany.bind(store.db)
store.db.insertMany = async (table, columns, rows) => {
  if (table !== 'findings') return insertMany(table, columns, rows)
  const all = Array.from(rows, (r) => [...r])
  await insertMany(table, columns, all.slice(0, all.length >> 1))
  process.stdout.write('mid-write\n')
  await new Promise(() => setInterval(() => {}, 1000))
}
await store.save(manyFindingsResult(Number(n)))
