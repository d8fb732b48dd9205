"""Each client installed as a user would, in a fresh folder outside the clone, runs the example
at the top of its README, as it stands, against a broker that requires a token over TLS (so the
token and TLS settings of each client are exercised too).

- Python: the client's wheel, installed alone into a folder (its dependencies come from the test
  environment, so nothing is downloaded), and a service's wheel, which must pin ``mrq-client``
  at the same version;
- Go: a new module that depends on the client through a ``replace`` directive, as the README says;
- TypeScript: ``npm pack`` run in a copy of the package folder alone, and the tarball installed
  into a new project checked by a strict ``tsc``.

npm and Go read their registries (or their caches); nothing else is downloaded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from certificates import make_certificates
from harness import StackUnderTest

import mrq
from mrq.security import BrokerAccess

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "clients"
TOKEN = "install-check-token"
GO_MODULE = "github.com/mrq-project/mrq/clients/go"
NPM_QUIET = ["--no-audit", "--no-fund", "--loglevel=error"]
# A strict compile of the README example, as a user's project would have it.
TSCONFIG = """{"compilerOptions": {"target": "ES2022", "module": "node16", "moduleResolution": "node16",
 "strict": true, "noUncheckedIndexedAccess": true, "types": ["node"], "outDir": "dist"}, "files": ["main.ts"]}"""


def readme_example(client: str, language: str) -> str:
    """The first ``language`` code block of the client's README: the example under Install."""
    match = re.search(rf"```{language}\n(.*?)```", (CLIENTS / client / "README.md").read_text(), re.DOTALL)
    assert match, f"clients/{client}/README.md has no {language} example"
    return match.group(1)


def run(command: list[str], cwd: Path, env: Mapping[str, str] | None = None, timeout_s: float = 300) -> str:
    result = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    assert result.returncode == 0, f"{' '.join(command)} in {cwd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def install_python(folder: Path, env: dict[str, str]) -> tuple[list[str], Path]:
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    run(
        [
            *pip,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            "wheels",
            str(CLIENTS / "python"),
            str(ROOT / "services" / "broker"),
        ],
        folder,
    )
    # The service resolves its client by the distribution name, at exactly this version
    with zipfile.ZipFile(next((folder / "wheels").glob("mrq_broker-*.whl"))) as wheel:
        metadata = wheel.read(f"mrq_broker-{mrq.__version__}.dist-info/METADATA").decode()
    assert f"Requires-Dist: mrq-client=={mrq.__version__}" in metadata
    assert not re.search(r"^Requires-Dist: mrq\b(?!-)", metadata, re.MULTILINE)
    run(
        [*pip, "install", "--no-deps", "--target", "site", *map(str, (folder / "wheels").glob("mrq_client-*.whl"))],
        folder,
    )
    (folder / "example.py").write_text(
        f"import mrq\nassert mrq.__file__.startswith({str(folder)!r})\n" + readme_example("python", "python")
    )
    env["PYTHONPATH"] = str(folder / "site")
    return [sys.executable, "example.py"], folder


def install_go(folder: Path, env: dict[str, str]) -> tuple[list[str], Path]:
    env.update(GOWORK="off", GOFLAGS="-mod=mod")
    run(["go", "mod", "init", "example.com/app"], folder, env)
    run(
        ["go", "mod", "edit", f"-require={GO_MODULE}@v{mrq.__version__}", f"-replace={GO_MODULE}={CLIENTS / 'go'}"],
        folder,
        env,
    )
    (folder / "main.go").write_text(readme_example("go", "go"))
    run(["go", "mod", "tidy"], folder, env)
    run(["go", "vet", "."], folder, env)
    return ["go", "run", "."], folder


def install_typescript(folder: Path, env: dict[str, str]) -> tuple[list[str], Path]:
    # The package folder alone: its build (prepack) must need nothing else from the clone
    package = folder / "package"
    shutil.copytree(CLIENTS / "typescript", package, ignore=shutil.ignore_patterns("node_modules", "dist", "*.tgz"))
    run(["npm", "ci", "--ignore-scripts", "--prefer-offline", *NPM_QUIET], package)
    tarball = package / run(["npm", "pack", "--silent"], package).strip().splitlines()[-1]
    app = folder / "app"
    app.mkdir()
    run(["npm", "init", "-y"], app)
    dev = json.loads((package / "package.json").read_text())["devDependencies"]
    pins = [f"{name}@{dev[name]}" for name in ("typescript", "@types/node")]
    run(["npm", "install", "--prefer-offline", *NPM_QUIET, str(tarball), *pins], app)
    listing = run(["tar", "tzf", str(tarball)], folder)
    for shipped in (
        "package/dist/src/index.js",
        "package/dist/src/index.d.ts",
        "package/proto/mrq/v1/job.proto",
        "package/proto/mrq/v1/service_config.json",
        "package/LICENSE",
    ):
        assert shipped in listing, listing
    (app / "main.ts").write_text(readme_example("typescript", "ts"))
    (app / "tsconfig.json").write_text(TSCONFIG)
    run(["node_modules/.bin/tsc", "-p", "."], app)
    return ["node", "dist/main.js"], app


# Each installs its client into the folder as its README says (adding to the example's env) and
# returns the command that runs the example, and where.
INSTALLS: dict[str, Callable[[Path, dict[str, str]], tuple[list[str], Path]]] = {
    "python": install_python,
    "go": install_go,
    "typescript": install_typescript,
}


@pytest.mark.parametrize("client", INSTALLS)
def test_readme_example_runs_from_a_fresh_install(
    make_stack: Callable[..., StackUnderTest], tmp_path: Path, client: str
) -> None:
    # Given a broker that requires a token over TLS, with a worker, and a folder outside the clone
    certs = make_certificates(tmp_path / "certs")
    stack = make_stack(
        broker_args=("--tls-cert-file", str(certs.server_cert), "--tls-key-file", str(certs.server_key)),
        access=BrokerAccess(auth_token=TOKEN, broker_tls_ca_file=str(certs.ca)),
    )
    # (the READMEs' examples run a user's tasks.add, as the tour's tasks.py has it)
    user_tasks = tmp_path / "user-tasks"
    user_tasks.mkdir()
    (user_tasks / "tasks.py").write_text("def add(params):\n    return params['a'] + params['b']\n")
    stack.start_worker("default", env={"PYTHONPATH": str(user_tasks), "MRQ_WORKER_TASK_PACKAGES": "tasks"})
    folder = tmp_path / "fresh"
    folder.mkdir()
    assert not folder.is_relative_to(ROOT)
    env = {"MRQ_BROKER_ADDRESS": stack.broker_address, "MRQ_AUTH_TOKEN": TOKEN, "MRQ_BROKER_TLS_CA_FILE": str(certs.ca)}
    # When the client is installed as its README says, and its example runs
    command, cwd = INSTALLS[client](folder, env)
    output = run(command, cwd, env)
    # Then the job ran
    assert output.strip().endswith("success 3"), output
