// Checks what the host answers against the contract (contract.gen.ts, generated
// from the host's Go views), as the room channel checks its messages
// (room/protocol.ts): a value of the wrong shape is refused with where and why,
// instead of breaking a screen later.
//
// The rules follow how the host writes JSON: null for an empty list or map reads
// as empty; a field the host left out stays out (an optional field, or one an
// older host did not send yet), for the caller's defaults; fields the contract
// does not know are kept.

import { schemas, type JsonSchema, type TypeName, type Types } from './contract.gen'

/** An answer that does not fit the contract. */
export class ContractError extends Error {
  override readonly name = 'ContractError'
  constructor(
    /** The contract type the answer should be. */
    readonly type: string,
    /** Where in the answer, e.g. "interviewers[0].email". */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`The host answered in a form this console does not understand (${type}${path ? ' at ' + path : ''}: ${problem}). Reload the console; if it keeps happening, the console and the host are from different versions.`)
  }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const REF = '#/$defs/'

/** Returns value as the contract's type, or throws ContractError. */
export function parse<K extends TypeName>(type: K, value: unknown): Types[K] {
  return walk(schemas[type], value, type, '') as Types[K]
}

function walk(s: JsonSchema, v: unknown, type: string, path: string): unknown {
  const fail = (problem: string): never => {
    throw new ContractError(type, path, problem)
  }
  if (s.$ref) {
    const name = s.$ref.startsWith(REF) ? s.$ref.slice(REF.length) : ''
    const target = schemas[name as TypeName]
    if (!target) fail(`unknown reference ${s.$ref}`)
    return walk(target, v, type, path)
  }
  if (s.anyOf) {
    let last: unknown
    for (const option of s.anyOf) {
      try {
        return walk(option, v, type, path)
      } catch (e) {
        last = e
      }
    }
    throw last
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]
  if (types.length === 0 && s.enum === undefined) return v // any JSON value
  if (v === null) {
    if (!types.includes('null')) fail('null where a value belongs')
    if (types.includes('array')) return []
    if (types.includes('object') && s.properties === undefined) return {}
    return null
  }
  if (s.enum && !s.enum.includes(v as string)) fail(`${JSON.stringify(v)} is none of ${s.enum.join(', ')}`)
  const at = (key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key)
  if (types.includes('string')) {
    if (typeof v !== 'string') fail(`want a string, got ${JSON.stringify(v)}`)
    if (s.format === 'date-time' && Number.isNaN(Date.parse(v as string))) fail(`${JSON.stringify(v)} is not a time`)
    return v
  }
  if (types.includes('integer') || types.includes('number')) {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`want a number, got ${JSON.stringify(v)}`)
    if (types.includes('integer') && !Number.isInteger(v)) fail(`want a whole number, got ${String(v)}`)
    return v
  }
  if (types.includes('boolean')) {
    if (typeof v !== 'boolean') fail(`want true or false, got ${JSON.stringify(v)}`)
    return v
  }
  if (types.includes('array')) {
    if (!Array.isArray(v)) fail('want a list')
    return (v as unknown[]).map((x, i) => walk(s.items ?? {}, x, type, at(i)))
  }
  if (types.includes('object')) {
    if (!isObj(v)) fail('want an object')
    const o = v as Obj
    const out: Obj = {}
    for (const [k, x] of Object.entries(o)) {
      const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined)
      out[k] = sub ? walk(sub, x, type, at(k)) : x
    }
    return out
  }
  return fail(`the schema has no type ${types.join(', ')}`)
}
