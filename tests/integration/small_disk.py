"""A small tmpfs that a test fills up and frees: the full disk under a broker's SQLite store.

Only the store goes on it (the broker's ``--data-dir``), never the logs, which must go on
telling what happened. Mounting needs root (or CAP_SYS_ADMIN): where it is not permitted,
:func:`small_disk` raises :class:`MountRefused`, whose message says why, for the test to skip
what needs the disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

SIZE_MB = 64


class MountRefused(Exception):
    """This process may not mount a tmpfs here."""


class SmallDisk:
    """A mounted tmpfs of SIZE_MB at ``path``: ``fill()`` takes every free byte, ``free()`` gives them back,
    ``make_read_only()`` remounts it read-only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / "filler"

    def fill(self) -> None:
        """Takes all the free space, so that the next write that needs a new block fails (ENOSPC).

        The broker writes meanwhile: space taken between measuring and allocating makes the
        allocation fail whole, so it is measured and tried again until nothing is left.
        """
        with self.filler.open("ab") as filler:
            while (free_bytes := _free_bytes(self.path)) > 0:
                try:
                    os.posix_fallocate(filler.fileno(), filler.seek(0, os.SEEK_END), free_bytes)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def make_read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True, capture_output=True)


def _free_bytes(path: Path) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


@contextlib.contextmanager
def small_disk(path: Path) -> Iterator[SmallDisk]:
    """Mounts a tmpfs of SIZE_MB at ``path`` (created) for the block, and always unmounts it.

    Raises:
        MountRefused: mounting is not permitted here.
    """
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE_MB}m", "tmpfs", str(path)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        raise MountRefused(
            f"a full disk needs a tmpfs, and mounting one is not permitted here: {mounted.stderr.strip()}"
        )
    try:
        yield SmallDisk(path)
    finally:
        # Lazy: a broker killed a moment ago may still hold the file open as it exits.
        subprocess.run(["umount", "--lazy", str(path)], check=True, capture_output=True)
