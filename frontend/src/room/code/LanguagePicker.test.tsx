import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LanguagePicker } from './LanguagePicker'
import type { LanguageId } from './languages'
import { renderRoot } from './testing'

let page: ReturnType<typeof renderRoot>

beforeEach(() => {
  page = renderRoot()
})

afterEach(() => page.unmount())

describe('LanguagePicker', () => {
  it('is a labelled select of every language, showing the current one', () => {
    act(() => page.root.render(<LanguagePicker value="python" onChange={() => {}} />))
    const select = page.container.querySelector('select') as HTMLSelectElement
    const label = page.container.querySelector('label') as HTMLLabelElement
    expect(label.textContent).toBe('Language')
    expect(label.htmlFor).toBe(select.id)
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['plaintext', 'Plain text'],
      ['go', 'Go'],
      ['python', 'Python'],
      ['javascript', 'JavaScript'],
      ['typescript', 'TypeScript'],
      ['java', 'Java'],
      ['cpp', 'C++'],
      ['sql', 'SQL'],
    ])
    expect(select.value).toBe('python')
  })

  it('reports the language picked, not the one already chosen', () => {
    const onChange = vi.fn<(l: LanguageId) => void>()
    act(() => page.root.render(<LanguagePicker value="go" onChange={onChange} />))
    const select = page.container.querySelector('select') as HTMLSelectElement
    act(() => {
      select.value = 'typescript'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    expect(onChange).toHaveBeenCalledWith('typescript')
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('can be disabled (e.g. for a candidate when interviewers choose)', () => {
    act(() => page.root.render(<LanguagePicker value="sql" onChange={() => {}} disabled />))
    expect((page.container.querySelector('select') as HTMLSelectElement).disabled).toBe(true)
  })
})
