"""The log shipper's ordering promise: a job's text is stored before its outcome is reported,
even when the periodic shipment carrying that text is still in flight as the job ends."""

from __future__ import annotations

import threading

import gevent

from mrq.v1.worker_service_pb2 import ShipLogsRequest, ShipLogsResponse
from mrq_worker.logs import LogShipper

WAIT_S = 5.0


class SlowBroker:
    """ShipLogs blocks (on its native thread) until ``release`` is set."""

    def __init__(self) -> None:
        self.called = threading.Event()
        self.release = threading.Event()
        self.shipped: list[str] = []

    def ShipLogs(self, request: ShipLogsRequest, timeout: float) -> ShipLogsResponse:
        self.called.set()
        self.release.wait(WAIT_S)
        self.shipped.extend(chunk.text for chunk in request.chunks)
        return ShipLogsResponse()


def test_finish_waits_for_the_shipment_in_flight() -> None:
    # Given a job's line taken by the periodic shipment, whose call has not returned yet
    broker = SlowBroker()
    shipper = LogShipper(
        stub=broker,
        worker_id="w",
        interval_s=60,
        max_bytes_per_job=1000,  # type: ignore[arg-type]
        running=lambda: ["j1"],
    )
    shipper.write("j1", "first line\n")
    periodic = gevent.spawn(shipper.ship)
    while not broker.called.is_set():
        gevent.sleep(0.001)
    # When the job ends, finish does not return (and the outcome is not reported) before the line is stored
    finishing = gevent.spawn(shipper.finish, "j1")
    finishing.join(timeout=0.1)
    assert not finishing.ready() and broker.shipped == []
    broker.release.set()
    finishing.join(timeout=WAIT_S)
    periodic.join(timeout=WAIT_S)
    # Then the line was stored by the time finish returned
    assert finishing.ready() and broker.shipped == ["first line\n"]
