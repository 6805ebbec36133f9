"""Where the room's phones reach the facilitator's laptop (issue 14): loopback or not, the
machine's own network addresses, the address a phone opens, and why an address cannot be bound —
all found without any network traffic, so an offline laptop still shows something sensible."""

from __future__ import annotations

import errno
import ipaddress
import socket

LOOPBACK = "127.0.0.1"
"""Where the server listens unless ``--bind`` says otherwise: this machine only."""
DEFAULT_PORT = 8765
"""The port asked for first (easy to read off a wall); a free one is taken when it is in use."""
ANY = ("0.0.0.0", "::", "")
"""Addresses that mean every network the machine is on."""
PROBE = ("10.254.254.254", 9)
"""A private address to 'connect' a UDP socket to: nothing is sent, but the system picks the
network interface it would use, whose address is then the machine's address on the room's net."""


def is_loopback(bind: str) -> bool:
    """Whether ``bind`` is this machine only (``127.x``, ``::1``, ``localhost``)."""
    if bind.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(bind.strip("[]")).is_loopback
    except ValueError:
        return False


def _usable(address: str) -> bool:
    try:
        found = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (found.is_loopback or found.is_unspecified or found.is_link_local or found.is_multicast)


def lan_addresses(bind: str = "0.0.0.0") -> list[str]:
    """The addresses phones can open: ``bind`` itself when it names one, else the machine's own
    IPv4 addresses (the one with the route to a private network first), never 0.0.0.0 or
    loopback; empty when the machine is on no network."""
    if bind not in ANY:
        return [bind]
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)  # UDP: no packet leaves the machine
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    unique: list[str] = []
    for address in found:
        if _usable(address) and address not in unique:
            unique.append(address)
    return unique


def host_name() -> str:
    """The machine's name, for an offline laptop that found no address of its own."""
    try:
        return socket.gethostname() or "localhost"
    except OSError:
        return "localhost"


def url_for(bind: str, port: int, addresses: list[str]) -> str:
    """The address (without the code) a phone opens for a server on ``bind``:``port``."""
    host = bind
    if bind in ANY:
        host = addresses[0] if addresses else host_name()
    elif bind.strip().lower() == "localhost":
        host = LOOPBACK
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def bind_reason(error: OSError) -> str | None:
    """The UI text key that says why binding failed, or None (then the system's words)."""
    if isinstance(error, socket.gaierror):
        return "share.reason.unknown_address"
    return {errno.EADDRINUSE: "share.reason.in_use", errno.EADDRNOTAVAIL: "share.reason.not_here",
            errno.EACCES: "share.reason.denied", errno.EPERM: "share.reason.denied"}.get(error.errno or 0)


def valid_port(text: str) -> int | None:
    """``text`` as a port (1–65535), or None."""
    try:
        port = int(text.strip())
    except ValueError:
        return None
    return port if 1 <= port <= 65535 else None


def try_bind(bind: str, port: int) -> OSError | None:
    """Whether ``bind``:``port`` can be bound now (bound and let go at once): the error, or None.
    The command line asks before the terminal is taken over; the app still says it if it changed."""
    try:
        infos = socket.getaddrinfo(bind or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as error:
        return error
    family, kind, proto, _, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
            probe.bind(address)
    except OSError as error:
        return error
    return None
