#!/usr/bin/python3
# test-emulator-binary.py: the nexor-emulator command, as scripts use it
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-emulator-binary.py PATH-TO-nexor-emulator
# (or NEXOR_EMULATOR set to it). Prints TAP.

import json
import os
import selectors
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

DEMO_KEY = "nxr_live_emulator_demo_key"
SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"
TIMEOUT = 10


def emulator_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    return os.environ["NEXOR_EMULATOR"]


def data_dir():
    if "NEXOR_TEST_DATA_DIR" in os.environ:
        return os.environ["NEXOR_TEST_DATA_DIR"]
    if "G_TEST_SRCDIR" in os.environ:
        return os.path.join(os.environ["G_TEST_SRCDIR"], "data")
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


class Emulator:
    """A running nexor-emulator; always killed on exit."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([emulator_path(), *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def read_line(self):
        # Read with a deadline, so a silent emulator fails the test instead
        # of hanging it.
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        line = b""
        deadline = time.monotonic() + TIMEOUT
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not sel.select(remaining):
                raise AssertionError("no line on stdout within %d s" % TIMEOUT)
            chunk = os.read(self.proc.stdout.fileno(), 1)
            if not chunk:
                raise AssertionError("stdout closed early; stderr: %r" % self.stderr_so_far())
            line += chunk
        sel.close()
        return line.decode()

    def stderr_so_far(self):
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read().decode(errors="replace")

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(TIMEOUT)
        finally:
            self.close()

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# The emulator is on loopback: never go through a proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url, api_key=DEMO_KEY):
    request = urllib.request.Request(url)
    if api_key is not None:
        request.add_header("X-API-Key", api_key)
    try:
        with OPENER.open(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def run_to_completion(*args):
    return subprocess.run([emulator_path(), *args], capture_output=True, text=True,
                          timeout=TIMEOUT)


def test_port_zero_serves_seed_lead():
    with Emulator("--port", "0") as emulator:
        line = emulator.read_line()
        assert line.startswith("http://127.0.0.1:"), line
        assert line.endswith("/api/public\n"), line
        base_url = line.strip()
        port = int(base_url.split(":")[2].split("/")[0])
        assert 0 < port < 65536

        status, headers, body = http_get(base_url + "/leads/" + SEED_LEAD_ID)
        assert status == 200, status
        assert headers["Content-Type"] == "application/json", headers["Content-Type"]
        with open(os.path.join(data_dir(), "get-lead-page.json")) as f:
            expected = json.load(f)
        assert json.loads(body) == expected

        status, _, body = http_get(base_url + "/leads/" + SEED_LEAD_ID, api_key=None)
        assert status == 401, status
        assert json.loads(body) == {
            "error": "Missing API key",
            "message": "Please provide your API key in the X-API-Key header",
        }

        assert emulator.stop() == 0


def test_only_one_stdout_line():
    emulator = Emulator("--port", "0")
    emulator.read_line()
    emulator.proc.send_signal(signal.SIGTERM)
    out, err = emulator.proc.communicate(timeout=TIMEOUT)
    assert emulator.proc.returncode == 0, (emulator.proc.returncode, err)
    assert out == b"", out
    assert b"nexor-emulator" in err, err


def test_api_key_option():
    with Emulator("--port", "0", "--api-key", "nxr_live_one", "--api-key", "nxr_live_two") as emulator:
        base_url = emulator.read_line().strip()
        url = base_url + "/leads/" + SEED_LEAD_ID
        assert http_get(url, "nxr_live_one")[0] == 200
        assert http_get(url, "nxr_live_two")[0] == 200
        status, _, body = http_get(url, DEMO_KEY)
        assert status == 401, status
        assert json.loads(body)["error"] == "Invalid API key"
        assert emulator.stop() == 0


def test_delay_option():
    with Emulator("--port", "0", "--delay-ms", "300") as emulator:
        base_url = emulator.read_line().strip()
        start = time.monotonic()
        assert http_get(base_url + "/leads/" + SEED_LEAD_ID)[0] == 200
        assert time.monotonic() - start >= 0.29
        assert emulator.stop() == 0


def test_sigint_exits_zero():
    with Emulator("--port", "0") as emulator:
        emulator.read_line()
        assert emulator.stop(signal.SIGINT) == 0


def test_sigterm_exits_zero():
    with Emulator("--port", "0") as emulator:
        emulator.read_line()
        assert emulator.stop(signal.SIGTERM) == 0


def test_bad_values_exit_2():
    for args in (["--port", "abc"], ["--port", "70000"], ["--port", "-1"], ["--port", ""],
                 ["--delay-ms", "soon"], ["--no-such-flag"], ["extra-argument"],
                 ["--api-key", ""]):
        result = run_to_completion(*args)
        assert result.returncode == 2, (args, result.returncode, result.stderr)
        assert result.stdout == "", (args, result.stdout)
        assert result.stderr.startswith("nexor-emulator: "), (args, result.stderr)
    result = run_to_completion("--port", "abc")
    assert "--port" in result.stderr and "abc" in result.stderr, result.stderr


def test_busy_port_exits_1():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_to_completion("--port", str(port))
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stdout == "", result.stdout
    expected = "nexor-emulator: cannot listen on 127.0.0.1:%d: Address already in use\n" % port
    assert result.stderr == expected, result.stderr


def test_version_and_help():
    result = run_to_completion("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("nexor-emulator "), result.stdout
    result = run_to_completion("--help")
    assert result.returncode == 0
    for option in ("--port", "--api-key", "--delay-ms", "--data", "--version",
                   "--webhook", "--webhook-retry-scale", "--webhook-ca-file", "--webhook-log"):
        assert option in result.stdout, (option, result.stdout)


def https_get(url, cafile):
    """GET with Python's own TLS stack (OpenSSL), trusting only @cafile."""
    context = ssl.create_default_context(cafile=cafile) if cafile else ssl.create_default_context()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                         urllib.request.HTTPSHandler(context=context))
    request = urllib.request.Request(url, headers={"X-API-Key": DEMO_KEY})
    with opener.open(request, timeout=TIMEOUT) as response:
        return response.status, response.read()


def test_tls_generated_certificate():
    with tempfile.TemporaryDirectory() as tmp:
        ca = os.path.join(tmp, "ca.pem")
        with Emulator("--port", "0", "--tls", "--tls-ca-out", ca) as emulator:
            base_url = emulator.read_line().strip()
            assert base_url.startswith("https://127.0.0.1:"), base_url
            port = int(base_url.split(":")[2].split("/")[0])
            with open(ca) as f:
                pem = f.read()
            assert pem.startswith("-----BEGIN CERTIFICATE-----"), pem
            assert "PRIVATE KEY" not in pem
            # Valid for 127.0.0.1 and localhost, trusted through the file only.
            for url in (base_url, "https://localhost:%d/api/public" % port):
                status, body = https_get(url + "/leads/" + SEED_LEAD_ID, ca)
                assert status == 200 and b"Carlos" in body, (url, status, body)
            try:
                https_get(base_url + "/leads/" + SEED_LEAD_ID, None)
            except urllib.error.URLError as error:
                assert isinstance(error.reason, ssl.SSLCertVerificationError), error
            else:
                raise AssertionError("the system store trusted a certificate made at start")
            assert emulator.stop() == 0


def test_tls_temporary_ca_file_is_named_and_removed():
    emulator = Emulator("--port", "0", "--tls")
    try:
        base_url = emulator.read_line().strip()
        assert base_url.startswith("https://"), base_url
        emulator.proc.send_signal(signal.SIGTERM)
        assert emulator.proc.wait(TIMEOUT) == 0
        stderr = emulator.proc.stderr.read().decode()
    finally:
        emulator.close()
    line = [l for l in stderr.splitlines() if "NEXOR_CA_FILE=" in l]
    assert line, stderr
    path = line[0].split("NEXOR_CA_FILE=")[1].split()[0]
    assert not os.path.exists(path), path


def make_certificate(tmp, *args):
    """A certificate and key made by the test helper, for --tls-cert/--tls-key."""
    cert = os.path.join(tmp, "cert.pem")
    key = os.path.join(tmp, "key.pem")
    subprocess.run([os.environ["NEXOR_TEST_CERTIFICATE"], cert, key, *args],
                   check=True, capture_output=True, timeout=TIMEOUT)
    return cert, key


def test_tls_cert_and_key_files():
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = make_certificate(tmp, "--host", "127.0.0.1")
        ca = os.path.join(tmp, "ca.pem")
        with Emulator("--port", "0", "--tls-cert", cert, "--tls-key", key, "--tls-ca-out", ca) as emulator:
            base_url = emulator.read_line().strip()
            assert base_url.startswith("https://127.0.0.1:"), base_url
            status, body = https_get(base_url + "/leads/" + SEED_LEAD_ID, cert)
            assert status == 200 and b"Carlos" in body, (status, body)
            with open(ca) as f, open(cert) as g:
                assert f.read().strip() == g.read().strip()
            assert emulator.stop() == 0


def test_tls_bad_options():
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = make_certificate(tmp, "--host", "127.0.0.1")
        garbage = os.path.join(tmp, "garbage.pem")
        with open(garbage, "w") as f:
            f.write("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
        for args in (["--tls-cert", cert], ["--tls-key", key], ["--tls-ca-out", garbage]):
            result = run_to_completion("--port", "0", *args)
            assert result.returncode == 2, (args, result.returncode, result.stderr)
            assert result.stderr.startswith("nexor-emulator: "), (args, result.stderr)
        for args in (["--tls-cert", os.path.join(tmp, "missing.pem"), "--tls-key", key],
                     ["--tls-cert", garbage, "--tls-key", key],
                     ["--tls-cert", cert, "--tls-key", garbage],
                     ["--tls-cert", key, "--tls-key", cert]):
            result = run_to_completion("--port", "0", *args)
            assert result.returncode == 1, (args, result.returncode, result.stderr)
            assert result.stdout == "", (args, result.stdout)
            assert result.stderr.startswith("nexor-emulator: cannot use the TLS certificate: "), \
                (args, result.stderr)
            assert result.stderr.count("\n") == 1, (args, result.stderr)
        result = run_to_completion("--port", "0", "--tls", "--tls-ca-out",
                                   os.path.join(tmp, "no-such-dir", "ca.pem"))
        assert result.returncode == 1, (result.returncode, result.stderr)
        assert "cannot write the certificate" in result.stderr, result.stderr


def http_call(url, method="GET", body=None, headers=None):
    request = urllib.request.Request(url, method=method, data=body)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with OPENER.open(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def fault_urls(emulator):
    base_url = emulator.read_line().strip()
    root = base_url[:-len("/api/public")]
    return base_url + "/leads/" + SEED_LEAD_ID, root + "/_emulator/faults"


def test_faults_off_by_default():
    with Emulator("--port", "0") as emulator:
        lead_url, control_url = fault_urls(emulator)
        status, _, _ = http_call(lead_url, headers={"X-API-Key": DEMO_KEY,
                                                    "X-Nexor-Fault": "status=500"})
        assert status == 200, status
        status, _, body = http_call(control_url, "POST", b'{"faults": ["status=500"]}',
                                    {"X-API-Key": DEMO_KEY})
        assert status == 404, (status, body)
        assert http_get(lead_url)[0] == 200
        assert emulator.stop() == 0


def test_faults_header_and_control():
    with Emulator("--port", "0", "--faults") as emulator:
        lead_url, control_url = fault_urls(emulator)
        key = {"X-API-Key": DEMO_KEY}

        status, headers, body = http_call(lead_url, headers={**key, "X-Nexor-Fault":
                                                             "status=429;retry-after=2"})
        assert status == 429, status
        assert headers["Retry-After"] == "2", headers["Retry-After"]
        assert json.loads(body) == {"error": "Too many requests"}

        status, _, body = http_call(lead_url, headers={**key, "X-Nexor-Fault": "status=5xx"})
        assert status == 400, status
        assert json.loads(body)["error"] == "Invalid fault", body

        # The control endpoint needs no key and queues all or nothing.
        status, _, body = http_call(control_url, "POST", b'{"faults": ["status=503", "bogus"]}')
        assert status == 400, status
        assert "Fault 1" in json.loads(body)["message"], body
        status, _, body = http_call(control_url, "POST", b'{"faults": ["status=502", "html"]}')
        assert status == 200, status
        # "requests": the API requests so far (the two above), not the control's.
        assert json.loads(body) == {"pending": ["status=502", "html"], "requests": 2}, body
        assert http_call(control_url)[2] == body
        assert http_get(lead_url)[0] == 502
        status, headers, body = http_get(lead_url)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), headers
        assert http_get(lead_url)[0] == 200

        http_call(control_url, "POST", b'{"faults": ["status=500"]}')
        status, _, body = http_call(control_url, "DELETE")
        assert json.loads(body) == {"pending": [], "requests": 5}, body
        assert http_get(lead_url)[0] == 200

        # if-body= waits for its request: the ones before it pass it by.
        leads_url = lead_url.rsplit("/", 1)[0]
        marked = json.dumps({"first_name": "Marked-7f3a"}).encode()
        plain = json.dumps({"first_name": "Plain"}).encode()
        post = {**key, "Content-Type": "application/json"}
        assert http_call(control_url, "POST", b'{"faults": ["status=503;if-body=Marked-7f3a"]}')[0] == 200
        assert http_get(lead_url)[0] == 200
        assert http_call(leads_url, "POST", plain, headers=post)[0] in (200, 201)
        assert json.loads(http_call(control_url)[2])["pending"] == ["status=503;if-body=Marked-7f3a"]
        assert http_call(leads_url, "POST", marked, headers=post)[0] == 503
        assert json.loads(http_call(control_url)[2]) == {"pending": [], "requests": 9}
        assert http_call(control_url, "POST", b'{"faults": ["status=503;if-body="]}')[0] == 400

        for bad in (b"", b"[]", b'{"faults": "status=500"}', b'{"faults": [500]}',
                    b"[" * 100000, b'{"faults": ["\xff"]}'):
            assert http_call(control_url, "POST", bad)[0] == 400, bad
        assert http_call(control_url, "PUT", b"{}")[0] == 405
        assert emulator.stop() == 0


def test_fault_script():
    with tempfile.NamedTemporaryFile("w", suffix=".faults") as script:
        script.write("# first two requests\nstatus=503;retry-after=1\n\n  truncated  \n")
        script.flush()
        with Emulator("--port", "0", "--faults", "--fault-script", script.name) as emulator:
            lead_url, _ = fault_urls(emulator)
            status, headers, _ = http_get(lead_url)
            assert status == 503 and headers["Retry-After"] == "1", (status, headers)
            status, _, body = http_get(lead_url)
            assert status == 200, status
            try:
                json.loads(body)
                raise AssertionError("a truncated body parsed")
            except json.JSONDecodeError:
                pass
            assert http_get(lead_url)[0] == 200
            assert emulator.stop() == 0

        result = run_to_completion("--fault-script", script.name)
        assert result.returncode == 2, result
        assert "--faults" in result.stderr, result.stderr

    with tempfile.NamedTemporaryFile("w", suffix=".faults") as script:
        script.write("status=500\nstatus=5xx\n")
        script.flush()
        result = run_to_completion("--faults", "--fault-script", script.name)
        assert result.returncode == 2, result
        assert result.stdout == "", result.stdout
        assert script.name + ":2:" in result.stderr, result.stderr


def open_fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def test_closed_keep_alive_connections_are_released():
    # libsoup 3.2's server keeps a keep-alive connection open after its client
    # closed it between requests; every `nexor` command leaves one behind, so a
    # long-running emulator ran out of descriptors after about a thousand.
    import http.client

    if not os.path.isdir("/proc/self/fd"):
        return
    with Emulator("--port", "0") as emulator:
        base_url = emulator.read_line().strip()
        port = int(base_url.split(":")[2].split("/")[0])
        status, _, _ = http_get(base_url + "/leads/" + SEED_LEAD_ID)
        assert status == 200, status
        time.sleep(0.5)
        baseline = open_fds(emulator.proc.pid)

        for _ in range(300):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            connection.request("GET", "/api/public/leads/" + SEED_LEAD_ID,
                               headers={"X-API-Key": DEMO_KEY, "Connection": "keep-alive"})
            response = connection.getresponse()
            assert response.status == 200, response.status
            response.read()
            connection.close()

        deadline = time.monotonic() + TIMEOUT
        while open_fds(emulator.proc.pid) > baseline + 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert open_fds(emulator.proc.pid) <= baseline + 5, \
            "%d descriptors open after 300 closed connections, %d before" % (
                open_fds(emulator.proc.pid), baseline)

        # A connection that stays open is left alone and still works.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        for _ in range(2):
            connection.request("GET", "/api/public/leads/" + SEED_LEAD_ID,
                               headers={"X-API-Key": DEMO_KEY})
            response = connection.getresponse()
            assert response.status == 200, response.status
            response.read()
            time.sleep(0.6)
        connection.close()

        assert emulator.stop() == 0


TESTS = [
    test_port_zero_serves_seed_lead,
    test_only_one_stdout_line,
    test_api_key_option,
    test_delay_option,
    test_sigint_exits_zero,
    test_sigterm_exits_zero,
    test_bad_values_exit_2,
    test_busy_port_exits_1,
    test_version_and_help,
    test_faults_off_by_default,
    test_faults_header_and_control,
    test_fault_script,
    test_closed_keep_alive_connections_are_released,
    test_tls_generated_certificate,
    test_tls_temporary_ca_file_is_named_and_removed,
    test_tls_cert_and_key_files,
    test_tls_bad_options,
]


def main():
    # A locale-independent error text for the busy-port check.
    os.environ["LC_ALL"] = "C"
    print("1..%d" % len(TESTS), flush=True)
    failed = 0
    for number, test in enumerate(TESTS, 1):
        try:
            test()
        except Exception:
            failed += 1
            for line in traceback.format_exc().splitlines():
                print("# " + line)
            print("not ok %d - %s" % (number, test.__name__), flush=True)
        else:
            print("ok %d - %s" % (number, test.__name__), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
