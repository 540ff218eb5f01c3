import '../styles/tokens.css'
import '../styles/base.css'
import '../styles/components.css'
import './room.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { applyTheme, storedTheme } from '../ui/theme'
import { RoomApp } from './RoomApp'

applyTheme(storedTheme())

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RoomApp />
    </StrictMode>,
  )
}
