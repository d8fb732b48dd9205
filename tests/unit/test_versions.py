"""One version for the whole project: ``mrq.__version__``. Every package, client and service
pin carries a copy, and a release changes them all; this test fails when one is left behind."""

from __future__ import annotations

import importlib
import json
import re
import tomllib
from pathlib import Path

import pytest

import mrq

ROOT = Path(__file__).resolve().parents[2]
PYTHON_PROJECTS = [
    "clients/python",
    "services/broker",
    "services/worker",
    "services/scheduler",
    "services/dashboard-api",
    "deploy/local",
]
PACKAGES = ["mrq_broker", "mrq_worker", "mrq_scheduler", "mrq_dashboard", "mrq_local"]
# Which file holds each other client's copy, and how to find it there.
OTHER_COPIES = {
    "clients/go/mrq/version.go": r'const Version = "([^"]+)"',
    "clients/typescript/src/version.ts": r"export const VERSION = '([^']+)'",
}


def _project(folder: str) -> dict:
    return tomllib.loads((ROOT / folder / "pyproject.toml").read_text())["project"]


@pytest.mark.parametrize("folder", PYTHON_PROJECTS)
def test_every_python_project_has_the_version(folder: str) -> None:
    assert _project(folder)["version"] == mrq.__version__


@pytest.mark.parametrize("folder", PYTHON_PROJECTS[1:])
def test_services_pin_the_client_of_their_release(folder: str) -> None:
    # A bare "mrq" would resolve, from an index, to the unrelated MRQ 0.9.10
    dependencies = _project(folder)["dependencies"]
    assert f"mrq-client=={mrq.__version__}" in dependencies
    assert not [d for d in dependencies if re.match(r"mrq\b(?!-)", d)], dependencies


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_exposes_the_version(package: str) -> None:
    assert importlib.import_module(package).__version__ == mrq.__version__


def test_the_go_and_typescript_clients_have_the_version() -> None:
    for path, pattern in OTHER_COPIES.items():
        match = re.search(pattern, (ROOT / path).read_text())
        assert match and match.group(1) == mrq.__version__, path
    package = json.loads((ROOT / "clients/typescript/package.json").read_text())
    assert package["version"] == mrq.__version__


@pytest.mark.parametrize("client", ["python", "go", "typescript"])
def test_every_client_ships_the_license(client: str) -> None:
    # Each client is packaged from its own folder, so each holds a copy of the project's LICENSE
    assert (ROOT / "clients" / client / "LICENSE").read_text() == (ROOT / "LICENSE").read_text()
