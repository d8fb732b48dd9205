"""The Prometheus rule tests (deploy/prometheus/tests/mrq_test.yml, run by promtool in
scripts/validate-deploy.sh) cover every recording rule, every alert firing, and every MRQ metric
the rules query. That their series are shaped like the services' real output is checked against
a real scrape in tests/integration/test_metrics.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"
METRIC_RE = re.compile(r"(?<![\w:])(mrq_[a-z0-9_]+)")


def rules() -> list[dict[str, Any]]:
    return [
        rule
        for group in yaml.safe_load((DEPLOY / "rules" / "mrq.yml").read_text())["groups"]
        for rule in group["rules"]
    ]


def rule_tests() -> list[dict[str, Any]]:
    tests: list[dict[str, Any]] = yaml.safe_load((DEPLOY / "tests" / "mrq_test.yml").read_text())["tests"]
    return tests


def test_every_recording_rule_is_evaluated_by_a_rule_test() -> None:
    evaluated = {case["expr"] for test in rule_tests() for case in test.get("promql_expr_test", [])}

    assert {rule["record"] for rule in rules() if "record" in rule} <= evaluated


def test_every_alert_is_seen_firing_by_a_rule_test() -> None:
    firing = {
        case["alertname"] for test in rule_tests() for case in test.get("alert_rule_test", []) if case["exp_alerts"]
    }

    assert {rule["alert"] for rule in rules() if "alert" in rule} <= firing


def test_every_metric_the_rules_query_has_input_series_in_the_rule_tests() -> None:
    queried = {
        re.sub(r"_(bucket|sum|count)$", "", name) for rule in rules() for name in METRIC_RE.findall(str(rule["expr"]))
    }
    given = {
        re.sub(r"_(bucket|sum|count)$", "", series["series"].split("{", 1)[0])
        for test in rule_tests()
        for series in test["input_series"]
    }

    assert queried <= given
