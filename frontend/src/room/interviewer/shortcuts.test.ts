import { describe, expect, it } from 'vitest'
import { commandFor, type KeyLike } from './shortcuts'

function key(k: Partial<KeyLike>, target: EventTarget | null = document.body): KeyLike {
  return { key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target, ...k }
}

describe('commandFor', () => {
  it('maps Alt+arrows, Alt+R, Alt+N, Alt+T and Alt+1..5', () => {
    expect(commandFor(key({ key: 'ArrowRight', code: 'ArrowRight', altKey: true }))).toBe('next')
    expect(commandFor(key({ key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }))).toBe('previous')
    expect(commandFor(key({ key: 'r', code: 'KeyR', altKey: true }))).toBe('rephrase')
    expect(commandFor(key({ key: 'n', code: 'KeyN', altKey: true }))).toBe('notes')
    expect(commandFor(key({ key: 't', code: 'KeyT', altKey: true }))).toBe('timestamp')
    expect(commandFor(key({ key: '3', code: 'Digit3', altKey: true }))).toBe('rate-3')
  })

  it('uses the physical key, so macOS Option combinations (®, ¡) still work', () => {
    expect(commandFor(key({ key: '®', code: 'KeyR', altKey: true }))).toBe('rephrase')
    expect(commandFor(key({ key: '¡', code: 'Digit1', altKey: true }))).toBe('rate-1')
  })

  it('takes the Alt shortcuts from inside a textarea too', () => {
    const ta = document.createElement('textarea')
    document.body.append(ta)
    expect(commandFor(key({ key: 'ArrowRight', code: 'ArrowRight', altKey: true }, ta))).toBe('next')
    ta.remove()
  })

  it('never takes unmodified keys while typing', () => {
    const ta = document.createElement('textarea')
    const input = document.createElement('input')
    document.body.append(ta, input)
    expect(commandFor(key({ key: '?', code: 'Slash', shiftKey: true }, ta))).toBeUndefined()
    expect(commandFor(key({ key: '?', code: 'Slash', shiftKey: true }, input))).toBeUndefined()
    expect(commandFor(key({ key: 'ArrowRight', code: 'ArrowRight' }, ta))).toBeUndefined()
    expect(commandFor(key({ key: 'r', code: 'KeyR' }, ta))).toBeUndefined()
    ta.remove()
    input.remove()
  })

  it('offers help on ? outside text fields', () => {
    expect(commandFor(key({ key: '?', code: 'Slash', shiftKey: true }))).toBe('help')
  })

  it('leaves Ctrl, Cmd, Alt+Shift and IME composition alone', () => {
    expect(commandFor(key({ key: 'ArrowRight', code: 'ArrowRight', altKey: true, ctrlKey: true }))).toBeUndefined()
    expect(commandFor(key({ key: 'ArrowRight', code: 'ArrowRight', altKey: true, metaKey: true }))).toBeUndefined()
    expect(commandFor(key({ key: 'ArrowRight', code: 'ArrowRight', altKey: true, shiftKey: true }))).toBeUndefined()
    expect(commandFor(key({ key: 'r', code: 'KeyR', altKey: true, isComposing: true }))).toBeUndefined()
    expect(commandFor(key({ key: 'x', code: 'KeyX', altKey: true }))).toBeUndefined()
  })
})
