"""Runs the app's main workflows while watching for any network use; writes a JSON report.

Two watchers, because the app's code and Qt's reach sockets differently:

* An audit hook sees every socket call made through Python (the app, SQLAlchemy, python-docx, any
  library). Creating, binding, connecting or sending on an AF_INET/AF_INET6 socket, and name lookups
  (getaddrinfo, gethostbyname...), are recorded and refused. AF_UNIX sockets are local inter-process
  plumbing, not network, so they are counted and allowed; so is gethostname(), which only reads the
  machine's own name (the lock file records it).
* Qt and other native code call the C library directly, unseen by the hook. A thread lists this
  process's open descriptors every few milliseconds and classifies each new socket by looking its
  inode up in /proc/net: unix and netlink sockets (Qt's socketpairs, D-Bus, GLib's network monitor) are
  local; a socket found in tcp/tcp6/udp/udp6/raw/raw6 is a network socket and is recorded.

Usage: offline_driver.py REPORT.json WORKDIR [--control python|native]. A control run skips the
workflows and deliberately opens a network socket the given way, to prove the watcher catches it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time

ATTEMPTS: list[dict] = []
LOCAL: dict[str, int] = {"python_unix": 0, "native_unix": 0, "native_netlink": 0}
NETWORK_FAMILIES = {2, 10}  # AF_INET, AF_INET6 (numbers: the socket module may not be imported yet)
LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}
ON_SOCKET = {"socket.bind", "socket.connect", "socket.sendto", "socket.sendmsg"}


def _audit(event: str, args: tuple) -> None:
    if not event.startswith("socket."):
        return
    if event == "socket.__new__":
        family = args[1]
    elif event in ON_SOCKET:
        family = args[0].family
    elif event in LOOKUPS:
        family = None
    else:
        return  # gethostname, sethostname (refused by the OS anyway), ...
    if family is not None and int(family) not in NETWORK_FAMILIES:
        LOCAL["python_unix"] += 1
        return
    ATTEMPTS.append({"seen_by": "audit hook", "event": event, "args": repr(args[1:])[:200]})
    raise ConnectionRefusedError(f"network use refused in the offline test: {event}")


sys.addaudithook(_audit)


def _net_inodes() -> dict[str, str]:
    kinds = {}
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "unix", "netlink"):
        try:
            with open(f"/proc/net/{table}") as rows:
                next(rows, None)
                for row in rows:
                    fields = row.split()
                    inode = fields[6] if table == "unix" else fields[8] if table == "netlink" else fields[9]
                    kinds[inode] = table
        except OSError:
            continue
    return kinds


class SocketWatcher(threading.Thread):
    """Classifies every socket this process opens, whoever opens it."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: set[str] = set()
        self.stop = threading.Event()

    def scan(self) -> None:
        fresh = set()
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] not in self.seen:
                fresh.add(target[8:-1])
        if fresh:
            kinds = _net_inodes()
            for inode in fresh:
                self._classify(inode, kinds.get(inode))

    def _classify(self, inode: str, kind: str | None) -> None:
        if kind is None:
            return  # not yet bound or connected, so not listed: look again on the next scan
        self.seen.add(inode)
        if kind in ("unix", "netlink"):
            LOCAL[f"native_{kind}"] += 1
        else:
            ATTEMPTS.append({"seen_by": "descriptor scan", "event": f"{kind} socket", "args": f"inode {inode}"})

    def run(self) -> None:
        while not self.stop.wait(0.005):
            self.scan()


def control(how: str) -> None:
    """Open a network socket on purpose, the way the app's Python code or Qt's native code would."""
    if how == "python":
        import socket

        with contextlib.suppress(OSError):  # refused by the hook, which has recorded it
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        return
    import ctypes
    import socket
    import struct

    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
    # A UDP "connect" sends nothing but binds a local port, so the socket shows in /proc/net/udp.
    address = struct.pack("=H", socket.AF_INET) + struct.pack("!H", 9) + bytes([127, 0, 0, 1]) + bytes(8)
    libc.connect(fd, address, len(address))
    time.sleep(0.2)
    libc.close(fd)


def main(argv: list[str]) -> int:
    report_file, workdir = argv[0], argv[1]
    watcher = SocketWatcher()
    watcher.start()
    report = {"steps": [], "errors": []}
    try:
        if argv[2:4] and argv[2] == "--control":
            control(argv[3])
        else:
            from tests.support.offline_workflows import run_all

            run_all(workdir, report["steps"])
    except BaseException as exc:  # noqa: BLE001 - the report carries it; the test fails on it
        import traceback

        report["errors"].append("".join(traceback.format_exception(exc))[-3000:])
    watcher.stop.set()
    watcher.join()
    watcher.scan()
    report.update(network_attempts=ATTEMPTS, local_sockets=LOCAL)
    with open(report_file, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
