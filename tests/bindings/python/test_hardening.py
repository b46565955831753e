# The key never follows a redirect, and a failed call carries its own
# Retry-After wait, as a Python program sees them: servers of the test's own
# (http.server), not the emulator.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import http.server
import json
import threading

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor  # noqa: E402

KEY = "nxr_live_python_redirect_test"
LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"


class _Server:
    """An http.server on @host, on its own thread, answering with @respond."""

    def __init__(self, host, respond):
        self.requests = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                server.requests.append((self.command, self.path, self.headers.get("X-API-Key")))
                status, headers, body = respond(self)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def thief():
    server = _Server("127.0.0.2", lambda handler: (200, {"Content-Type": "application/json"}, b"{}"))
    yield server
    server.close()


@pytest.fixture
def redirector(thief):
    location = "http://127.0.0.2:%d/steal" % thief.port
    server = _Server("127.0.0.1", lambda handler: (302, {"Location": location}, b"moved"))
    yield server, location
    server.close()


def _create(client):
    lead = Nexor.LeadInput(first_name="Ana", email="ana@example.com")
    return client.create_lead(lead, None)


def _run_async(start, finish):
    loop = GLib.MainLoop()
    outcome = {}

    def done(source, result):
        try:
            outcome["value"] = finish(result)
        except GLib.Error as e:
            outcome["error"] = e
        loop.quit()

    start(done)
    loop.run()
    return outcome


@pytest.mark.parametrize("call", ["get_lead", "create_lead", "get_lead_async"])
def test_redirect_to_another_host_is_refused(redirector, thief, call):
    server, location = redirector
    client = Nexor.Client.new_for_url("http://127.0.0.1:%d/api/public" % server.port, KEY)

    if call == "get_lead":
        with pytest.raises(GLib.Error) as info:
            client.get_lead(LEAD_ID, None)
        error = info.value
    elif call == "create_lead":
        with pytest.raises(GLib.Error) as info:
            _create(client)
        error = info.value
    else:
        outcome = _run_async(lambda cb: client.get_lead_async(LEAD_ID, None, cb),
                             client.get_lead_finish)
        error = outcome["error"]

    assert error.matches(Nexor.error_quark(), Nexor.Error.INVALID_RESPONSE), error.message
    assert "302" in error.message
    assert location in error.message
    assert "redirects are not followed" in error.message
    assert KEY not in error.message
    # The request reached the first server once, with the key; the second
    # server, another origin, got nothing at all.
    assert len(server.requests) == 1
    assert thief.requests == []


@pytest.fixture
def rate_limiter():
    body = json.dumps({"error": "Too many requests"}).encode()
    server = _Server("127.0.0.1", lambda handler: (
        429, {"Content-Type": "application/json", "Retry-After": "120"}, body))
    yield server
    server.close()


def test_retry_after_from_the_error(rate_limiter):
    client = Nexor.Client.new_for_url("http://127.0.0.1:%d/api/public" % rate_limiter.port, KEY)

    with pytest.raises(GLib.Error) as info:
        client.get_lead(LEAD_ID, None)
    error = info.value
    assert error.matches(Nexor.error_quark(), Nexor.Error.RATE_LIMITED), error.message
    # PyGObject keeps only domain, code and message and rebuilds the GError
    # from them when it hands it back to C: the wait survives in the message.
    assert error.message.endswith(" (retry after 120 s)")
    assert Nexor.error_get_retry_after(error) == 120
    # The overrides raise it as its own class, with the wait as an attribute.
    assert isinstance(error, Nexor.RateLimitedError)
    assert error.retry_after == 120
    # Longer than the client waits by itself: sent once.
    assert len(rate_limiter.requests) == 1
    # Nothing on the client to read or to be overwritten by another call.
    assert "retry-after" not in [p.name for p in client.list_properties()]

    other = GLib.Error.new_literal(Nexor.error_quark(), "HTTP 429 Too Many Requests",
                                   Nexor.Error.RATE_LIMITED)
    assert Nexor.error_get_retry_after(other) == 0
    built = GLib.Error.new_literal(Nexor.error_quark(), "HTTP 429: slow down (retry after 7 s)",
                                   Nexor.Error.RATE_LIMITED)
    assert Nexor.error_get_retry_after(built) == 7


def test_retry_after_from_an_async_error(rate_limiter):
    client = Nexor.Client.new_for_url("http://127.0.0.1:%d/api/public" % rate_limiter.port, KEY)

    outcome = _run_async(lambda cb: client.create_lead_async(
        Nexor.LeadInput(first_name="Ana"), None, cb), client.create_lead_finish)
    error = outcome["error"]
    assert error.matches(Nexor.error_quark(), Nexor.Error.RATE_LIMITED), error.message
    assert Nexor.error_get_retry_after(error) == 120
    assert isinstance(error, Nexor.RateLimitedError) and error.retry_after == 120


def test_outcome_unknown_is_registered():
    assert Nexor.Error.OUTCOME_UNKNOWN == 10
