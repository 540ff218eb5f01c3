// The editor's look: chrome from the design tokens (tokens.css), and one syntax
// highlight style per theme whose colours keep 4.5:1 against the editor's
// background, active line and selection (theme.test.ts checks them).
//
// The chrome follows the page's scheme (the tokens are light-dark() pairs, which the
// production build resolves once at the root), the highlighting the `theme` prop:
// the room passes the page's effective theme, so the two agree.

import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { tags as t } from '@lezer/highlight'

export type EditorTheme = 'light' | 'dark'

export type SyntaxColors = {
  keyword: string
  string: string
  literal: string
  comment: string
  function: string
  type: string
  meta: string
  invalid: string
}

export const SYNTAX_COLORS: Record<EditorTheme, SyntaxColors> = {
  light: {
    keyword: '#a626a4',
    string: '#0a6b2e',
    literal: '#9a4a00',
    comment: '#5c6370',
    function: '#2453c7',
    type: '#0b5c8a',
    meta: '#7c3aed',
    invalid: '#b3261e',
  },
  dark: {
    keyword: '#ff7ab2',
    string: '#9ee493',
    literal: '#ffb870',
    comment: '#9aa5b4',
    function: '#8fb0ff',
    type: '#7fd1e8',
    meta: '#d0a8ff',
    invalid: '#ff9d94',
  },
}

function highlightStyle(c: SyntaxColors): HighlightStyle {
  return HighlightStyle.define([
    { tag: [t.keyword, t.modifier, t.self], color: c.keyword },
    { tag: [t.string, t.character, t.special(t.string), t.regexp], color: c.string },
    { tag: [t.number, t.bool, t.null, t.atom, t.escape, t.unit], color: c.literal },
    { tag: t.comment, color: c.comment, fontStyle: 'italic' },
    {
      tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))],
      color: c.function,
    },
    { tag: [t.typeName, t.className, t.namespace, t.standard(t.typeName)], color: c.type },
    { tag: [t.meta, t.annotation, t.processingInstruction, t.macroName], color: c.meta },
    { tag: t.invalid, color: c.invalid },
    { tag: [t.strong, t.heading], fontWeight: 'bold' },
    { tag: t.emphasis, fontStyle: 'italic' },
    { tag: t.link, textDecoration: 'underline' },
  ])
}

const styles: Record<EditorTheme, HighlightStyle> = {
  light: highlightStyle(SYNTAX_COLORS.light),
  dark: highlightStyle(SYNTAX_COLORS.dark),
}

function chrome(theme: EditorTheme): Extension {
  return EditorView.theme(
    {
      '&': {
        color: 'var(--color-text)',
        backgroundColor: 'var(--color-surface)',
        border: '1px solid var(--color-border-strong)',
        borderRadius: 'var(--radius-md)',
        fontSize: 'var(--text-sm)',
        height: '100%',
      },
      '&.cm-focused': { outline: 'none', boxShadow: 'var(--focus-ring)' },
      '.cm-scroller': {
        fontFamily: 'var(--font-mono)',
        lineHeight: 'var(--leading)',
        borderRadius: 'inherit',
      },
      '.cm-content': { caretColor: 'var(--color-text)', padding: 'var(--space-2) 0' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)', borderLeftWidth: '2px' },
      '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
        { backgroundColor: 'var(--color-accent-soft)' },
      '.cm-activeLine': { backgroundColor: 'var(--color-surface-2)' },
      '.cm-gutters': {
        backgroundColor: 'var(--color-surface)',
        color: 'var(--color-text-muted)',
        borderRight: '1px solid var(--color-border)',
        borderRadius: 'var(--radius-md) 0 0 var(--radius-md)',
      },
      '.cm-activeLineGutter': { backgroundColor: 'var(--color-surface-2)', color: 'var(--color-text)' },
      '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
        backgroundColor: 'var(--color-accent-soft)',
        outline: '1px solid var(--color-border-strong)',
      },
      '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': { outline: '1px solid var(--color-danger)' },
      '.cm-searchMatch': { backgroundColor: 'var(--color-accent-soft)', outline: '1px solid var(--color-accent)' },
      '.cm-searchMatch.cm-searchMatch-selected': { outlineWidth: '2px' },
      '.cm-selectionMatch': { backgroundColor: 'var(--color-surface-2)' },
      '.cm-panels': {
        backgroundColor: 'var(--color-surface-2)',
        color: 'var(--color-text)',
        fontFamily: 'var(--font-sans)',
      },
      '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--color-border)' },
      '.cm-panel input, .cm-panel button, .cm-panel label': { fontSize: 'var(--text-sm)' },
      '.cm-textfield, .cm-button': {
        backgroundImage: 'none',
        backgroundColor: 'var(--color-surface)',
        color: 'var(--color-text)',
        border: '1px solid var(--color-border-strong)',
        borderRadius: 'var(--radius-sm)',
      },
      '.cm-panel button[name=close]': { color: 'var(--color-text)' },
      '.cm-tooltip': {
        backgroundColor: 'var(--color-surface)',
        color: 'var(--color-text)',
        border: '1px solid var(--color-border-strong)',
        borderRadius: 'var(--radius-sm)',
        boxShadow: 'var(--shadow-md)',
      },
      '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
        backgroundColor: 'var(--color-accent)',
        color: 'var(--color-on-accent)',
      },
      '.cm-specialChar': { color: 'var(--color-danger)' },
    },
    { dark: theme === 'dark' },
  )
}

/** Chrome and syntax highlighting for a theme. */
export function editorTheme(theme: EditorTheme): Extension {
  return [chrome(theme), syntaxHighlighting(styles[theme])]
}
