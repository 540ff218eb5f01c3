import '../styles/tokens.css'
import '../styles/base.css'
import '../styles/components.css'
import '../room/room.css'
import './campaign.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { applyTheme, storedTheme } from '../ui/theme'
import { CampaignApp } from './CampaignApp'

applyTheme(storedTheme())

const root = document.getElementById('root')
const token = location.pathname.split('/').filter(Boolean)[1] ?? ''
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CampaignApp token={token} />
    </StrictMode>,
  )
}
