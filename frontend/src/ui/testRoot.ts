// For component tests: a React root in a fresh container for every test of a file.

import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach } from 'vitest'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

export type TestRoot = {
  /** The current test's container, in the document. */
  readonly container: HTMLElement
  /** Renders node into the container, inside act(). */
  render: (node: ReactNode) => void
}

/** Call at a test file's top level: each test gets its own mounted root, unmounted after it. */
export function testRoot(): TestRoot {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  let root: Root
  let container: HTMLElement
  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })
  return {
    get container() {
      return container
    },
    render: (node) => act(() => root.render(node)),
  }
}
