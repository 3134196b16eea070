import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { child, childText, escapeXml, parseXml, XML_LIMITS, XmlError } from './xml.ts'

describe(parseXml.name, () => {
  it('reads elements, attributes, entities, CDATA and strips namespace prefixes', () => {
    const el = parseXml(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- c --><s3:R xmlns:s3="urn:x" a=\'1 &amp; 2\'><B>x &lt;&#65;&#x42;&gt;</B><C><![CDATA[<raw>]]></C><D/></s3:R>',
    )
    assert.equal(el.name, 'R')
    assert.equal(el.attrs.a, '1 & 2')
    assert.equal(childText(el, 'B'), 'x <AB>')
    assert.equal(childText(el, 'C'), '<raw>')
    assert.equal(child(el, 'D')?.text, '')
  })

  it('refuses a DTD, entity declarations and unknown entities (no expansion)', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>'
    assert.throws(() => parseXml(bomb), /DTDs and entity declarations/)
    assert.throws(() => parseXml('<r>&ext;</r>'), /unknown entity/)
    assert.throws(() => parseXml('<r>a & b</r>'), /bare "&"/)
  })

  it('refuses malformed documents, naming the position', () => {
    for (const bad of ['<a><b></a>', '<a>', 'text', '<a/><b/>', '<a x=1/>', '<?php x ?><a/>']) {
      assert.throws(() => parseXml(bad), XmlError, bad)
    }
  })

  it('bounds size and depth', () => {
    assert.throws(() => parseXml(`<a>${'x'.repeat(XML_LIMITS.maxBytes)}</a>`), /larger than/)
    const deep = `${'<a>'.repeat(XML_LIMITS.maxDepth + 2)}${'</a>'.repeat(XML_LIMITS.maxDepth + 2)}`
    assert.throws(() => parseXml(deep), /too deep/)
  })

  it('round-trips escaped text', () => {
    const t = `<>&"' bucket`
    assert.equal(parseXml(`<a v="${escapeXml(t)}">${escapeXml(t)}</a>`).text, t)
  })
})
