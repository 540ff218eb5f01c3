import { act } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { CollapsibleCard, ExpandAll, storedOpen, useOpenSet } from './Disclosure'
import { testRoot } from './testRoot'

const dom = testRoot()

const q = <T extends Element = HTMLElement>(sel: string) => dom.container.querySelector<T & Element>(sel)!
const buttons = () => [...dom.container.querySelectorAll<HTMLButtonElement>('button')]
const byLabel = (label: string) => buttons().find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label)!
const click = (b: HTMLElement) => act(() => b.click())

beforeEach(() => localStorage.clear())

describe('CollapsibleCard', () => {
  const card = (name = 'interview.timeline') =>
    dom.render(
      <CollapsibleCard title="Timeline" storageName={name} meta="12 events" actions={<button type="button">Refresh</button>}>
        <p>Alex joined</p>
      </CollapsibleCard>,
    )

  it('is a region named by its heading, whose button shows and hides the content', async () => {
    card()
    const region = q('section')
    const heading = document.getElementById(region.getAttribute('aria-labelledby')!)!
    expect(heading.tagName).toBe('H2')
    expect(heading.textContent).toBe('Timeline')
    const toggle = heading.querySelector('button')!
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const body = document.getElementById(toggle.getAttribute('aria-controls')!)!
    expect(body.textContent).toBe('Alex joined')
    expect(body.hidden).toBe(false)
    expect(byLabel('Refresh')).toBeDefined()

    await click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(body.hidden).toBe(true)
    expect(body.isConnected).toBe(true) // kept mounted
    expect(region.textContent).toContain('12 events') // the summary stays
    expect(byLabel('Refresh')).toBeUndefined() // actions only while open
  })

  it('remembers its state in this browser under its name', async () => {
    card()
    await click(q('h2 button'))
    expect(storedOpen('interview.timeline')).toBe(false)
    dom.render(null)
    card()
    expect(q('h2 button').getAttribute('aria-expanded')).toBe('false')
    dom.render(null)
    card('interview.recordings') // another name, its own state
    expect(q('h2 button').getAttribute('aria-expanded')).toBe('true')
  })
})

function List({ keys }: { keys: string[] }) {
  const set = useOpenSet(() => ['b'])
  return (
    <>
      <ExpandAll keys={keys} set={set} noun="questions" />
      {keys.map((k) => (
        <button key={k} type="button" aria-label={k} aria-pressed={set.isOpen(k)} onClick={() => set.toggle(k)} />
      ))}
    </>
  )
}

describe('useOpenSet and ExpandAll', () => {
  const openKeys = () => buttons().filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.getAttribute('aria-label'))

  it('opens and closes items one by one and all together', async () => {
    dom.render(<List keys={['a', 'b', 'c']} />)
    expect(openKeys()).toEqual(['b'])
    await click(byLabel('a'))
    await click(byLabel('b'))
    expect(openKeys()).toEqual(['a'])
    await click(byLabel('Expand all questions'))
    expect(openKeys()).toEqual(['a', 'b', 'c'])
    expect(byLabel('Expand all questions').disabled).toBe(true)
    expect(byLabel('Collapse all questions').disabled).toBe(false)
    await click(byLabel('Collapse all questions'))
    expect(openKeys()).toEqual([])
    expect(byLabel('Collapse all questions').disabled).toBe(true)
  })

  it('offers no Expand all for a single item', () => {
    dom.render(<List keys={['a']} />)
    expect(byLabel('Expand all questions')).toBeUndefined()
  })
})
