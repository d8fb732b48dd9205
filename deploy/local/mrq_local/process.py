"""A managed child process: started with its output in a log file, polled until ready, stopped
with SIGTERM then SIGKILL.

Each child runs in its own process group, for two reasons: Ctrl-C in a terminal reaches only the
launcher, which then stops the children in order (workers before the broker before the
databases); and the whole group can be killed, so a worker's own child processes never outlive
it. Where ``setpriv`` exists (util-linux), children also get SIGTERM if the launcher dies without
cleaning up (parent-death signal), so even ``kill -9`` of the launcher leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from mrq.security import redact_argv
from mrq_local.errors import LaunchError, NotReady, ProcessExited
from mrq_local.polling import wait_until

ReadyCheck = Callable[[], bool]


@functools.cache
def _parent_death_prefix() -> tuple[str, ...]:
    """``setpriv`` arguments that make the kernel SIGTERM the child when we die, if it exists.

    The parent-death signal is tied to the thread that started the child: start processes from a
    thread that outlives them (the main thread, in the launcher and in pytest fixtures).
    """
    setpriv = shutil.which("setpriv")
    return (setpriv, "--pdeathsig", "TERM", "--") if setpriv else ()


class ManagedProcess:
    """One child process and its log file.

    Args:
        name: Short name, used in messages (e.g. "broker", "worker-1").
        argv: The command; ``argv[0]`` is looked up on the PATH of the child's environment.
        log_path: File the child's stdout and stderr are appended to.
        env: Variables added to (or overriding) this process's environment for the child.
        cwd: The child's working directory; default: ours.
        ready: Returns True once the child serves; None means ready as soon as it started.
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        ready: ReadyCheck | None = None,
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.log_path = log_path
        self.env = dict(env or {})
        self.cwd = cwd
        self._ready = ready
        self._popen: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        state = f"pid={self._popen.pid}" if self._popen else "not started"
        return f"<ManagedProcess {self.name} {state} alive={self.is_alive()}>"

    @property
    def pid(self) -> int:
        """The child's process id (also its process group id)."""
        return self._started().pid

    @property
    def returncode(self) -> int | None:
        """The exit code once it exited (negative: killed by that signal), else None."""
        return self._started().poll()

    def start(self) -> None:
        """Starts the child without waiting for it to be ready.

        Raises:
            LaunchError: it is already running, or its command is not on the PATH.
        """
        if self.is_alive():
            raise LaunchError(f"{self.name} is already running (pid {self.pid})")
        env = {**os.environ, **self.env}
        executable = shutil.which(self.argv[0], path=env.get("PATH"))
        if executable is None:
            raise LaunchError(f"{self.name}: command not found: {self.argv[0]} (did `make install` run?)")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {shlex.join(redact_argv(self.argv))}\n".encode())
            log.flush()
            self._popen = subprocess.Popen(
                [*_parent_death_prefix(), executable, *self.argv[1:]],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.cwd,
                process_group=0,
            )

    def wait_ready(self, timeout_s: float) -> None:
        """Polls the ready check until it passes.

        Raises:
            ProcessExited: the child exited first.
            NotReady: the check still failed after ``timeout_s`` seconds.
        """
        if self._ready is None:
            return
        check = self._ready

        def exited_or_ready() -> bool:
            if not self.is_alive():
                raise ProcessExited(
                    f"{self.name} exited with code {self.returncode} while starting{self._log_excerpt()}",
                    self.returncode,
                )
            return check()

        try:
            wait_until(exited_or_ready, timeout_s, interval_s=0.05, what=f"{self.name} to be ready")
        except TimeoutError as exc:
            raise NotReady(f"{self.name} was not ready after {timeout_s:g}s{self._log_excerpt()}") from exc

    def is_alive(self) -> bool:
        """Whether the child was started and has not exited."""
        return self._popen is not None and self._popen.poll() is None

    def send_signal(self, sig: int) -> None:
        """Sends ``sig`` to the child alone (not to its own children); a no-op once it exited."""
        self._started().send_signal(sig)

    def kill(self) -> None:
        """SIGKILLs the child alone, as a crash would, and reaps it.

        Its own children, if any, keep running (as after a real crash) until :meth:`stop`.
        """
        popen = self._started()
        popen.send_signal(signal.SIGKILL)
        popen.wait()

    def wait_exit(self, timeout_s: float) -> int:
        """Waits for the child to exit and returns its exit code.

        Raises:
            TimeoutError: it was still running after ``timeout_s`` seconds.
        """
        try:
            return self._started().wait(timeout_s)
        except subprocess.TimeoutExpired as exc:
            raise TimeoutError(f"{self.name} still running after {timeout_s:g}s") from exc

    def stop(self, grace_s: float = 10.0, sig: int = signal.SIGTERM) -> int | None:
        """Sends ``sig``, waits up to ``grace_s`` for an exit, then SIGKILLs the whole group.

        Whatever is left in the child's process group afterwards (children it failed to stop) is
        SIGKILLed too. Safe to call more than once, and on a child never started.

        Returns:
            The exit code, or None if the child was never started.
        """
        popen = self._popen
        if popen is None:
            return None
        if popen.poll() is None:
            popen.send_signal(sig)
            try:
                popen.wait(grace_s)
            except subprocess.TimeoutExpired:
                self._note(f"still running {grace_s:g}s after {signal.Signals(sig).name}: SIGKILL")
                self._kill_group()
                popen.wait()
        if self._group_exists():
            self._note("left processes behind in its group: SIGKILL")
            self._kill_group()
        return popen.returncode

    def restart(self, ready_timeout_s: float, grace_s: float = 10.0, *, crash: bool = False) -> None:
        """Stops the child, starts it again with the same command, and waits until it is ready.

        With ``crash``, the child is SIGKILLed instead of asked to stop, as a crash would end it.
        """
        if crash:
            self.kill()
        self.stop(grace_s)  # after a kill: reaps what the child left in its group
        self.start()
        self.wait_ready(ready_timeout_s)

    def log_tail(self, lines: int = 30) -> str:
        """The last ``lines`` lines of the log file ("" if there is none yet)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _started(self) -> subprocess.Popen[bytes]:
        if self._popen is None:
            raise LaunchError(f"{self.name} was never started")
        return self._popen

    def _log_excerpt(self) -> str:
        return f"; last lines of {self.log_path}:\n{self.log_tail()}"

    def _note(self, message: str) -> None:
        """Appends a launcher's remark to the log, where someone debugging the child will look."""
        with self.log_path.open("a") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} mrq-local: {message}\n")

    def _group_exists(self) -> bool:
        try:
            os.killpg(self._started().pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True

    def _kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._started().pid, signal.SIGKILL)
