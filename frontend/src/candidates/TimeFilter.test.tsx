import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { testRoot } from '../ui/testRoot'
import { TimeFilter } from './TimeFilter'

const root = testRoot()
const button = () => root.container.querySelector<HTMLButtonElement>('.time-filter-button')!
const named = (text: string) =>
  [...root.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === text)!

describe('TimeFilter', () => {
  it('shows the range; Clear all then Apply removes the time constraint', () => {
    const apply = vi.fn()
    root.render(<TimeFilter value="3m" onApply={apply} />)
    expect(button().textContent).toContain('Last 3 months')
    expect(button().getAttribute('aria-expanded')).toBe('false')
    act(() => button().click())
    const checked = root.container.querySelector<HTMLInputElement>('input:checked')!
    expect(checked.value).toBe('3m')
    expect(document.activeElement).toBe(checked)
    act(() => named('Clear all').click())
    expect(root.container.querySelector('input:checked')).toBeNull()
    expect(apply).not.toHaveBeenCalled()
    act(() => named('Apply').click())
    expect(apply).toHaveBeenCalledWith('all')
    expect(root.container.querySelector('[role="dialog"]')).toBeNull()
    expect(document.activeElement).toBe(button())
  })

  it('applies another range; Escape closes without applying', () => {
    const apply = vi.fn()
    root.render(<TimeFilter value="all" onApply={apply} />)
    expect(button().textContent).toContain('Any time')
    act(() => button().click())
    act(() => root.container.querySelector<HTMLInputElement>('input[value="6m"]')!.click())
    act(() => {
      root.container.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    })
    expect(apply).not.toHaveBeenCalled()
    expect(root.container.querySelector('[role="dialog"]')).toBeNull()
    act(() => button().click())
    act(() => root.container.querySelector<HTMLInputElement>('input[value="6m"]')!.click())
    act(() => named('Apply').click())
    expect(apply).toHaveBeenCalledWith('6m')
  })
})
