import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../api/client'
import { among, splitSaveError, useFieldErrors, type FieldErrors } from './useFieldErrors'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

type F = 'name' | 'email'
const invalid = (fields: Record<string, string>) => new ApiError(422, 'invalid', 'Check the highlighted fields.', fields)

describe('splitSaveError', () => {
  it('gives the form its own fields and keeps the rest together', () => {
    const alias = (f: string): F | undefined => (f === 'organizer.name' ? 'name' : among<F>(['name', 'email'])(f))
    expect(splitSaveError(invalid({ 'organizer.name': 'Enter a name.', zone: 'Unknown zone.' }), alias)).toEqual({
      fields: { name: 'Enter a name.' },
      unknown: ['Unknown zone.'],
      message: 'Check the highlighted fields.',
    })
    const down = splitSaveError(new NetworkError(), among<F>(['name']))
    expect(down.fields).toEqual({})
    expect(down.message).toContain('Cannot reach the InterviewDesk host')
  })
})

describe('useFieldErrors', () => {
  let root: Root
  let container: HTMLElement
  let form: FieldErrors<F>
  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })

  function Form() {
    form = useFieldErrors<F>((errs) => (errs.name || errs.email ? document.getElementById(errs.name ? 'name' : 'email') : null))
    return (
      <>
        <input id="name" aria-invalid={form.errors.name ? true : undefined} />
        <input id="email" aria-invalid={form.errors.email ? true : undefined} />
        <p id="other">{form.message}</p>
      </>
    )
  }
  const render = () => act(async () => root.render(<Form />))
  const focused = () => document.activeElement?.id

  it('shows messages and focuses the first invalid field once they are shown', async () => {
    await render()
    await act(async () => form.show({ email: 'Enter a valid email address.' }))
    expect(form.errors).toEqual({ email: 'Enter a valid email address.' })
    expect(focused()).toBe('email')
    ;(document.activeElement as HTMLElement).blur()
    await act(async () => form.clear('email', 'name'))
    expect(form.errors).toEqual({})
    expect(focused()).not.toBe('email') // an edit does not move focus
  })

  it('shows a failed save: field messages by their fields, the rest in one message', async () => {
    await render()
    await act(async () => form.fail(invalid({ name: 'Enter a name.' }), among<F>(['name', 'email'])))
    expect(form.errors).toEqual({ name: 'Enter a name.' })
    expect(form.message).toBeUndefined()
    expect(focused()).toBe('name')

    await act(async () => form.fail(invalid({ zone: 'Unknown zone.' }), among<F>(['name', 'email'])))
    expect(form.errors).toEqual({})
    expect(form.message).toBe('Check the highlighted fields. Unknown zone.')

    await act(async () => form.fail(invalid({ email: 'Taken.' }), among<F>(['name', 'email']), { summary: true }))
    expect(form.errors).toEqual({ email: 'Taken.' })
    expect(form.message).toBe('Check the highlighted fields.')

    await act(async () => form.fail(new ApiError(500, 'internal', 'Something went wrong on the host.'), among<F>(['name'])))
    expect(form.message).toBe('Something went wrong on the host.')
    await act(async () => form.reset())
    expect(form.errors).toEqual({})
    expect(form.message).toBeUndefined()
  })
})
