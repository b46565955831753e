"""A loopback TCP relay that adds a fixed delay each way.

    /usr/bin/python3 bench/latency_relay.py --target HOST:PORT --rtt-ms 50 [--port N]

Listens on 127.0.0.1 (port N, default a free one), prints
`relay 127.0.0.1:PORT` on its first line of stdout, and for every connection
it accepts opens one to the target and copies bytes both ways, each chunk
delivered RTT/2 after it arrived. The kernel's netem would do this below TCP;
it is not available on these machines, so this emulates it above TCP:

* order is kept: each direction of a connection is one FIFO of
  (arrival time, bytes), drained by one writer that sleeps until each chunk
  is due;
* a half close travels like data (EOF is forwarded after the same delay),
  and a reset or error on either side resets the other;
* connections are independent tasks of one asyncio loop: thousands can be
  open at once, and a slow one does not hold the others back;
* bandwidth is not limited, so a bulk upload pays one delay, not one per
  chunk;
* it is Python: each exchange costs a few milliseconds more than the RTT
  asked for (on a 2-core machine, 99 ms instead of 80 for a connect and 3
  requests at 20 ms RTT on each of 100 connections at once), and at around
  1,000 busy connections the relay itself becomes the bottleneck.

A TCP handshake costs one RTT, as on a network: the kernel completes the
client's connect at once, so the relay holds a new connection for one RTT
before it reads anything from it (--no-connect-rtt turns that off). A first
request then answers after 2 RTT, a first request over TLS 1.3 after 3 RTT,
and every request on a warm connection after 1 RTT.

On SIGUSR1, and when it stops (SIGTERM, SIGINT), it prints one JSON line:
connections accepted, open, and bytes each way.

`bench/run.py` starts one relay per RTT it needs in front of the canned
responder or the emulator (`--rtt-ms` of a section); it can also be used by
hand:

    nexor-emulator --port 0 &   # prints its URL
    python3 bench/latency_relay.py --target 127.0.0.1:PORT --rtt-ms 25
"""

import argparse
import asyncio
import os
import signal
import socket
import sys
import time

CHUNK = 256 * 1024
HALF_CLOSED_S = 5.0


class Stats:
    connections = 0
    open = 0
    bytes_up = 0
    bytes_down = 0


async def pump(reader, writer, delay, counter_name):
    """Copies reader to writer, each chunk due `delay` seconds after it arrived."""
    queue = asyncio.Queue()
    loop = asyncio.get_running_loop()

    async def read_side():
        try:
            while True:
                data = await reader.read(CHUNK)
                queue.put_nowait((loop.time() + delay, data))
                if not data:
                    return
                setattr(Stats, counter_name, getattr(Stats, counter_name) + len(data))
        except (ConnectionError, OSError):
            queue.put_nowait((loop.time(), None))

    async def write_side():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:           # the other side failed: reset this one
                writer.transport.abort()
                return False
            if not data:               # a half close, delivered on time
                if writer.can_write_eof():
                    writer.write_eof()
                return True
            writer.write(data)
            await writer.drain()

    reading = asyncio.ensure_future(read_side())
    try:
        return await write_side()
    except (ConnectionError, OSError):
        return False
    finally:
        reading.cancel()
        await asyncio.gather(reading, return_exceptions=True)


async def handle(client_reader, client_writer, target, delay, connect_delay):
    Stats.connections += 1
    Stats.open += 1
    upstream_writer = None
    try:
        client_writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if connect_delay > 0:
            await asyncio.sleep(connect_delay)
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*target)
        except OSError:
            client_writer.transport.abort()
            return
        upstream_writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        up = asyncio.ensure_future(pump(client_reader, upstream_writer, delay, "bytes_up"))
        down = asyncio.ensure_future(pump(upstream_reader, client_writer, delay, "bytes_down"))
        done, pending = await asyncio.wait({up, down}, return_when=asyncio.FIRST_COMPLETED)
        if not any(t.result() is False for t in done):
            # One side closed cleanly: let the other finish its own way, for
            # a while (a server may keep its half open after the client left).
            done, pending = await asyncio.wait(pending, timeout=HALF_CLOSED_S)
        for t in pending:
            t.cancel()
        if pending:
            await asyncio.wait(pending)
    finally:
        Stats.open -= 1
        for w in (client_writer, upstream_writer):
            if w is not None:
                w.close()


async def main_async(args):
    host, _, port = args.target.rpartition(":")
    target = (host or "127.0.0.1", int(port))
    one_way = args.rtt_ms / 2000.0
    connect_delay = args.rtt_ms / 1000.0 if args.connect_rtt else 0.0
    # asyncio holds tasks weakly: the connections' tasks are kept here, so
    # that none is collected while it waits.
    tasks = set()

    def on_connection(r, w):
        task = asyncio.ensure_future(handle(r, w, target, one_way, connect_delay))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    server = await asyncio.start_server(
        on_connection,
        "127.0.0.1", args.port, backlog=1024, limit=CHUNK)
    port = server.sockets[0].getsockname()[1]
    print(f"relay 127.0.0.1:{port}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    def report():
        print(f"{{\"connections\":{Stats.connections},\"open\":{Stats.open},"
              f"\"bytes_up\":{Stats.bytes_up},\"bytes_down\":{Stats.bytes_down}}}", flush=True)

    loop.add_signal_handler(signal.SIGUSR1, report)
    async with server:
        await stop.wait()
    report()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", required=True, help="HOST:PORT to relay to")
    parser.add_argument("--rtt-ms", type=float, required=True, help="round-trip time to add")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-connect-rtt", dest="connect_rtt", action="store_false",
                        help="do not charge a TCP handshake its round trip")
    args = parser.parse_args()
    if args.rtt_ms < 0:
        parser.error("--rtt-ms must be >= 0")
    try:
        asyncio.run(main_async(args))
    except KeyboardInterrupt:
        pass
    sys.stdout.flush()
    # Connections still open end with the process; asyncio's own teardown
    # would only print a warning for each of their tasks.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
