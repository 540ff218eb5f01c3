import { useCallback, useEffect, useState } from 'react'
import type { ConnectionStatus } from '../connection/client'
import { checkRelay, type RelayCheck } from '../media/network'
import type { IceServer } from '../protocol'
import { CheckItem } from './DeviceCheck'

/** Can this browser reach the host (the room channel) and its TURN relay? */
export function NetworkCheck({ status, iceServers }: { status: ConnectionStatus; iceServers: IceServer[] }) {
  const [relay, setRelay] = useState<RelayCheck | undefined>()
  const run = useCallback(() => {
    setRelay(undefined)
    let live = true
    checkRelay(iceServers).then((r) => live && setRelay(r))
    return () => {
      live = false
    }
  }, [iceServers])
  useEffect(() => run(), [run])

  const hostOk = status === 'open'
  return (
    <section className="card prejoin-section" aria-labelledby="network-check-title">
      <div className="section-head">
        <h2 id="network-check-title" className="section-title">
          Network
        </h2>
      </div>
      <ul className="checklist" aria-label="Network status">
        <CheckItem
          ok={hostOk}
          pending={status === 'connecting'}
          text={hostOk ? 'Connected to the interview host' : 'Cannot reach the interview host — reconnecting'}
        />
        <CheckItem
          ok={relay?.result === 'pass'}
          warn={relay?.result === 'none'}
          pending={relay === undefined}
          text={
            relay === undefined
              ? 'Checking the video relay…'
              : relay.result === 'pass'
                ? 'Video relay reachable'
                : relay.result === 'none'
                  ? 'No video relay on this host'
                  : 'Video relay not reachable'
          }
        />
      </ul>
      {relay && <p className="field-hint">{relay.detail}</p>}
      {relay?.result === 'fail' && (
        <button type="button" className="btn btn-small" onClick={run}>
          Check again
        </button>
      )}
    </section>
  )
}
