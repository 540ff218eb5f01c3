"""Runs one user program in Pyodide as a script would run: as __main__, with
fresh globals, its own stdin, tracebacks that start at the user's code, and
the exit code of sys.exit(). Modules the program imported are forgotten after
it, so the next run starts from the same interpreter state.

run(code, stdin) returns (exit_code, kind, error): kind is "ok", "error" or
"memory"; error is the last line of the traceback.
"""

import builtins
import io
import linecache
import sys
import traceback
import types

FILENAME = "main.py"
OFFLINE = (
    "only the Python standard library is available here "
    "(the code runs offline in the browser; packages cannot be installed)"
)


class OfflineFinder:
    """Last on sys.meta_path: a top-level module no other finder knows."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if "." in name:
            return None
        raise ModuleNotFoundError(f"No module named '{name}': {OFFLINE}", name=name)


def forget_network_modules():
    """Drop modules that took fetch or XMLHttpRequest while they still existed."""
    for name in list(sys.modules):
        if name == "pyodide.http" or name.startswith("pyodide.http."):
            del sys.modules[name]


sys.meta_path.append(OfflineFinder)
forget_network_modules()
BASELINE = set(sys.modules)
BUILTINS = dict(builtins.__dict__)
META_PATH = list(sys.meta_path)
PATH = list(sys.path)
RECURSION_LIMIT = sys.getrecursionlimit()


def reset(stdin):
    for name in list(sys.modules):
        if name not in BASELINE:
            del sys.modules[name]
    builtins.__dict__.clear()
    builtins.__dict__.update(BUILTINS)
    sys.meta_path[:] = META_PATH
    sys.path[:] = PATH
    sys.setrecursionlimit(RECURSION_LIMIT)
    sys.stdout = sys.__stdout__
    sys.stderr = sys.__stderr__
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    sys.argv = [FILENAME]
    main = types.ModuleType("__main__")
    main.__file__ = FILENAME
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    return main


def write_error(text):
    try:
        sys.stderr.write(text)
    except OSError:
        pass  # past the output limit every write fails; the run is over anyway


def exit_code(e):
    if e.code is None:
        return 0
    if isinstance(e.code, int):
        return e.code
    write_error(f"{e.code}\n")
    return 1


def report(e):
    """Print the traceback without this runner's frames; return its last line."""
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != FILENAME:
        tb = tb.tb_next
    write_error("".join(traceback.format_exception(type(e), e, tb)))
    return traceback.format_exception_only(type(e), e)[-1].strip()


async def run(code, stdin):
    main = reset(stdin)
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)
    try:
        compiled = compile(code, FILENAME, "exec", flags=0x2000, dont_inherit=True)  # ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        result = eval(compiled, main.__dict__)
        if isinstance(result, types.CoroutineType):
            await result
        return (0, "ok", "")
    except SystemExit as e:
        code = exit_code(e)
        return (code, "ok" if code == 0 else "error", "" if code == 0 else f"SystemExit: {code}")
    except MemoryError as e:
        return (137, "memory", report(e))
    except BaseException as e:
        return (1, "error", report(e))
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
