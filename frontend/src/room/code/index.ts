// The room's shared code editor: CodeMirror 6 with @codemirror/collab, the host as
// the authority (the room protocol's code.* and cursor messages). The room wiring
// implements one CodeChannel per document and renders <CodeEditor>.

export { CODE_LIMITS, RefusedError } from './channel'
export type { CodeChannel, CodeSnapshot, CodeUpdate, PushResult, RemoteCursor } from './channel'
export { CodeEditor, statusText } from './CodeEditor'
export type { CodeEditorProps } from './CodeEditor'
export { PARTICIPANT_COLORS, pickColor } from './colors'
export { isLanguageId, languageLabel, LANGUAGES, loadLanguage } from './languages'
export type { LanguageId } from './languages'
export { LanguagePicker } from './LanguagePicker'
export { CopyLedger, pageCopyLedger } from './paste'
export type { PasteInfo } from './paste'
export type { CodeStatus } from './sync'
export type { EditorTheme } from './theme'
