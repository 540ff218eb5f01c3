// @vitest-environment node
// The SQL engine on its own (Node loads sql.js's own WebAssembly build).
import initSqlJs, { type SqlJsStatic } from 'sql.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { capturedOutput } from './capturedOutput'
import { runSql } from './sqlite'

let sql: SqlJsStatic
beforeAll(async () => {
  sql = await initSqlJs()
})

function run(code: string, maxOutputBytes = 65_536) {
  const out = capturedOutput(maxOutputBytes)
  const outcome = runSql(sql, { type: 'run', language: 'sql', code, stdin: '', timeoutMs: 5_000, maxOutputBytes }, out)
  return { outcome, stdout: out.text('stdout'), stderr: out.text('stderr') }
}

describe('runSql', () => {
  it('prints every result set as a table, and nothing for statements without results', () => {
    const r = run(`
      CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, score REAL);
      INSERT INTO people (name, score) VALUES ('Ada', 9.5), ('Linus', NULL);
      SELECT id, name, score FROM people ORDER BY id;
      SELECT count(*) AS n FROM people WHERE score IS NULL;`)
    expect(r.outcome).toMatchObject({ status: 'ok', exitCode: 0 })
    expect(r.stdout).toBe(
      [
        ' id | name  | score',
        '----+-------+-------',
        '  1 | Ada   |   9.5',
        '  2 | Linus |  NULL',
        '(2 rows)',
        '',
        ' n',
        '---',
        ' 1',
        '(1 row)',
        '',
      ].join('\n'),
    )
  })

  it('reports a syntax error on stderr as an error', () => {
    const r = run('SELECT 1;\nSELEC 2;')
    expect(r.outcome).toMatchObject({ status: 'error', exitCode: 1, error: 'Error: near "SELEC": syntax error' })
    expect(r.stdout).toContain('(1 row)')
    expect(r.stderr).toBe('Error: near "SELEC": syntax error\n')
  })

  it('reports a constraint failure', () => {
    const r = run('CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);')
    expect(r.outcome.status).toBe('error')
    expect(r.outcome.error).toContain('UNIQUE constraint failed: t.id')
  })

  it('shows the first rows of an endless recursive query and ends', () => {
    const r = run('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;')
    expect(r.outcome.status).toBe('ok')
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('(first 500 rows shown)')
  })

  it('ends a memory bomb at its heap limit', () => {
    const r = run('SELECT length(randomblob(300000000));')
    expect(r.outcome).toMatchObject({ status: 'memory', exitCode: 137 })
  })

  it('keeps the heap limit when the script tries to raise it', () => {
    const r = run('PRAGMA hard_heap_limit = 2000000000; PRAGMA hard_heap_limit;')
    expect(r.stdout).toContain(' 268435456')
  })

  it('starts every run with an empty database', () => {
    run('CREATE TABLE t (x);')
    const r = run('SELECT * FROM t;')
    expect(r.outcome.error).toBe('Error: no such table: t')
  })

  it('stops once the output limit is passed', () => {
    const r = run("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 400) SELECT x, 'some text' FROM c; SELECT 2;", 500)
    expect(r.outcome).toMatchObject({ status: 'stopped', truncated: true })
  })
})
