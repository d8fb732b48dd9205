"""Static cross-checks of MRQ's deployment files, run by scripts/validate-deploy.sh.

The shell script runs the off-the-shelf validators (docker-compose, hadolint, kubernetes-validate,
the Go manifest checker, promtool, nginx -t); this module checks what none of them can see, the
agreement *between* files:

- Dockerfiles: pinned base images, a non-root numeric USER, a HEALTHCHECK, COPY sources that
  exist and are not excluded by .dockerignore, console scripts that the packages declare;
- docker-compose: a scalable worker, healthchecks behind every ``service_healthy``, Redis AOF,
  metrics ports that match the Prometheus scrape jobs;
- Prometheus, Grafana, prometheus-adapter and the HPA: only known metric names, a dashboard that
  covers what it must, panels that hold together.

It also writes, into ``--work-dir``, the inputs of the checks the shell script runs next: every
PromQL expression of the dashboard and of the adapter rules as a rules file (for ``promtool check
rules``), and the dashboard UI's nginx config rendered as its entrypoint would (for ``nginx -t``).

Runs in the validation tools' virtualenv (it needs PyYAML). Exit status 1 on any problem.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

#: The metrics the services expose (the contract Prometheus, Grafana and the HPA rely on).
METRICS: dict[str, str] = {
    "mrq_jobs_enqueued_total": "counter",
    "mrq_jobs_dequeued_total": "counter",
    "mrq_jobs_finished_total": "counter",
    "mrq_job_duration_seconds": "histogram",
    "mrq_queue_depth": "gauge",
    "mrq_queue_oldest_job_age_seconds": "gauge",
    "mrq_leases_expired_total": "counter",
    "mrq_jobs_requeued_total": "counter",
    "mrq_worker_greenlets": "gauge",
    "mrq_worker_greenlets_busy": "gauge",
    "mrq_grpc_requests_total": "counter",
    "mrq_grpc_request_duration_seconds": "histogram",
    "mrq_scheduler_ticks_total": "counter",
    "mrq_dashboard_requests_total": "counter",
}
#: What the Grafana dashboard must chart.
DASHBOARD_MUST_USE = {
    "mrq_jobs_finished_total",
    "mrq_queue_depth",
    "mrq_queue_oldest_job_age_seconds",
    "mrq_job_duration_seconds",
    "mrq_worker_greenlets",
    "mrq_grpc_request_duration_seconds",
}
#: Compose service -> (env var holding its metrics port, Prometheus job scraping it).
METRICS_PORT_ENV = {
    "broker": ("MRQ_BROKER_METRICS_PORT", "mrq-broker"),
    "worker": ("MRQ_WORKER_METRICS_PORT", "mrq-worker"),
    "scheduler": ("MRQ_SCHEDULER_METRICS_PORT", "mrq-scheduler"),
    "dashboard-api": ("MRQ_DASHBOARD_PORT", "mrq-dashboard-api"),
}

DIGEST_RE = re.compile(r"@sha256:[0-9a-f]{64}$")
PROMQL_NAME_RE = re.compile(r"(?<![\w:\"'.$])(mrq_[a-z0-9_]+)")


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)


# --- Dockerfiles -------------------------------------------------------------------------------


@dataclass
class Instruction:
    keyword: str
    args: str
    line: int


@dataclass
class Dockerfile:
    path: Path
    args: dict[str, str]
    stages: list[list[Instruction]]

    @property
    def final(self) -> list[Instruction]:
        return self.stages[-1]


def parse_dockerfile(path: Path) -> Dockerfile:
    """Instructions by stage (continuations joined, comments dropped) and the global ARG defaults."""
    instructions: list[Instruction] = []
    pending, start = "", 0
    for number, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        text = pending + line
        pending = ""
        keyword, _, rest = text.partition(" ")
        instructions.append(Instruction(keyword.upper(), rest.strip(), start))
    args: dict[str, str] = {}
    stages: list[list[Instruction]] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            stages.append([])
        if not stages:
            if instruction.keyword == "ARG" and "=" in instruction.args:
                name, _, value = instruction.args.partition("=")
                args[name.strip()] = value.strip()
            continue
        stages[-1].append(instruction)
    return Dockerfile(path, args, stages)


def expand(value: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: variables.get(m.group(1), m.group(0)), value)


def env_of(stage: list[Instruction]) -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction in stage:
        if instruction.keyword == "ENV":
            for word in shlex.split(instruction.args):
                name, _, value = word.partition("=")
                env[name] = value
    return env


class DockerIgnore:
    """The .dockerignore rules, as Docker applies them: the last matching pattern wins."""

    def __init__(self, path: Path) -> None:
        self.rules: list[tuple[re.Pattern[str], bool]] = []
        for raw in path.read_text().splitlines() if path.exists() else []:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            include = line.startswith("!")
            regex = glob_to_regex(line.lstrip("!").strip("/"))
            self.rules.append((re.compile(f"^{regex}(?:/.*)?$"), include))

    def excluded(self, relative: str) -> bool:
        verdict = False
        for regex, include in self.rules:
            if regex.match(relative):
                verdict = not include
        return verdict


def glob_to_regex(pattern: str) -> str:
    """Docker's pattern syntax (Go's filepath.Match plus ``**``) as a regular expression."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i:]:
            end = pattern.index("]", i)
            out.append(pattern[i : end + 1].replace("[!", "[^"))
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def copy_sources(instruction: Instruction) -> list[str] | None:
    """The context paths a COPY reads, or None for a COPY --from another stage or image."""
    words = shlex.split(instruction.args)
    if any(word.startswith("--from") for word in words):
        return None
    paths = [word for word in words if not word.startswith("--")]
    return paths[:-1]


def check_dockerfile(
    dockerfile: Dockerfile, ignore: DockerIgnore | None, report: Report, *, require_digests: bool
) -> None:
    where = str(dockerfile.path.relative_to(ROOT))
    for name, value in dockerfile.args.items():
        if require_digests and name.endswith("_IMAGE") and not DIGEST_RE.search(value):
            report.problem(where, f"ARG {name}={value} is not pinned by digest (@sha256:...)")
    final = dockerfile.final
    users = [i.args for i in final if i.keyword == "USER"]
    if not users or not re.fullmatch(r"[1-9][0-9]*(:[0-9]+)?", users[-1]):
        report.problem(
            where,
            "the final stage must end on a numeric non-root USER (Kubernetes' runAsNonRoot "
            f"can only verify a numeric one); found {users[-1:] or 'none'}",
        )
    if require_digests and not any(i.keyword == "HEALTHCHECK" for i in final):
        report.problem(where, "no HEALTHCHECK in the final stage")
    env = env_of(final)
    exposed = {port for i in final if i.keyword == "EXPOSE" for port in i.args.split()}
    for name in sorted(key for key in env if key.endswith(("METRICS_PORT", "DASHBOARD_PORT"))):
        if env[name] not in exposed:
            report.problem(where, f"{name}={env[name]} is not EXPOSEd ({sorted(exposed)})")
    if ignore is None:
        return
    for stage in dockerfile.stages:
        for instruction in stage:
            if instruction.keyword in ("COPY", "ADD"):
                for source in copy_sources(instruction) or []:
                    check_copy_source(where, instruction, source.rstrip("/"), ignore, report)
    check_entrypoint(where, dockerfile, report)


def check_copy_source(where: str, instruction: Instruction, source: str, ignore: DockerIgnore, report: Report) -> None:
    if not (ROOT / source).exists():
        report.problem(where, f"line {instruction.line}: COPY source {source} does not exist")
    elif ignore.excluded(source):
        report.problem(where, f"line {instruction.line}: COPY source {source} is excluded by .dockerignore")
    elif (ROOT / source).is_dir():
        # Docker copies a directory minus what .dockerignore excludes: no tracked file may be.
        tracked = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "--", source], check=True, capture_output=True, text=True
        ).stdout.split()
        dropped = [path for path in tracked if ignore.excluded(path)]
        if dropped:
            report.problem(
                where,
                f"line {instruction.line}: .dockerignore drops tracked files from {source}: {', '.join(dropped[:5])}",
            )


def check_entrypoint(where: str, dockerfile: Dockerfile, report: Report) -> None:
    """The console script the image runs must be one its Python package declares."""
    entrypoints = [i.args for i in dockerfile.final if i.keyword == "ENTRYPOINT"]
    if not entrypoints:
        return
    command = [word for word in json.loads(entrypoints[-1]) if word not in ("tini", "--")]
    packages = {
        source.rstrip("/")
        for stage in dockerfile.stages
        for i in stage
        if i.keyword == "COPY"
        for source in copy_sources(i) or []
        if source.startswith("services/")
    }
    for package in packages:
        pyproject = ROOT / package / "pyproject.toml"
        if not pyproject.exists():
            continue
        scripts = tomllib.loads(pyproject.read_text()).get("project", {}).get("scripts", {})
        if command[0] not in scripts:
            report.problem(
                where,
                f"ENTRYPOINT runs {command[0]}, which {package}/pyproject.toml does not declare "
                f"(it declares {sorted(scripts)})",
            )


def check_dockerfiles(report: Report) -> dict[str, Dockerfile]:
    ignore = DockerIgnore(ROOT / ".dockerignore")
    parsed: dict[str, Dockerfile] = {}
    for path in sorted((ROOT / "deploy/docker").glob("*.Dockerfile")):
        dockerfile = parse_dockerfile(path)
        check_dockerfile(dockerfile, ignore, report, require_digests=True)
        parsed[str(path.relative_to(ROOT))] = dockerfile
    example = parse_dockerfile(ROOT / "examples/worker-image/Dockerfile")
    check_dockerfile(example, None, report, require_digests=False)
    for source in ("tasks.py", "requirements.txt"):
        if not (ROOT / "examples/worker-image" / source).exists():
            report.problem("examples/worker-image/Dockerfile", f"COPY source {source} does not exist")
    return parsed


# --- docker-compose ----------------------------------------------------------------------------


def check_compose(
    config: dict[str, Any], dockerfiles: dict[str, Dockerfile], scrape_ports: dict[str, int], report: Report
) -> None:
    """``config``: the output of ``docker-compose config`` (interpolated, merged)."""
    services: dict[str, Any] = config["services"]
    for key in ("container_name", "ports"):
        if key in services["worker"]:
            report.problem("docker-compose.yml", f"worker sets {key}: `--scale worker=N` needs it gone")
    for name, service in services.items():
        check_compose_dependencies(name, service, services, dockerfiles, report)
    check_compose_backends(services, report)
    for name, (env_name, job) in METRICS_PORT_ENV.items():
        env = services.get(name, {}).get("environment") or {}
        # Any other *METRICS_PORT variable is one the service does not read: it must agree too, or go.
        names = [env_name] + [key for key in env if key.endswith("METRICS_PORT") and key != env_name]
        for key in names:
            if str(scrape_ports.get(job)) != str(env.get(key)):
                report.problem(
                    "docker-compose.yml",
                    f"{name}: {key}={env.get(key)}, but Prometheus job {job} scrapes port {scrape_ports.get(job)}",
                )
    grafana_mounts = " ".join(services["grafana"].get("volumes") or [])
    if "/var/lib/grafana/dashboards/mrq" not in grafana_mounts:
        report.problem("docker-compose.yml", "grafana must mount deploy/grafana/dashboards where the provider looks")


def check_compose_dependencies(
    name: str, service: dict[str, Any], services: dict[str, Any], dockerfiles: dict[str, Dockerfile], report: Report
) -> None:
    for dependency, condition in (service.get("depends_on") or {}).items():
        if dependency not in services:
            report.problem("docker-compose.yml", f"{name} depends on unknown service {dependency}")
        elif condition.get("condition") == "service_healthy" and not has_healthcheck(services[dependency], dockerfiles):
            report.problem(
                "docker-compose.yml",
                f"{name} waits for {dependency} to be healthy, but it has no healthcheck (compose or image)",
            )
    build = service.get("build")
    if build and not (Path(build["context"]) / build.get("dockerfile", "Dockerfile")).exists():
        report.problem("docker-compose.yml", f"{name}: Dockerfile {build.get('dockerfile')} not found")


def check_compose_backends(services: dict[str, Any], report: Report) -> None:
    redis_command = " ".join(services["redis"].get("command") or [])
    for setting in ("--appendonly yes", "--appendfsync everysec", "--maxmemory-policy noeviction"):
        if setting not in redis_command:
            report.problem("docker-compose.yml", f"redis must run with {setting}")
    if "--replSet" not in (services["mongo"].get("command") or []) or "healthcheck" not in services["mongo"]:
        report.problem("docker-compose.yml", "mongo must run a replica set with an initiating healthcheck")


def has_healthcheck(service: dict[str, Any], dockerfiles: dict[str, Dockerfile]) -> bool:
    if "healthcheck" in service:
        return not service["healthcheck"].get("disable", False)
    build = service.get("build")
    if not build:
        return False
    relative = str((Path(build["context"]) / build.get("dockerfile", "Dockerfile")).resolve().relative_to(ROOT))
    dockerfile = dockerfiles.get(relative)
    return dockerfile is not None and any(i.keyword == "HEALTHCHECK" for i in dockerfile.final)


# --- Prometheus, Grafana, the adapter and the HPA -----------------------------------------------


def check_prometheus(report: Report) -> dict[str, int]:
    """Returns each scrape job's port; checks the rules use known metrics."""
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    ports: dict[str, int] = {}
    for job in config["scrape_configs"]:
        for sd in job.get("dns_sd_configs", []):
            ports[job["job_name"]] = int(sd["port"])
    for rules_file in sorted((ROOT / "deploy/prometheus/rules").glob("*.yml")):
        for group in yaml.safe_load(rules_file.read_text())["groups"]:
            for rule in group["rules"]:
                check_metric_names(str(rules_file.relative_to(ROOT)), str(rule["expr"]), report)
    return ports


def check_metric_names(where: str, expr: str, report: Report) -> set[str]:
    used = set()
    for name in PROMQL_NAME_RE.findall(expr):
        base = re.sub(r"_(bucket|sum|count)$", "", name)
        if name in METRICS:
            used.add(name)
        elif base in METRICS and METRICS[base] == "histogram":
            used.add(base)
        else:
            report.problem(where, f"unknown metric {name} in {expr!r}")
    return used


def promql_for_check(expr: str) -> str:
    """A dashboard expression with Grafana's variables replaced, so promtool can parse it."""
    expr = expr.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "1h")
    return re.sub(r"\$\{?(\w+)\}?", ".*", expr)


def check_grafana(report: Report) -> list[str]:
    """Returns the dashboard's PromQL, variables replaced."""
    where = "deploy/grafana/dashboards/mrq.json"
    dashboard = json.loads((ROOT / where).read_text())
    variables = {v["name"] for v in dashboard.get("templating", {}).get("list", [])}
    ids: set[int] = set()
    used: set[str] = set()
    expressions: list[str] = []
    for panel in iter_panels(dashboard["panels"]):
        title = f"{where} panel {panel.get('title')!r}"
        if panel["id"] in ids:
            report.problem(title, f"duplicate panel id {panel['id']}")
        ids.add(panel["id"])
        grid = panel.get("gridPos", {})
        if not all(k in grid for k in "hwxy") or grid["x"] + grid["w"] > 24:
            report.problem(title, f"bad gridPos {grid}")
        if panel["type"] != "row":
            used |= check_panel_queries(title, panel, variables, expressions, report)
    for missing in sorted(DASHBOARD_MUST_USE - used):
        report.problem(where, f"no panel charts {missing}")
    provider = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/mrq.yml").read_text())
    if provider["providers"][0]["options"]["path"] != "/var/lib/grafana/dashboards/mrq":
        report.problem("deploy/grafana/provisioning/dashboards/mrq.yml", "path must be /var/lib/grafana/dashboards/mrq")
    datasources = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    if not any(d.get("type") == "prometheus" and d.get("isDefault") for d in datasources["datasources"]):
        report.problem("deploy/grafana/provisioning/datasources/prometheus.yml", "no default Prometheus datasource")
    return expressions


def check_panel_queries(
    title: str, panel: dict[str, Any], variables: set[str], expressions: list[str], report: Report
) -> set[str]:
    """Checks a panel's queries, appends them to ``expressions``; returns the metrics they use."""
    if panel.get("datasource", {}).get("uid") != "${datasource}":
        report.problem(title, "datasource must be the ${datasource} variable")
    if not panel.get("targets"):
        report.problem(title, "no query")
    used: set[str] = set()
    for target in panel.get("targets", []):
        expr = target.get("expr", "")
        for variable in re.findall(r"\$\{?(\w+)\}?", expr):
            if not variable.startswith("__") and variable not in variables:
                report.problem(title, f"unknown variable ${variable}")
        used |= check_metric_names(title, expr, report)
        expressions.append(promql_for_check(expr))
    return used


def iter_panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in panels:
        yield panel
        yield from iter_panels(panel.get("panels", []))


def check_autoscaling(report: Report) -> list[str]:
    """The HPA's external metrics must be served by the adapter rules; returns the rules' PromQL."""
    where = "deploy/kubernetes/optional/prometheus-adapter-values.yaml"
    values = yaml.safe_load((ROOT / where).read_text())
    served: set[str] = set()
    expressions = []
    for rule in values["rules"]["external"]:
        series = PROMQL_NAME_RE.findall(rule["seriesQuery"])[0]
        served.add(rule["name"]["as"])
        query = rule["metricsQuery"].replace("<<.Series>>", series).replace("<<.LabelMatchers>>", 'queue="default"')
        check_metric_names(where, query, report)
        expressions.append(query)
    hpa = yaml.safe_load((ROOT / "deploy/kubernetes/worker-hpa.yaml").read_text())
    for metric in hpa["spec"]["metrics"]:
        if metric["type"] == "External":
            name = metric["external"]["metric"]["name"]
            check_metric_names("deploy/kubernetes/worker-hpa.yaml", name, report)
            if name not in served:
                report.problem(
                    "deploy/kubernetes/worker-hpa.yaml", f"external metric {name} has no adapter rule in {where}"
                )
    return expressions


def write_promql_rules(expressions: list[str], path: Path) -> None:
    rules = [{"record": f"mrq:validate:{index}", "expr": expr} for index, expr in enumerate(expressions)]
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard-and-adapter", "rules": rules}]}))


def render_nginx(work_dir: Path) -> None:
    """nginx.conf with /etc/nginx/ moved under work_dir, and the server template rendered as the
    image's entrypoint does (set env vars substituted, nginx's own $variables left alone)."""
    source = ROOT / "deploy/docker/nginx"
    (work_dir / "conf.d").mkdir(parents=True, exist_ok=True)
    prefix = f"{work_dir}/"
    (work_dir / "nginx.conf").write_text((source / "nginx.conf").read_text().replace("/etc/nginx/", prefix))
    # The upstream must resolve where `nginx -t` runs; the real default is http://dashboard-api:5555.
    env = {**os.environ, "MRQ_DASHBOARD_API_URL": "http://127.0.0.1:5555"}
    template = (source / "dashboard.conf.template").read_text()
    rendered = re.sub(r"\$\{(\w+)\}", lambda m: env.get(m.group(1), m.group(0)), template)
    if "${" in rendered:
        raise SystemExit(f"nginx template: unset variable in {rendered}")
    (work_dir / "conf.d" / "dashboard.conf").write_text(rendered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--compose-config", type=Path, required=True, help="output of `docker-compose config` for docker-compose.yml"
    )
    parser.add_argument("--work-dir", type=Path, required=True, help="where to write promql.yml and nginx/")
    args = parser.parse_args(argv)
    report = Report()
    dockerfiles = check_dockerfiles(report)
    scrape_ports = check_prometheus(report)
    check_compose(yaml.safe_load(args.compose_config.read_text()), dockerfiles, scrape_ports, report)
    expressions = check_grafana(report) + check_autoscaling(report)
    write_promql_rules(expressions, args.work_dir / "promql.yml")
    render_nginx(args.work_dir / "nginx")
    for note in report.notes:
        print(f"  note: {note}")
    for problem in report.problems:
        print(f"ERROR {problem}", file=sys.stderr)
    if report.problems:
        return 1
    print(
        f"cross-checks: {len(dockerfiles) + 1} Dockerfiles, compose, Prometheus, Grafana "
        f"({len(expressions)} PromQL expressions), adapter and HPA agree"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
