// The desktop app's choice of host, for the console's other screens.
export { TeamHostNote, TeamHostOffer, TeamHostSwitch } from './TeamHostSwitch'
export { useTeamHost } from './api'
