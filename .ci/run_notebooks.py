#!/usr/bin/python3
"""Execute Jupyter notebooks top to bottom with a real Jupyter client (nbclient).

Run it with Debian's /usr/bin/python3 (python3-nbclient); .ci/notebooks.sh sets up the
kernelspec and the environment (JUPYTER_PATH, ...) and then calls this script.

For every notebook given:
  * start the kernel named by --kernel (default: the notebook's own kernelspec name), guarding
    against a start that hangs: the kernel must open its ports and answer kernel_info within
    --start-timeout seconds, otherwise it is killed and started again, up to --start-attempts
    times in all;
  * run every code cell in order, each within --cell-timeout seconds, printing a progress line
    per cell (and a "still running" line every --heartbeat seconds);
  * a cell that raises fails the notebook, unless the cell is tagged `raises-exception`;
    cells tagged `skip-execution` are not run;
  * the executed copy (with outputs, also of a failed run) goes to --out/<name>.ipynb and the
    kernel's own log to --out/<name>.kernel.log.

Exit status: 0 when every notebook ran clean, 1 otherwise (2 for bad usage).
"""

import argparse
import asyncio
import os
import re
import signal
import sys
import time
import traceback
from pathlib import Path

try:
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
except ImportError as e:  # pragma: no cover - environment problem, reported plainly
    sys.stderr.write(
        f"run_notebooks.py: {e}\n"
        "Needs Debian's python3-nbclient, run with /usr/bin/python3 "
        "(apt-get install -y --no-install-recommends python3-nbclient).\n")
    sys.exit(2)

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

# Counters over the whole run, for the closing summary.
STARTS = {"attempts": 0, "hung": 0, "died": 0}
# Every kernel process started: jupyter_client puts each in a session of its own, so nothing
# else ends them if this runner is stopped; main() kills any still alive on the way out.
KERNEL_PROCS = []
STOPPED = []  # non-empty once SIGTERM arrived


def log(msg: str) -> None:
    print(msg, flush=True)


def plain(text: str) -> str:
    return ANSI.sub("", text)


def listening_ports() -> set:
    """Local TCP ports in LISTEN state, read from /proc/net/tcp{,6} (Linux)."""
    ports = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(name) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if len(fields) > 3 and fields[3] == "0A":
                        ports.add(int(fields[1].rsplit(":", 1)[1], 16))
        except OSError:
            return None  # cannot tell here: skip the port check
    return ports


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no kernel log)"


class StartFailed(Exception):
    pass


async def thread_dump(km, klog: Path) -> None:
    """Ask a hung JVM kernel for a thread dump (SIGQUIT prints it to the kernel log)."""
    proc = getattr(getattr(km, "provisioner", None), "process", None)
    if proc is None or proc.poll() is not None:
        return
    with open(klog, "a") as lf:
        lf.write("\n===== hung start: thread dump (SIGQUIT) =====\n")
    try:
        os.kill(proc.pid, signal.SIGQUIT)
        await asyncio.sleep(2)
    except OSError:
        pass


async def start_kernel(kernel_name: str, cwd: str, klog: Path, timeout: float, attempts: int):
    """Start a kernel that really answers, retrying hung starts. Returns (km, kc)."""
    last = "no attempt made"
    for attempt in range(1, attempts + 1):
        STARTS["attempts"] += 1
        t0 = time.monotonic()
        deadline = t0 + timeout
        km = AsyncKernelManager(kernel_name=kernel_name)
        kc = None
        with open(klog, "a") as lf:
            lf.write(f"\n===== kernel start attempt {attempt}/{attempts} =====\n")
            lf.flush()
            await km.start_kernel(cwd=cwd, stdout=lf, stderr=lf)
        proc = getattr(km.provisioner, "process", None)
        if proc is not None:
            KERNEL_PROCS.append(proc)
        try:
            # 1. the kernel process binds its five ports
            ports = {km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port}
            while True:
                if not await km.is_alive():
                    STARTS["died"] += 1
                    raise StartFailed("the kernel process exited during start-up")
                up = listening_ports()
                if up is None or ports <= up:
                    break
                if time.monotonic() > deadline:
                    STARTS["hung"] += 1
                    raise StartFailed(f"ports {sorted(ports - up)} not listening after {timeout:.0f} s")
                await asyncio.sleep(0.2)
            # 2. it answers kernel_info
            kc = km.client()
            kc.start_channels()
            remaining = max(1.0, deadline - time.monotonic())
            try:
                await kc.wait_for_ready(timeout=remaining)
            except RuntimeError as e:
                if await km.is_alive():
                    STARTS["hung"] += 1
                    raise StartFailed(f"no kernel_info reply within {timeout:.0f} s ({e})")
                STARTS["died"] += 1
                raise StartFailed(f"the kernel process died during start-up ({e})")
            kc.allow_stdin = False
            log(f"  kernel '{kernel_name}' ready in {time.monotonic() - t0:.1f} s"
                f" (start attempt {attempt}/{attempts})")
            return km, kc
        except StartFailed as e:
            last = str(e)
            log(f"  kernel start attempt {attempt}/{attempts} failed: {last}; killing it")
            await thread_dump(km, klog)
            if kc is not None:
                kc.stop_channels()
            try:
                await km.shutdown_kernel(now=True)
            except Exception:  # already gone
                pass
    raise StartFailed(f"kernel '{kernel_name}' failed to start {attempts} times; last: {last}\n"
                      f"--- tail of {klog} ---\n{tail(klog)}")


def first_line(src: str) -> str:
    for line in src.splitlines():
        if line.strip():
            return line.strip()[:70]
    return ""


def describe_failure(nb_path: Path, k: int, n: int, index: int, cell, err: Exception) -> str:
    src = cell.source.splitlines()
    shown = "\n".join("    | " + s for s in src[:25])
    if len(src) > 25:
        shown += f"\n    | ... ({len(src) - 25} more lines)"
    if isinstance(err, CellExecutionError):
        # its text is: a header, the cell source between two dashed lines, the kernel's
        # traceback, and "ename: evalue"; the source is shown above already
        parts = plain(err.traceback).split("------------------\n")
        detail = parts[-1].strip("\n") if len(parts) >= 3 else plain(err.traceback)
    elif isinstance(err, CellTimeoutError):
        detail = f"timeout: {plain(str(err)).strip().splitlines()[0]}"
    else:
        detail = plain(f"{type(err).__name__}: {err}")
    return (f"FAILED {nb_path}: code cell {k}/{n} (cell index {index}, execution_count {k})\n"
            f"  source:\n{shown}\n  error:\n" + "\n".join("    " + s for s in detail.splitlines()))


async def heartbeat(nb_name: str, k: int, n: int, every: float):
    t0 = time.monotonic()
    while True:
        await asyncio.sleep(every)
        log(f"  [{nb_name}] cell {k}/{n} still running ({time.monotonic() - t0:.0f} s)")


async def run_notebook(nb_path: Path, args) -> bool:
    name = nb_path.stem
    out_nb = args.out / nb_path.name
    klog = args.out / f"{name}.kernel.log"
    klog.write_text("")
    nb = nbformat.read(nb_path, as_version=4)
    own = nb.metadata.get("kernelspec", {}).get("name")
    kernel_name = args.kernel or own or "java"
    if args.kernel and own != args.kernel:
        log(f"FAILED {nb_path}: its kernelspec is {own!r}, expected {args.kernel!r} "
            f"(save the notebook with the '{args.kernel}' kernel)")
        return False
    code = [(i, c) for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and c.source.strip()
            and "skip-execution" not in c.metadata.get("tags", [])]
    n = len(code)
    log(f"== {nb_path} ({n} code cells, kernel '{kernel_name}')")
    t_nb = time.monotonic()

    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=args.cell_timeout,
        startup_timeout=int(args.start_timeout),
        allow_errors=False,
        record_timing=True,
        resources={"metadata": {"path": str(nb_path.parent.resolve())}},
    )
    client.reset_execution_trackers()
    km = kc = None
    ok = False
    try:
        try:
            km, kc = await start_kernel(kernel_name, str(nb_path.parent.resolve()), klog,
                                        args.start_timeout, args.start_attempts)
        except StartFailed as e:
            log(f"FAILED {nb_path}: {e}")
            return False
        client.km, client.kc = km, kc
        info = await client.async_wait_for_reply(kc.kernel_info())
        if info and "language_info" in info["content"]:
            nb.metadata["language_info"] = info["content"]["language_info"]

        for k, (index, cell) in enumerate(code, start=1):
            log(f"  [{name}] cell {k}/{n}: {first_line(cell.source)}")
            t_cell = time.monotonic()
            beat = asyncio.ensure_future(heartbeat(name, k, n, args.heartbeat))
            try:
                await client.async_execute_cell(cell, index, execution_count=k)
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
                if STOPPED:
                    log(f"STOPPED {nb_path} at code cell {k}/{n}: the runner got SIGTERM")
                    return False
                log(describe_failure(nb_path, k, n, index, cell, e))
                return False
            finally:
                beat.cancel()
            took = time.monotonic() - t_cell
            if took >= 5:
                log(f"  [{name}] cell {k}/{n} done in {took:.1f} s")
        client.set_widgets_metadata()
        ok = True
        log(f"ok {nb_path}: {n} code cells in {time.monotonic() - t_nb:.1f} s")
        return True
    except Exception as e:  # anything unexpected: report it against this notebook
        log(f"FAILED {nb_path}: {type(e).__name__}: {plain(str(e))}")
        traceback.print_exc(file=sys.stdout)
        return False
    finally:
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            try:
                await km.shutdown_kernel(now=True)
            except Exception:
                pass
        nbformat.write(nb, out_nb)
        log(f"  executed copy: {out_nb}" + ("" if ok else f" (kernel log: {klog})"))


async def main_async(args) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    passed, failed = [], []
    for nb_path in args.notebooks:
        (passed if await run_notebook(nb_path, args) else failed).append(nb_path)
        if STOPPED:
            break
    log(f"kernel starts: {STARTS['attempts']} attempts, {STARTS['hung']} hung, "
        f"{STARTS['died']} died")
    for f in failed:
        log(f"  failed: {f}")
    log(f"notebooks: {len(passed)} passed, {len(failed)} failed")
    return 0 if not failed else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", type=Path)
    p.add_argument("--out", type=Path, default=Path("target/notebooks"))
    p.add_argument("--kernel", default=None,
                   help="kernelspec to run; a notebook saved with another kernelspec name "
                        "fails (default: each notebook's own, else 'java')")
    p.add_argument("--cell-timeout", type=int, default=300)
    p.add_argument("--start-timeout", type=float, default=60)
    p.add_argument("--start-attempts", type=int, default=3)
    p.add_argument("--heartbeat", type=float, default=60,
                   help="seconds between 'still running' lines for a long cell")
    args = p.parse_args()
    if not args.notebooks:
        log("no notebooks given: nothing to run")
        log("notebooks: 0 passed, 0 failed")
        return 0
    missing = [str(n) for n in args.notebooks if not n.is_file()]
    if missing:
        log(f"no such notebook: {', '.join(missing)}")
        return 2
    # a SIGTERM (CI's time limit, say) unwinds like Ctrl-C, so kernels are shut down
    def on_term(*_):
        STOPPED.append(signal.SIGTERM)
        raise SystemExit(143)
    signal.signal(signal.SIGTERM, on_term)
    try:
        return asyncio.run(main_async(args))
    finally:
        for proc in KERNEL_PROCS:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass


if __name__ == "__main__":
    sys.exit(main())
