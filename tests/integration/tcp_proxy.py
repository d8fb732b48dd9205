"""A TCP proxy that can cut its connections: the network fault of the fault-injection tests.

Cutting closes every open connection (the client sees a reset or EOF at once) and refuses new
ones until :meth:`TcpProxy.restore`. That exercises reconnects better than pausing the server
with SIGSTOP, which only stalls calls: clients that set no socket timeout simply wait it out.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from mrq_local.ports import LOOPBACK

_CHUNK_BYTES = 65536


class TcpProxy:
    """Forwards 127.0.0.1:``port`` to 127.0.0.1:``upstream_port``, one pair of threads per connection.

    Attributes:
        port: The port it listens on (free, picked at start).
    """

    def __init__(self, upstream_port: int, *, connect_delay_s: float = 0.0) -> None:
        """``connect_delay_s``: each new connection waits that long before it is forwarded, as
        on a slow network or a server too busy to answer at once."""
        self._upstream_port = upstream_port
        self._connect_delay_s = connect_delay_s
        self._listener = socket.create_server((LOOPBACK, 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._cut = False
        self._closed = False
        threading.Thread(target=self._accept_loop, name="proxy-accept", daemon=True).start()

    def cut(self) -> None:
        """Drops every connection and refuses new ones until :meth:`restore`."""
        with self._lock:
            self._cut = True
            self._drop_all()

    def restore(self) -> None:
        """Accepts connections again."""
        with self._lock:
            self._cut = False

    def close(self) -> None:
        """Stops listening and drops every connection."""
        with self._lock:
            self._closed = True
            self._drop_all()
        self._listener.close()

    def _drop_all(self) -> None:
        for sock in self._open:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._open.clear()

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # closed
                return
            with self._lock:
                refused = self._cut or self._closed
            if refused:
                client.close()
                continue
            threading.Thread(target=self._connect, args=(client,), name="proxy-connect", daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        time.sleep(self._connect_delay_s)  # a slow network, not synchronisation
        try:
            upstream = socket.create_connection((LOOPBACK, self._upstream_port), timeout=5.0)
            upstream.settimeout(None)
        except OSError:  # the server is down: the client sees its connection closed
            client.close()
            return
        with self._lock:
            if self._cut or self._closed:  # cut while this one waited
                client.close()
                upstream.close()
                return
            self._open.update((client, upstream))
        for source, sink in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(source, sink), name="proxy-pump", daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(_CHUNK_BYTES):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._open.discard(source)
            source.close()
