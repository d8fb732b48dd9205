"""Each program reads its own metrics port variable, so one environment can set them all."""

from __future__ import annotations

from mrq.config import settings_from
from mrq_broker.settings import BrokerSettings
from mrq_scheduler.settings import SchedulerSettings
from mrq_worker.settings import WorkerSettings

ENVIRON = {
    "MRQ_BROKER_METRICS_PORT": "19101",
    "MRQ_WORKER_METRICS_PORT": "19102",
    "MRQ_SCHEDULER_METRICS_PORT": "19103",
}


def test_the_broker_the_worker_and_the_scheduler_each_read_their_own_metrics_port() -> None:
    ports = [
        settings_from(model, environ=ENVIRON).metrics_port  # type: ignore[attr-defined]
        for model in (BrokerSettings, WorkerSettings, SchedulerSettings)
    ]

    assert ports == [19101, 19102, 19103]
