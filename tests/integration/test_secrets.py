"""Secrets never leak: URL passwords and tokens appear in nothing MRQ serves or writes.

One stack runs with a password on Redis, a user and password in the MongoDB URL, a broker token
and a dashboard password. After it has run jobs (a success, a failure, a refused task) and
fired a schedule, every output is fetched: every process's log, the dashboard's API and
/metrics, every service's /metrics, GetServerInfo, the job records, --help and a config
error; so are the logs of brokers failing on a wrong Redis password and an unreachable MongoDB.
None may contain a secret.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from harness import TASKS_DIR, MongoDB, write_config

from mrq import Client
from mrq.client import ClientSettings
from mrq.security import BrokerAccess
from mrq_local import RedisServer, Stack, StackConfig, free_port, wait_until

READY_TIMEOUT_S = 30.0
DASHBOARD_USER = "admin"
#: Each program, and a flag whose bad value fails its settings' validation.
PROGRAMS = {
    "mrq-broker": "--metrics-port",
    "mrq-worker": "--metrics-port",
    "mrq-scheduler": "--metrics-port",
    "mrq-dashboard": "--port",
}


class Secrets:
    """Distinct random secrets, so a hit names what leaked."""

    def __init__(self) -> None:
        self.redis = f"redis-pw-{secrets.token_hex(6)}"
        self.mongodb = f"mongo-pw-{secrets.token_hex(6)}"
        self.token = f"token-{secrets.token_hex(6)}"
        self.dashboard = f"dash-pw-{secrets.token_hex(6)}"

    def found_in(self, what: str, text: str) -> list[str]:
        return [f"{name} in {what}" for name, value in vars(self).items() if value in text]


@pytest.fixture
def leaky() -> Secrets:
    return Secrets()


@pytest.fixture
def metrics_ports() -> dict[str, int]:
    """A free port for each service's /metrics."""
    return {name: free_port() for name in ("broker", "worker", "scheduler")}


@pytest.fixture
def secret_stack(mongodb: MongoDB, tmp_path: Path, leaky: Secrets, metrics_ports: dict[str, int]) -> Iterator[Stack]:
    """A stack whose every link is password- or token-protected, Redis its own (with a password)."""
    if mongodb.server.kind != "ferretdb":
        pytest.skip("the MongoDB URL's user needs FerretDB, which accepts any with PLAIN")
    redis = RedisServer(tmp_path / "redis", tmp_path / "stack" / "logs" / "redis.log", password=leaky.redis)
    database = f"t{secrets.token_hex(6)}"
    token_file = tmp_path / "token"
    token_file.write_text(leaky.token)
    config = StackConfig(
        data_dir=tmp_path / "stack",
        redis_url=redis.url,
        pythonpath=(TASKS_DIR,),
        mongodb_url=f"mongodb://mrq:{leaky.mongodb}@127.0.0.1:{mongodb.server.port}/{database}?authMechanism=PLAIN",
        access=BrokerAccess(auth_token_file=str(token_file)),
        ready_timeout_s=READY_TIMEOUT_S,
        broker_args=("--metrics-port", str(metrics_ports["broker"])),
        # As every stack under test: the test's own folder, and workers allowed the test tasks
        workdir=tmp_path,
        env={"MRQ_WORKER_TASK_PACKAGES": "mrq_test_tasks"},
    )
    try:
        redis.start(READY_TIMEOUT_S)
        with Stack(config) as stack:
            yield stack
    finally:
        redis.stop()
        mongodb.client.drop_database(database)


def _scrape(url: str, auth: tuple[str, str] | None = None) -> str:
    reply = httpx.get(url, auth=auth, timeout=10)
    assert reply.status_code == 200, (url, reply.status_code, reply.text)
    return reply.text


def test_no_password_or_token_appears_in_any_output(
    secret_stack: Stack, leaky: Secrets, tmp_path: Path, metrics_ports: dict[str, int]
) -> None:
    # Given a broker, worker, scheduler and dashboard, each with its /metrics on
    stack, ports = secret_stack, metrics_ports
    stack.start_worker("default", extra_args=["--metrics-port", str(ports["worker"])])
    config = write_config(
        tmp_path / "config.py", [{"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 1}, "interval": 1}]
    )
    stack.start_scheduler(extra_args=["--config", str(config), "--metrics-port", str(ports["scheduler"])])
    dashboard = stack.start_dashboard(auth=f"{DASHBOARD_USER}:{leaky.dashboard}")
    auth = (DASHBOARD_USER, leaky.dashboard)

    # When jobs succeed, fail, and are refused, and the schedule fires
    settings = ClientSettings(broker_address=stack.broker_address, access=BrokerAccess(auth_token=leaky.token))
    outputs: dict[str, str] = {}
    with Client(settings=settings) as client:
        job_ids = [
            client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}),
            client.enqueue("mrq_test_tasks.fail", {"x": 1}),
            client.enqueue("os.system", "true"),
        ]
        jobs = client.wait(job_ids, timeout=30)
        assert [job["status"] for job in jobs] == ["success", "failed", "failed"]
        outputs["GetServerInfo"] = repr(client.server_info())
        outputs["job records"] = repr(jobs) + "".join(client.get_logs(job_id) for job_id in job_ids)
    wait_until(
        lambda: "mrq_test_tasks.add" in _scrape(f"{dashboard.url}/api/schedules", auth),
        timeout_s=30,
        what="the scheduler's schedule",
    )

    # Then no secret is in the dashboard's API, in any /metrics, ...
    api = httpx.get(f"{dashboard.url}/openapi.json", auth=auth, timeout=10).json()
    for path in [p for p, ops in api["paths"].items() if "get" in ops and "{" not in p]:
        outputs[f"GET {path}"] = _scrape(f"{dashboard.url}{path}", auth)
    for job_id in job_ids:
        outputs[f"GET job {job_id}"] = _scrape(f"{dashboard.url}/api/jobs/{job_id}", auth)
    outputs["dashboard /metrics"] = _scrape(f"{dashboard.url}/metrics", auth)
    for name, port in ports.items():
        outputs[f"{name} /metrics"] = _scrape(f"http://127.0.0.1:{port}/metrics")
    # ... in --help and in a config error, even with the secrets in the environment ...
    env = {
        **os.environ,
        "MRQ_REDIS_URL": stack.redis_url,
        "MRQ_MONGODB_URL": stack.mongodb_url,
        "MRQ_AUTH_TOKEN": leaky.token,
        "MRQ_DASHBOARD_AUTH": f"{DASHBOARD_USER}:{leaky.dashboard}",
    }
    bin_dir = Path(sys.executable).parent
    for program, int_flag in PROGRAMS.items():
        for args in (["--help"], [int_flag, "not-a-number"]):
            done = subprocess.run(
                [str(bin_dir / program), *args], env=env, capture_output=True, text=True, timeout=60, check=False
            )
            outputs[f"{program} {args[0]}"] = done.stdout + done.stderr
    # ... and in no process's log
    stack.close()  # flushes every log
    for log in sorted(stack.logs_dir.glob("*.log")):
        outputs[f"log {log.name}"] = log.read_text(errors="replace")
    # (which did see the jobs and the secrets' paths)
    assert "fail was asked to fail" in outputs["job records"] and "refused a job" in outputs["log worker-1.log"]
    assert "redis://:***@" in outputs["log broker.log"], "the broker logs its Redis URL, redacted"
    leaks = [leak for what, text in outputs.items() for leak in leaky.found_in(what, text)]
    assert not leaks, leaks


def test_database_errors_do_not_show_the_urls_passwords(secret_stack: Stack, leaky: Secrets) -> None:
    # Given brokers started with a wrong Redis password, and with an unreachable MongoDB
    stack = secret_stack
    wrong_redis = stack.redis_url.replace(leaky.redis, f"{leaky.redis}-wrong")
    unreachable_mongodb = f"mongodb://mrq:{leaky.mongodb}@127.0.0.1:{free_port()}/db?serverSelectionTimeoutMS=500"
    wrong_password = stack.start_service(
        "broker-wrong-password",
        ["mrq-broker", "--broker-address", f"127.0.0.1:{free_port()}"],
        env={"MRQ_REDIS_URL": wrong_redis, "MRQ_MONGODB_URL": stack.mongodb_url, "MRQ_BROKER_METRICS_PORT": "0"},
    )
    no_mongodb = stack.start_service(
        "broker-no-mongodb",
        ["mrq-broker", "--broker-address", f"127.0.0.1:{free_port()}"],
        env={"MRQ_REDIS_URL": stack.redis_url, "MRQ_MONGODB_URL": unreachable_mongodb, "MRQ_BROKER_METRICS_PORT": "0"},
    )

    # When they report their errors (the first keeps retrying, the second exits)
    wait_until(
        lambda: "invalid username-password" in wrong_password.log_tail(200),
        timeout_s=30,
        what="the Redis authentication error in the log",
    )
    assert no_mongodb.wait_exit(30) != 0

    # Then neither log holds a password
    logs = {process.name: process.log_path.read_text(errors="replace") for process in (wrong_password, no_mongodb)}
    assert "ServerSelectionTimeoutError" in logs["broker-no-mongodb"]
    assert not [leak for name, text in logs.items() for leak in leaky.found_in(name, text)]
