// What a screen that fails shows in its place: a chunk that did not load (the
// host went away, or was updated while the console was open) or a screen that
// threw while rendering. The rest of the console stays usable.
import { Component, type ReactNode } from 'react'

type Props = { children: ReactNode }

export class ScreenBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined }

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error }
  }

  override render() {
    if (this.state.error === undefined) return this.props.children
    const message = this.state.error instanceof Error ? this.state.error.message : String(this.state.error)
    return (
      <div className="panel panel-error" role="alert">
        <h1 className="panel-title" tabIndex={-1} data-page-title>
          This screen could not be opened
        </h1>
        <p>{message}</p>
        <p>Reload the console to try again; if the host was just updated, the reload picks up the new version.</p>
        <button type="button" className="btn" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}
