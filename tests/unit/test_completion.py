"""`mrq completion bash`: a script that, sourced in bash, completes mrq's commands and every
program's options from their real parsers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mrq.cli import main

CASES = {
    "mrq en": "enqueue enqueue-many enqueue-raw",
    "mrq enqueue --un": "--unique",
    "mrq-broker --max-b": "--max-batch-size --max-bulk-updates",
    "mrq-worker --green": "--greenlets",
    "mrq-local ": "up",
    "mrq-local up --redis-u": "--redis-url",
}


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_completes_commands_and_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the script mrq prints
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "mrq.bash"
    script.write_text(capsys.readouterr().out)
    # When bash completes each partial command line
    lines = "\n".join(
        f"COMP_WORDS=({' '.join(repr(w) for w in line.split(' '))}); "
        f'COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _mrq_complete; echo "${{COMPREPLY[*]}}"'
        for line in CASES
    )
    result = subprocess.run(
        ["bash", "-c", f"source {script}\n{lines}"], capture_output=True, text=True, check=True, timeout=30
    )
    # Then it offers the right words
    assert result.stdout.splitlines() == list(CASES.values())
