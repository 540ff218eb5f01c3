// A position slider over a stretch of time with markers under it to jump
// to: the Playback's and the combined recording's. Times are ms since the
// epoch; the slider moves in steps of 100 ms.

import { formatClock } from '../interviews/RecordingsPanel'
import { MARKER_NAMES, type Marker, type MarkerKind } from './markers'
import './scrubber.css'

export function Scrubber({
  start,
  end,
  t,
  markers,
  onSeek,
  label,
}: {
  start: number
  end: number
  t: number
  markers: readonly Marker[]
  onSeek: (t: number) => void
  label: string
}) {
  const total = Math.max(0, end - start)
  const pos = Math.min(total, Math.max(0, t - start))
  return (
    <div className="scrubber">
      <input
        type="range"
        min={start}
        max={end}
        step={100}
        value={Math.min(end, Math.max(start, t))}
        aria-label={label}
        aria-valuetext={`${formatClock(pos)} of ${formatClock(total)}`}
        onChange={(e) => onSeek(Number(e.target.value))}
      />
      <ol className="scrubber-markers" aria-label="Jump to">
        {markers
          .filter((m) => m.at >= start && m.at <= end)
          .map((m, i) => (
            <li key={`${m.at}-${i}`} style={{ left: `${total > 0 ? ((m.at - start) / total) * 100 : 0}%` }}>
              <button
                type="button"
                className={`scrubber-marker scrubber-marker-${m.kind}`}
                title={`${m.label} (${formatClock(m.at - start)})`}
                aria-label={`${m.label} at ${formatClock(m.at - start)}`}
                onClick={() => onSeek(m.at)}
              />
            </li>
          ))}
      </ol>
    </div>
  )
}

/** Which shape and colour stands for which kind of marker. */
export function MarkerLegend({ kinds }: { kinds: readonly MarkerKind[] }) {
  return (
    <ul className="scrubber-legend" aria-label="Markers">
      {kinds.map((k) => (
        <li key={k}>
          <span className={`scrubber-marker scrubber-marker-${k}`} aria-hidden="true" />
          {MARKER_NAMES[k]}
        </li>
      ))}
    </ul>
  )
}
