import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client'
import { testRoot } from './testRoot'
import { among, useFieldErrors, type FieldErrors } from './useFieldErrors'
import { useSaveForm, type SaveForm } from './useSaveForm'

type F = 'name' | 'email'
const FIELDS: F[] = ['name', 'email']

const ui = testRoot()
let form: SaveForm<F> & { fields: FieldErrors<F> }

function Form() {
  const fields = useFieldErrors<F>((errs) => (errs.name ? document.getElementById('name') : null))
  form = { ...useSaveForm(fields), fields }
  return (
    <>
      <input id="name" />
      <button type="submit" disabled={form.saving}>
        {form.saving ? 'Saving…' : 'Save'}
      </button>
    </>
  )
}

/** A request the test answers when it likes. */
function pending<T>() {
  let answer!: (v: T) => void
  let refuse!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    answer = res
    refuse = rej
  })
  return { promise, answer, refuse }
}

describe('useSaveForm', () => {
  it('is saving while the request runs, then runs onSaved with the answer', async () => {
    ui.render(<Form />)
    const req = pending<string>()
    const onSaved = vi.fn()
    let result: Promise<string | undefined> | undefined
    await act(async () => {
      result = form.submit({ send: () => req.promise, onSaved, field: among(FIELDS) })
    })
    expect(form.saving).toBe(true)
    expect(ui.container.querySelector('button')?.textContent).toBe('Saving…')
    expect(onSaved).not.toHaveBeenCalled()

    await act(async () => req.answer('saved'))
    expect(form.saving).toBe(false)
    expect(onSaved).toHaveBeenCalledWith('saved')
    expect(await result).toBe('saved')
  })

  it('shows a refusal in the field errors and the form’s message', async () => {
    ui.render(<Form />)
    const refusal = new ApiError(422, 'invalid', 'Check the highlighted fields.', { name: 'Enter a name.', zone: 'Unknown zone.' })
    const onSaved = vi.fn()
    let result: string | undefined = 'not yet'
    await act(async () => {
      result = await form.submit({ send: () => Promise.reject(refusal), onSaved, field: among(FIELDS) })
    })
    expect(result).toBeUndefined()
    expect(onSaved).not.toHaveBeenCalled()
    expect(form.saving).toBe(false)
    expect(form.fields.errors).toEqual({ name: 'Enter a name.' })
    expect(form.fields.message).toBe('Unknown zone.')
    expect(document.activeElement?.id).toBe('name')

    await act(async () => {
      await form.submit({ send: () => Promise.reject(refusal), field: among(FIELDS), summary: true })
    })
    expect(form.fields.message).toBe('Check the highlighted fields. Unknown zone.')
  })

  it('ignores a second submit while one is saving', async () => {
    ui.render(<Form />)
    const req = pending<string>()
    const send = vi.fn(() => req.promise)
    let second: string | undefined = 'not yet'
    await act(async () => {
      void form.submit({ send, field: among(FIELDS) })
      second = await form.submit({ send, field: among(FIELDS) })
    })
    expect(second).toBeUndefined()
    expect(send).toHaveBeenCalledTimes(1)
    await act(async () => req.answer('saved'))
    expect(form.saving).toBe(false)

    const again = vi.fn(() => Promise.resolve('again'))
    let third: string | undefined
    await act(async () => {
      third = await form.submit({ send: again, field: among(FIELDS) })
    })
    expect(third).toBe('again') // the next save, once the first is done, is sent as usual
    expect(again).toHaveBeenCalledTimes(1)
  })

  it('sends nothing while the form’s own checks have messages', async () => {
    ui.render(<Form />)
    const send = vi.fn(() => Promise.resolve('saved'))
    await act(async () => {
      await form.submit({ check: () => ({ name: 'Enter a name.' }), checkMessage: 'Check the highlighted fields.', send, field: among(FIELDS) })
    })
    expect(send).not.toHaveBeenCalled()
    expect(form.fields.errors).toEqual({ name: 'Enter a name.' })
    expect(form.fields.message).toBe('Check the highlighted fields.')
    expect(document.activeElement?.id).toBe('name')
  })

  it('takes the shown messages away when it sends, unless asked to keep them', async () => {
    ui.render(<Form />)
    await act(async () => form.fields.show({ email: 'Taken.' }, 'Not saved.'))
    const req = pending<string>()
    await act(async () => {
      void form.submit({ send: () => req.promise, field: among(FIELDS), keepMessages: true })
    })
    expect(form.fields.errors).toEqual({ email: 'Taken.' })
    expect(form.fields.message).toBe('Not saved.')
    await act(async () => req.answer('saved'))
    expect(form.fields.message).toBe('Not saved.')

    await act(async () => {
      await form.submit({ send: () => Promise.resolve('saved'), field: among(FIELDS) })
    })
    expect(form.fields.errors).toEqual({})
    expect(form.fields.message).toBeUndefined()
  })
})
