import { describe, expect, it } from 'vitest'
import { cellText, formatTable } from './sqlTable'

describe('formatTable', () => {
  it('aligns columns, numbers to the right and text to the left', () => {
    expect(
      formatTable(
        ['id', 'name', 'score'],
        [
          [1, 'Ada', 9.5],
          [12, 'Grace Hopper', null],
        ],
      ),
    ).toBe(
      [
        ' id | name         | score',
        '----+--------------+-------',
        '  1 | Ada          |   9.5',
        ' 12 | Grace Hopper |  NULL',
        '(2 rows)',
        '',
      ].join('\n'),
    )
  })

  it('prints the header of an empty result and counts one row in the singular', () => {
    expect(formatTable(['x'], [])).toBe(' x\n---\n(0 rows)\n')
    expect(formatTable(['x'], [['a']])).toBe(' x\n---\n a\n(1 row)\n')
  })

  it('keeps a column of mixed numbers and text left-aligned', () => {
    expect(formatTable(['v'], [[1], ['two']])).toBe(' v\n-----\n 1\n two\n(2 rows)\n')
  })

  it('says when only the first rows are shown', () => {
    expect(formatTable(['n'], [[1], [2]], true).endsWith('(first 2 rows shown)\n')).toBe(true)
  })

  it('measures width in characters, not UTF-16 units', () => {
    expect(formatTable(['e'], [['😀😀'], ['ab']])).toBe(' e\n----\n 😀😀\n ab\n(2 rows)\n')
  })
})

describe('cellText', () => {
  it('keeps a row on one line and shortens long cells', () => {
    expect(cellText('a\nb\tc')).toBe('a\\nb\\tc')
    expect([...cellText('x'.repeat(500))]).toHaveLength(200)
    expect(cellText('x'.repeat(500)).endsWith('…')).toBe(true)
  })

  it('shows blobs as hex literals and big integers as digits', () => {
    expect(cellText(new Uint8Array([0, 171, 255]))).toBe("x'00abff'")
    expect(cellText(new Uint8Array(40))).toBe(`x'${'00'.repeat(32)}…'`)
    expect(cellText(9007199254740993n)).toBe('9007199254740993')
  })
})
