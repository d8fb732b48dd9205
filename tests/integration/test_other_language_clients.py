"""The Go and TypeScript clients, each against the real stack: it enqueues, a Python worker runs
the job, and the same client reads the result back. Their own test suites (clients/test.sh) hold
the assertions, including the same INVALID_ARGUMENT errors as from Python for bad input."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

CLIENTS_TEST = Path(__file__).resolve().parents[2] / "clients" / "test.sh"


@pytest.mark.parametrize("language", ["go", "typescript"])
def test_client_suite_passes_against_the_stack(stack, language: str) -> None:
    # Given a worker that runs tests/integration/mrq_test_tasks.py on the "default" queue
    stack.start_worker("default")
    # When the client's suite runs with its integration tests enabled
    env = {**os.environ, "MRQ_TEST_BROKER_ADDRESS": stack.broker_address, "MRQ_TEST_QUEUE": "default"}
    result = subprocess.run([str(CLIENTS_TEST), language], env=env, capture_output=True, text=True,
                            timeout=600, check=False)
    # Then it passes, and its integration tests really ran (not skipped)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "integration tests use the broker" in output
