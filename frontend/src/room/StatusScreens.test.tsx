import { describe, expect, it } from 'vitest'
import { Completed } from './StatusScreens'
import { testRoot } from '../ui/testRoot'

const dom = testRoot()

describe('Completed', () => {
  it.each(['candidate', 'interviewer'] as const)('tells the %s once that the interview is over, then what comes next', (role) => {
    dom.render(<Completed role={role} token="T1" />)
    expect(dom.container.querySelector('h1')?.textContent).toBe('Interview completed')
    const lead = dom.container.querySelector('[role="status"]')?.textContent ?? ''
    expect(lead).not.toMatch(/completed/i)
    expect(lead).toMatch(/^Thank you/)
    expect(dom.container.textContent?.match(/completed/gi)).toHaveLength(1)
  })

  it('gives the candidate the next steps, and no link into the console', () => {
    dom.render(<Completed role="candidate" />)
    expect(dom.container.textContent).toContain('You can close this page now.')
    expect(dom.container.textContent).toContain('will be in touch about the next steps')
    expect(dom.container.querySelector('a')).toBeNull()
  })

  it('links the interviewer to the interview’s results through its room link', () => {
    dom.render(<Completed role="interviewer" token="Tok_en-1" />)
    const link = dom.container.querySelector('a')!
    expect(link.textContent).toBe('view the interview results here')
    expect(link.getAttribute('href')).toBe('/room/Tok_en-1/results')
  })
})
