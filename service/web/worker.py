"""The gunicorn worker: a request is read whole before a thread takes it, as a buffering proxy would.

Why not gunicorn's own workers: a sync worker serves one connection at a time,
so two idle connections hold two workers, and everyone else waits; gthread
hands a connection to a thread at its first byte, and a client that sends a
byte a second then holds that thread for as long as it likes. The engine is
CPU-bound, so threads cannot be many (``routes`` runs one analysis at a time
per process); slow clients must not take them.

So this worker (gthread's, ``ThreadWorker``, with these changes) reads every
request in its main loop, without blocking, as nginx does before it passes a
request on:

- A new connection, and a kept-alive one that becomes readable, is read into a
  buffer until its request is whole: the head, and a body of the length its
  ``Content-Length`` declares. Only then does a thread take it; a thread never
  waits for a client's bytes, except for a chunked body or one sent after
  ``Expect: 100-continue``, which it reads with the same deadline.
- A client has ``read_timeout`` seconds (``GUNICORN_READ_TIMEOUT``) from its
  connection (or its first byte, on a kept-alive connection) to send the
  whole request. Past that, a request begun is answered 408 (a problem) and
  the connection closed; a connection that sent nothing is closed.
- A read (``GET``, ``HEAD``, ``OPTIONS``: a health check, metrics, the page)
  goes to ``READ_THREADS`` threads of its own: analyses waiting for their turn
  may hold every one of the worker's threads, and a health check must not
  wait behind them.
- Every error gunicorn answers itself (a bad request line, 414, 431, a
  ``Content-Length`` beside ``Transfer-Encoding``) is a problem document, as
  the app's own errors are (``errors.problem_document``).
- Stopping (SIGTERM), the worker goes on accepting for ``STOP_ACCEPT_SECONDS``
  (the queue a load balancer already sent), takes what is left in the listen
  queue and closes its listeners, then answers every connection it has. A
  request still running as the graceful timeout ends, or when the arbiter
  kills the worker for silence (SIGABRT), is answered 503 before the worker
  goes, unless its answer had begun: no connection is dropped unanswered.
- A connection is closed without blocking the main loop (gthread lingers up to
  two seconds in it for each one closed).

``gunicorn_conf`` sets ``read_timeout`` from the environment. The worker holds
at most ``worker_connections`` connections (``GUNICORN_MAX_CONNECTIONS``),
each a buffer of at most one request (``QUOTES_MAX_BODY_BYTES`` and the head).
"""

from __future__ import annotations

import errno
import selectors
import socket
from concurrent.futures import ThreadPoolExecutor
import time
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any

from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import TConn, ThreadWorker

from service.config import Settings
from service.intake.problems import Problem
from service.web.errors import INTERNAL_DETAIL, PROBLEM_MEDIA_TYPE, ClientTooSlow, problem_document

READ_CHUNK = 256 * 1024
"""Bytes read from a connection at a time in the main loop."""
SEND_TIMEOUT_SECONDS = 30.0
"""A client that does not take its answer within this long (each write of it) is dropped."""
STOP_ACCEPT_SECONDS = 1.0
"""Stopping, the worker still accepts for this long: connections a load balancer sent before it knew."""
ANSWER_BEFORE_KILL_SECONDS = 2.0
"""Stopping, requests still running this long before the graceful timeout ends are answered 503."""
LINGER_SECONDS = 2.0
"""How long a closed connection's unread bytes are drained (so the kernel does not reset it), in the loop."""
CONTINUE = b"HTTP/1.1 100 "
"""An interim answer (to ``Expect: 100-continue``): it does not begin the answer."""
MAX_HEAD_BYTES = 64 * 1024
"""A head not whole past this many bytes is handed to a thread, whose parser says 414 or 431."""

# What gunicorn's parser raises, and the status it means (the rest of ParseException: 400).
PARSE_STATUSES: tuple[tuple[type[Exception], int, str], ...] = (
    (http_errors.LimitRequestLine, 414, "URI Too Long"),
    (http_errors.LimitRequestHeaders, 431, "Request Header Fields Too Large"),
    (http_errors.UnsupportedTransferCoding, 501, "Not Implemented"),
    (http_errors.ExpectationFailed, 417, "Expectation Failed"),
    (http_errors.ForbiddenProxyRequest, 403, "Forbidden"),
)
PARSE_DETAILS = {
    400: "The request is not valid HTTP/1.1: {error}.",
    414: "The request line is too long ({error}): send the article in the body, not in the URL.",
    431: "The request's headers are too large ({error}).",
    501: "{error}: send the body with Content-Length, or chunked.",
    417: "{error}.",
    403: "{error}.",
}


# --- framing: is the request whole yet? --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Framing:
    """What a whole request head says of its body: the head's length, and the body's when it is known."""

    head_length: int
    body_length: int | None
    """None: the body is not of a declared length (chunked, or sent after ``Expect: 100-continue``),
    or the head is odd and the parser must see it now: a thread reads the rest."""


def framing(buffer: bytes | bytearray, max_body: int) -> Framing | None:
    """How the request in ``buffer`` is framed, or None while its head is not whole.

    Only what decides when to stop reading is looked at; gunicorn's parser
    checks the rest. A ``Content-Length`` over ``max_body`` counts as no body,
    so that the app refuses it (413) before it is sent.
    """
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return Framing(len(buffer), None) if len(buffer) > MAX_HEAD_BYTES else None
    head_length = end + 4
    lengths = []
    for line in bytes(buffer[:end]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name in (b"transfer-encoding", b"expect"):
            return Framing(head_length, None)
        if name == b"content-length":
            lengths.append(value.strip())
    if not lengths:
        return Framing(head_length, 0)
    if len(lengths) > 1 or not lengths[0].isdigit():
        return Framing(head_length, None)
    length = int(lengths[0])
    return Framing(head_length, 0 if length > max_body else length)


READS = (b"GET ", b"HEAD ", b"OPTIONS ")
READ_THREADS = 2
"""Threads a worker keeps for reads beside its ``GUNICORN_THREADS``: a health check, metrics, the page."""


def is_read(request: bytes) -> bool:
    """A request that only reads (``GET /healthz``): it never waits for the analysis lock, so it is handed
    to the reads' own threads, not queued behind analyses that hold every thread waiting their turn.

    Near miss: ``POST /v1/quotes`` (an analysis) goes to the worker's threads.
    """
    return request.startswith(READS)


def is_whole(buffer: bytes | bytearray, max_body: int) -> bool:
    """Whether ``buffer`` holds a request a thread can take without waiting for the client."""
    frame = framing(buffer, max_body)
    if frame is None:
        return False
    return frame.body_length is None or len(buffer) >= frame.head_length + frame.body_length


@dataclass(slots=True)
class Reading:
    """A request being read in the main loop: its bytes so far, when it must be whole, since when it is read."""

    buffer: bytearray
    deadline: float
    since: float
    searched: int = 0
    """How much of ``buffer`` is known to hold no end of head: each byte is looked at once, however it comes."""
    frame: Framing | None = None

    def whole(self, max_body: int) -> bool:
        """Whether the request is whole (``is_whole``), looking only at what came since the last call."""
        if self.frame is None:
            end = self.buffer.find(b"\r\n\r\n", max(0, self.searched - 3))
            self.searched = len(self.buffer)
            if end < 0:
                return len(self.buffer) > MAX_HEAD_BYTES
            self.frame = framing(self.buffer[: end + 4], max_body)
            assert self.frame is not None
        return self.frame.body_length is None or len(self.buffer) >= self.frame.head_length + self.frame.body_length


# --- the socket a thread sees ------------------------------------------------------------


class GuardedSocket:
    """A client's socket whose reads end at the request's deadline, and whose writes cannot hang.

    gunicorn's parser and the request body read through it (``recv``); past
    ``deadline``, a read raises ``ClientTooSlow``. Everything else is the
    socket's own. ``sent`` counts the bytes written of the current request's
    answer (``QuotesWorker._dispatch`` sets it back for each request of a
    kept-alive connection), so that the worker knows whether an answer has begun.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.raw = sock
        self.deadline = float("inf")
        self.sent = 0
        self.abandoned = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def fileno(self) -> int:
        return self.raw.fileno()

    def recv(self, size: int, flags: int = 0) -> bytes:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self._too_slow()
        self.raw.settimeout(remaining)
        try:
            return self.raw.recv(size, flags)
        except TimeoutError:
            raise self._too_slow() from None

    def _too_slow(self) -> Exception:
        """A 408 while the request is read; once the answer has begun (a body drained after it), a plain timeout."""
        return ClientTooSlow() if not self.sent else TimeoutError("the client stopped sending")

    def send(self, data: bytes, flags: int = 0) -> int:
        self._check()
        self.raw.settimeout(SEND_TIMEOUT_SECONDS)
        count = self.raw.send(data, flags)
        if not data.startswith(CONTINUE):
            self.sent += count
        return count

    def sendall(self, data: bytes, flags: int = 0) -> None:
        self._check()
        self.raw.settimeout(SEND_TIMEOUT_SECONDS)
        self.raw.sendall(data, flags)
        self.sent += len(data)

    def _check(self) -> None:
        if self.abandoned:
            # The worker answered for this request (it is stopping): the thread's answer goes nowhere.
            raise BrokenPipeError(errno.EPIPE, "the worker has answered this connection already")


def problem_response(status: int, reason: str, detail: str, type_: str = "about:blank", title: str | None = None) -> bytes:
    """A whole HTTP/1.1 answer holding a problem document, for the worker to send itself.

    ``reason`` is the status line's phrase, and the problem's title unless its type has its own.
    """
    request_id = uuid.uuid4().hex
    body = problem_document(status, title or reason, detail, type_, request_id=request_id)
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {PROBLEM_MEDIA_TYPE}\r\nContent-Length: {len(body)}\r\n"
        f"X-Request-ID: {request_id}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


def parse_error_response(error: Exception) -> bytes:
    """The problem for an error of gunicorn's parser (a bad request line, 414, 431, ...)."""
    status, reason = 400, "Bad Request"
    for kind, code, phrase in PARSE_STATUSES:
        if isinstance(error, kind):
            status, reason = code, phrase
            break
    # gunicorn's messages quote what was sent: printable, and short.
    said = str(error).encode("ascii", "backslashreplace").decode("ascii")[:200]
    return problem_response(status, reason, PARSE_DETAILS[status].format(error=said))


TOO_SLOW = partial(problem_response, 408, "Request Timeout", type_=Problem.REQUEST_TIMEOUT.type, title=Problem.REQUEST_TIMEOUT.title)


# --- the worker --------------------------------------------------------------------------


class QuotesWorker(ThreadWorker):  # type: ignore[misc]
    """gthread, with each request read whole in the main loop first (see the module's docstring)."""

    read_timeout: float = 10.0
    """Seconds a client has to send a whole request (``GUNICORN_READ_TIMEOUT``, set by ``gunicorn_conf``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_body = Settings.from_env().max_body_bytes
        self.reading: dict[TConn, Reading] = {}
        """Connections whose request is being read in the main loop."""
        self.in_flight: set[TConn] = set()
        self.lingering: dict[socket.socket, float] = {}
        self.stop_started: float | None = None
        self.listening = True
        self.reads_pool: ThreadPoolExecutor | None = None
        """Threads of their own for reads (``is_read``), so that health checks never wait behind analyses."""

    # -- reading in the main loop

    def accept(self, listener: socket.socket) -> None:
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, GuardedSocket(client), address, listener.getsockname())
        self._start_reading(conn, time.monotonic() + self.read_timeout)

    def on_client_socket_readable(self, conn: TConn, client: Any) -> None:
        """A kept-alive connection has a new request: read it here too, its deadline from now."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._start_reading(conn, time.monotonic() + self.read_timeout)

    def _start_reading(self, conn: TConn, deadline: float) -> None:
        conn.sock.raw.setblocking(False)
        self.reading[conn] = Reading(bytearray(), deadline, time.monotonic())
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._read_some, conn))

    def _read_some(self, conn: TConn, _: Any) -> None:
        reading = self.reading[conn]
        buffer = reading.buffer
        try:
            data = conn.sock.raw.recv(READ_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if data:
            buffer += data
            if not reading.whole(self.max_body):
                return
        elif not buffer:
            self._stop_reading(conn)
            self._close(conn)
            return
        # Whole, or the client closed its side mid-request: the parser and the app say what that is.
        self._stop_reading(conn)
        self._dispatch(conn, bytes(buffer), reading.deadline)

    def _stop_reading(self, conn: TConn) -> None:
        self.reading.pop(conn, None)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass

    def _dispatch(self, conn: TConn, data: bytes, deadline: float) -> None:
        """A thread takes the request; whatever it still reads of it (a chunked body) ends at ``deadline``."""
        conn.sock.raw.setblocking(True)
        conn.prefetched = data
        conn.sock.deadline = deadline
        conn.sock.sent = 0  # a kept-alive connection's new request: nothing of its answer sent yet
        self.in_flight.add(conn)
        if is_read(data):
            if self.reads_pool is None:
                self.reads_pool = ThreadPoolExecutor(READ_THREADS, thread_name_prefix="reads")
            done = self.reads_pool.submit(self.handle, conn)
            done.add_done_callback(lambda future: self.method_queue.defer(self.finish_request, conn, future))
        else:
            self.enqueue_req(conn)

    def murder_pending(self) -> None:
        """Connections past their read deadline: 408 if a request was begun, closed either way."""
        super().murder_pending()
        now = time.monotonic()
        for conn, reading in list(self.reading.items()):
            # Stopping, a connection that has sent nothing for a moment is not going to.
            idle_while_stopping = not self.alive and not reading.buffer and now >= reading.since + LINGER_SECONDS
            if now < reading.deadline and not idle_while_stopping:
                continue
            self._stop_reading(conn)
            if reading.buffer:
                self.log.info("request not received within %gs from %s: 408", self.read_timeout, conn.client)
                _send_nowait(conn.sock.raw, TOO_SLOW(_timeout_detail(self.read_timeout)))
            self._close(conn)
        self._linger_out(now)

    # -- in a thread

    def handle(self, conn: TConn) -> Any:
        """gthread's, with the bytes read in the main loop given back to the parser first."""
        data = getattr(conn, "prefetched", b"")
        conn.prefetched = b""
        conn.data_ready = True
        conn.init()
        if data and conn.parser is not None:
            conn.parser.unreader.unread(data)
        try:
            return super().handle(conn)
        finally:
            conn.sock.deadline = float("inf")

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        """Every error gunicorn answers itself, as a problem document."""
        if isinstance(exc, ClientTooSlow):
            response = TOO_SLOW(_timeout_detail(self.read_timeout))
        elif isinstance(exc, http_errors.ParseException) and not isinstance(
            exc, http_errors.InvalidResponseHeader | http_errors.InvalidResponseHeaderName
        ):
            self.log.warning("invalid request from %s: %s", (addr or ("",))[0], exc)
            response = parse_error_response(exc)
        else:
            self.log.exception("error handling a request")
            internal = Problem.INTERNAL_ERROR
            response = problem_response(internal.status, "Internal Server Error", INTERNAL_DETAIL, internal.type, internal.title)
        try:
            client.sendall(response)
        except OSError:
            self.log.debug("could not send the error answer")

    def finish_request(self, conn: TConn, fs: Any) -> None:
        """gthread's, but a connection is closed without lingering in the main loop."""
        self.in_flight.discard(conn)
        if conn.sock.abandoned:
            self.nr_conns -= 1
            return
        try:
            result = fs.result() if not fs.cancelled() else False
        except Exception:  # a thread's failure must not stop the loop; the connection goes
            result = False
        if result and not conn.parser.unreader.buf.getvalue():
            conn.sock.raw.setblocking(False)
            conn.set_timeout()
            if not self.alive:
                conn.timeout = min(conn.timeout, time.monotonic() + LINGER_SECONDS)
            self.keepalived_conns.append(conn)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_client_socket_readable, conn))
        elif result:
            # The client sent its next request behind this one (pipelining): it is read already.
            self._dispatch(conn, b"", time.monotonic() + self.read_timeout)
        else:
            self._close(conn)

    # -- closing

    def _close(self, conn: TConn) -> None:
        """Close a connection: FIN first, then drain what the client still sends, in the loop, briefly."""
        self.nr_conns -= 1
        sock = conn.sock.raw
        try:
            sock.setblocking(False)
            sock.shutdown(socket.SHUT_WR)
            self.lingering[sock] = time.monotonic() + LINGER_SECONDS
            self.poller.register(sock, selectors.EVENT_READ, self._read_to_close)
        except (OSError, ValueError, KeyError):
            _close_quietly(sock)

    def _read_to_close(self, sock: socket.socket) -> None:
        try:
            data = sock.recv(READ_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._forget(sock)

    def _forget(self, sock: socket.socket) -> None:
        self.lingering.pop(sock, None)
        try:
            self.poller.unregister(sock)
        except (KeyError, ValueError, OSError):
            pass
        _close_quietly(sock)

    def _linger_out(self, now: float) -> None:
        for sock, until in list(self.lingering.items()):
            if now >= until:
                self._forget(sock)

    # -- the loop, and stopping

    def run(self) -> None:
        """gthread's loop; then, stopped, the drain (``_drain``) rather than gthread's."""
        self.poller.register(self.method_queue.fileno(), selectors.EVENT_READ, self.method_queue.run_callbacks)
        self.set_accept_enabled(True)
        while self.alive:
            self.notify()
            self._accept_while_room()
            self.wait_for_and_dispatch_events(timeout=1.0)
            if not self.is_parent_alive():
                break
            self.murder_keepalived()
            self.murder_pending()
        self._drain()

    def _accept_while_room(self) -> None:
        """Accept new connections while the worker holds fewer than ``worker_connections``; stop past that."""
        can_accept = self.nr_conns < self.worker_connections
        if can_accept != self._accepting:
            self.set_accept_enabled(can_accept)

    def handle_exit(self, sig: int, frame: Any) -> None:
        if self.alive:
            self.stop_started = time.monotonic()
        super().handle_exit(sig, frame)

    def _drain(self) -> None:
        """Answer every connection taken, within the graceful timeout.

        Stopped by SIGTERM, the worker accepts a moment more, then takes what
        is still queued on its listeners and closes them (recycled, it just
        stops accepting: the other workers take the queue). Kept-alive
        connections get ``LINGER_SECONDS`` to send a request, answered with
        ``Connection: close``. What still runs near the graceful timeout's end
        is answered 503.
        """
        now = time.monotonic()
        stopped_at = self.stop_started if self.stop_started is not None else now
        accept_until = stopped_at + STOP_ACCEPT_SECONDS if self.stop_started is not None else now
        answer_at = stopped_at + max(0.0, self.cfg.graceful_timeout - ANSWER_BEFORE_KILL_SECONDS)
        self._cap_keepalive(now + LINGER_SECONDS)
        while True:
            now = time.monotonic()
            if self.listening and now >= accept_until:
                self._stop_listening(take_queued=self.stop_started is not None)
            if now >= answer_at:
                self._answer_in_flight(Problem.NOT_READY, STOPPING_DETAIL)
            if not self.listening and self.nr_conns <= 0 and not self.lingering:
                break
            if now >= stopped_at + self.cfg.graceful_timeout or not self.is_parent_alive():
                break
            self.notify()
            if self.listening:
                self._accept_while_room()
            self.wait_for_and_dispatch_events(timeout=0.1)
            self.murder_keepalived()
            self.murder_pending()
        self.murder_keepalived(force=True)
        self.tpool.shutdown(wait=False)
        if self.reads_pool is not None:
            self.reads_pool.shutdown(wait=False)
        self.poller.close()
        self.method_queue.close()
        for listener in self.sockets:
            _close_quietly(listener)

    def _stop_listening(self, *, take_queued: bool) -> None:
        """Stop accepting: first take every connection still queued (when stopping), then close the listeners."""
        if self._accepting:
            if take_queued:
                for listener in self.sockets:
                    self._accept_queued(listener)
            self.set_accept_enabled(False)
        for listener in self.sockets:
            _close_quietly(listener)
        self.listening = False

    def _accept_queued(self, listener: Any) -> None:
        while True:
            before = self.nr_conns
            self.accept(listener)
            if self.nr_conns == before:
                return

    def handle_abort(self, sig: int, frame: Any) -> None:
        """Killed for silence (the arbiter's timeout): answer what can still be answered, then go."""
        self._answer_in_flight(Problem.TIMEOUT, ABORT_DETAIL)
        super().handle_abort(sig, frame)

    def _answer_in_flight(self, type_: Problem, detail: str) -> None:
        """A 503 for every request in a thread whose answer has not begun; its thread's answer is dropped."""
        for conn in list(self.in_flight):
            guarded = conn.sock
            if guarded.abandoned or guarded.sent:
                continue
            guarded.abandoned = True
            _send_nowait(guarded.raw, problem_response(503, "Service Unavailable", detail, type_.type, type_.title))
            _close_quietly(guarded.raw)


STOPPING_DETAIL = "The service is stopping and could not finish this request in time; send it again."
ABORT_DETAIL = "The service's worker stopped responding and was restarted; send the request again."


def _timeout_detail(seconds: float) -> str:
    return (
        f"The request was not received whole within {seconds:g} s (GUNICORN_READ_TIMEOUT): "
        "send the headers and the body at once."
    )


def _send_nowait(sock: socket.socket, data: bytes) -> None:
    """Send a small answer without blocking: it fits in the socket's buffer, or the client is gone."""
    try:
        sock.setblocking(False)
        sock.send(data)
    except OSError:
        pass


def _close_quietly(sock: Any) -> None:
    try:
        sock.close()
    except OSError:
        pass
