/**
 * Test helpers for hostile input files.
 * @module
 */

/** A "billion laughs" YAML prefix: `levels` levels of ten aliases each; `*l<levels>` is the bomb. */
export function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i <= levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    )
  return `${lines.join('\n')}\n`
}
