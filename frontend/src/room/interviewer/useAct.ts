import { useCallback } from 'react'
import { useToast } from '../../ui/toasts'
import { NotDeliveredError } from '../connection/client'
import type { RoomStore } from '../connection/store'
import type { ActionData, ActionName } from '../protocol'

export type Act = <A extends ActionName>(
  action: A,
  ...data: ActionData[A] extends undefined ? [] : [ActionData[A]]
) => Promise<boolean>

/** Sends an interviewer action; a refusal or a lost connection shows a toast. Resolves true when accepted. */
export function useAct(store: RoomStore): Act {
  const toast = useToast()
  return useCallback<Act>(
    (async (action: ActionName, ...data: unknown[]) => {
      try {
        await (store.action as (a: ActionName, ...d: unknown[]) => Promise<void>)(action, ...data)
        return true
      } catch (e) {
        const message =
          e instanceof NotDeliveredError
            ? `${e.message} Your last action may not have been applied; try again once the connection is back.`
            : e instanceof Error
              ? e.message
              : 'The host refused that.'
        toast({ message, tone: 'error' })
        return false
      }
    }) as Act,
    [store, toast],
  )
}
