// The room's shared whiteboard (Excalidraw). Importing this module is cheap:
// Excalidraw itself loads only when a board is rendered.

export type { BoardChannel, BoardHandle, BoardPointer, BoardPointerGone, BoardTheme } from './channel'
export type { PointerState } from './sync'
export { BoardReplay, Whiteboard, type BoardReplayProps, type WhiteboardProps } from './Whiteboard'
