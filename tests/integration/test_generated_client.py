"""The proto files are the whole contract: a client generated from proto/ alone, with no MRQ code
importable, enqueues a job and reads its result back."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import google.protobuf
import grpc
import typing_extensions
from harness import StackUnderTest

PROTO_DIR = Path(__file__).resolve().parents[2] / "proto"

# Run with only the generated stubs, grpc and protobuf on its path (python -S: no site-packages).
CLIENT_SCRIPT = textwrap.dedent("""
    import importlib.util
    import json
    import sys

    import grpc
    import mrq
    from mrq.v1 import job_pb2, job_service_pb2, job_service_pb2_grpc

    with grpc.insecure_channel(sys.argv[1]) as channel:
        stub = job_service_pb2_grpc.JobServiceStub(channel)
        request = job_service_pb2.EnqueueRequest(task="mrq_test_tasks.add", params_json=b'{"a": 19, "b": 23}')
        job_id = stub.Enqueue(request, timeout=10).job_id
        waited = stub.WaitJobs(job_service_pb2.WaitJobsRequest(job_ids=[job_id], timeout_s=30), timeout=40)
    [job] = waited.jobs
    print(json.dumps({
        "job_id": job_id, "id": job.id, "task": job.task, "all_final": waited.all_final,
        "status": job_pb2.JobStatus.Name(job.status), "result": json.loads(job.result_json),
        "mrq_path": list(mrq.__path__),
        "project_modules": [name for name in ("mrq.client", "mrq.jobs", "mrq_broker", "mrq_worker", "mrq_local")
                            if importlib.util.find_spec(name)],
    }))
""")


def generate_stubs(out: Path) -> None:
    """Python stubs for every .proto in proto/, by protoc (grpcio-tools), into ``out``."""
    out.mkdir()
    protos = sorted(str(path.relative_to(PROTO_DIR)) for path in PROTO_DIR.rglob("*.proto"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{PROTO_DIR}",
            f"--python_out={out}",
            f"--grpc_python_out={out}",
            *protos,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def runtime_only(deps: Path) -> Path:
    """A directory holding only grpc and protobuf (and typing_extensions, which grpc imports)."""
    deps.mkdir()
    for module in (
        Path(grpc.__file__).parent,
        Path(google.protobuf.__file__).parent.parent,
        Path(typing_extensions.__file__),
    ):
        (deps / module.name).symlink_to(module)
    return deps


def test_client_generated_from_proto_alone_enqueues_and_waits(stack: StackUnderTest, tmp_path: Path) -> None:
    # Given stubs generated from proto/ into an empty directory, and a script using only them
    stubs = tmp_path / "stubs"
    generate_stubs(stubs)
    deps = runtime_only(tmp_path / "deps")
    app = tmp_path / "app"
    app.mkdir()
    (app / "client.py").write_text(CLIENT_SCRIPT)
    stack.start_worker("default", greenlets=2)

    # When it runs in a Python that sees nothing of the project
    result = subprocess.run(
        [sys.executable, "-S", "client.py", stack.broker_address],
        cwd=app,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{stubs}:{deps}", "PYTHONNOUSERSITE": "1"},
        timeout=60,
        check=False,
    )

    # Then it enqueued the job and read back its result
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert (seen["id"], seen["task"], seen["status"], seen["result"], seen["all_final"]) == (
        seen["job_id"],
        "mrq_test_tasks.add",
        "JOB_STATUS_SUCCESS",
        42,
        True,
    )
    # With the generated `mrq` namespace as the only `mrq`, and no project code importable
    assert seen["mrq_path"] == [str(stubs / "mrq")]
    assert seen["project_modules"] == []
