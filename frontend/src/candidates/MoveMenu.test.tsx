import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { testRoot } from '../ui/testRoot'
import { MoveMenu } from './MoveMenu'

const root = testRoot()
const key = (el: Element, k: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }))
  })

describe('MoveMenu', () => {
  it('opens with the keyboard, moves between the other stages and chooses one', () => {
    const choose = vi.fn()
    root.render(<MoveMenu name="Olivia Diaz" current="interviewed" onChoose={choose} />)
    const button = root.container.querySelector<HTMLButtonElement>('button')!
    expect(button.textContent).toBe('Move to… (Olivia Diaz, now Interviewed)')
    key(button, 'ArrowDown')
    const items = [...root.container.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')]
    expect(items.map((i) => i.textContent)).toEqual(['Applied', 'Take-home done', 'Live interview scheduled', 'Offer', 'Hired', 'Rejected'])
    expect(document.activeElement).toBe(items[0])
    const menu = root.container.querySelector('[role="menu"]')!
    key(menu, 'ArrowUp')
    expect(document.activeElement).toBe(items[5])
    key(menu, 'ArrowUp')
    key(menu, 'ArrowUp')
    act(() => (document.activeElement as HTMLButtonElement).click())
    expect(choose).toHaveBeenCalledWith('offer')
    expect(root.container.querySelector('[role="menu"]')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('closes on Escape without choosing', () => {
    const choose = vi.fn()
    root.render(<MoveMenu name="Olivia Diaz" current="applied" onChoose={choose} />)
    const button = root.container.querySelector<HTMLButtonElement>('button')!
    act(() => button.click())
    key(root.container.querySelector('[role="menu"]')!, 'Escape')
    expect(root.container.querySelector('[role="menu"]')).toBeNull()
    expect(document.activeElement).toBe(button)
    expect(choose).not.toHaveBeenCalled()
  })
})
