"""Every MRQ program answers --version with its name and the project's version."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import mrq

BIN = Path(sys.executable).parent
PROGRAMS = ["mrq", "mrq-broker", "mrq-worker", "mrq-scheduler", "mrq-dashboard", "mrq-local"]


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_program_answers_version(program: str) -> None:
    done = subprocess.run([str(BIN / program), "--version"], capture_output=True, text=True, timeout=60)

    assert (done.returncode, done.stdout.strip()) == (0, f"{program} {mrq.__version__}"), done.stderr
