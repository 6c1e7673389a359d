"""HTTP downloads with timeouts, a wall-clock deadline, a size cap, bounded redirects and no private addresses.

Each hop's host is resolved once; the addresses are checked and the connection goes to the address that was
checked (so a resolver answering differently the second time cannot point it elsewhere), while the Host header,
TLS server name and certificate check keep the URL's host name.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

import httpcore
import httpx

from ..errors import InputError
from ..settings import Settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# A resolver: host name and port to the IP addresses to try, as strings.
Resolver = Callable[[str, int], list[str]]
# Ranges Python counts as global that still reach a private network: carrier-grade NAT and IETF protocol
# assignments (a cloud's metadata service lives there).
NOT_GLOBAL = tuple(ipaddress.ip_network(n) for n in ("100.64.0.0/10", "192.0.0.0/24"))
# IPv6 prefixes that carry an IPv4 address; the address they carry must be global too.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None = None  # the validators a conditional GET sends back next time
    last_modified: str | None = None
    not_modified: bool = False  # the server answered 304 to a conditional GET: nothing new, no body


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for a host, in its order of preference."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: Address) -> bool:
    """Whether an address is globally routable, including the IPv4 address an IPv6 one carries."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or \
            (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in NAT64 else None)
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not address.is_multicast and not any(address in net for net in NOT_GLOBAL)


def checked_address(url: httpx.URL, allow_private: bool, resolve: Resolver) -> str:
    """The address to connect to for a URL: its host resolved once and every address it has checked."""
    if url.scheme not in ("http", "https") or not url.host:
        raise InputError(str(url), "only http(s) URLs can be fetched")
    host = url.raw_host.decode("ascii")
    try:
        answers = [ipaddress.ip_address(a.split("%")[0])
                   for a in resolve(host, url.port or (443 if url.scheme == "https" else 80))]
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise InputError(str(url), f"cannot resolve host {url.host!r}: {reason}") from exc
    if not answers:
        raise InputError(str(url), f"cannot resolve host {url.host!r}")
    if not allow_private:
        for address in answers:
            if not is_public(address):
                raise InputError(str(url), f"refused to fetch private address {address} "
                                           "(use --allow-private to permit)")
    return str(answers[0])


class _Deadline:
    """Seconds left before a URL's deadline: every connect, read and write waits at most that long."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def explain(self, settings: Settings) -> str:
        if time.monotonic() >= self.end:
            return f"longer than the {settings.fetch_deadline:g} s deadline per URL"
        return f"no answer within {settings.fetch_timeout:g} s"

    def bound(self, timeout: float | None, error: type[Exception]) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise error("deadline for the URL passed")
        return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A socket stream whose every operation ends by the deadline, however slowly the server trickles."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline):
        self.inner, self.deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.deadline.bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.deadline.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        timeout = self.deadline.bound(timeout, httpcore.ConnectTimeout)
        inner = self.inner.start_tls(ssl_context, server_hostname, timeout)
        return _Stream(inner, self.deadline)

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class _PinnedBackend(httpcore.SyncBackend):
    """Connects each host name to the address checked for it, never resolving it again."""

    def __init__(self, deadline: _Deadline):
        self.pinned: dict[str, str] = {}
        self.deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        if host not in self.pinned:
            raise httpcore.ConnectError(f"{host} was not checked")
        stream = super().connect_tcp(self.pinned[host], port, self.deadline.bound(timeout, httpcore.ConnectTimeout),
                                     local_address, socket_options)
        return _Stream(stream, self.deadline)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport on the pinned backend (httpx takes no network backend of its own, so the pool is
    rebuilt the way httpx builds it, with the backend)."""

    def __init__(self, backend: _PinnedBackend):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             network_backend=backend)


def fetch(url: str, settings: Settings, resolve: Resolver = system_resolver, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """Download one URL within the per-URL deadline; every redirect hop is resolved, checked and pinned.

    With `etag` or `last_modified` (from an earlier Fetched) the GET is conditional: a 304 gives `not_modified`.
    """
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = _Deadline(settings.fetch_deadline)
    backend = _PinnedBackend(deadline)
    with httpx.Client(transport=_PinnedTransport(backend), timeout=settings.fetch_timeout, follow_redirects=False,
                      headers=headers, trust_env=False) as client:
        for _ in range(settings.max_redirects + 1):
            try:
                target = httpx.URL(url)
            except httpx.InvalidURL as exc:
                raise InputError(url, f"not a valid URL ({exc})") from exc
            backend.pinned[target.raw_host.decode("ascii")] = checked_address(target, settings.allow_private, resolve)
            try:
                with client.stream("GET", target) as response:
                    if response.status_code == 304:  # (httpx counts it among redirects)
                        return Fetched(str(response.url), b"", "", None, etag, last_modified, not_modified=True)
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise InputError(url, f"HTTP {response.status_code}")
                    declared = int(response.headers.get("content-length") or 0)
                    if declared > settings.max_bytes:
                        raise InputError(url, f"larger than the size cap ({settings.max_bytes} bytes)")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > settings.max_bytes:
                            raise InputError(url, f"larger than the size cap ({settings.max_bytes} bytes)")
                    content_type = response.headers.get("content-type", "")
                    return Fetched(str(response.url), bytes(body), content_type.split(";")[0].strip().lower(),
                                   response.charset_encoding, response.headers.get("etag"),
                                   response.headers.get("last-modified"))
            except httpx.TimeoutException as exc:
                raise InputError(url, f"timed out ({deadline.explain(settings)})") from exc
            except (httpx.HTTPError, ValueError) as exc:  # ValueError: a malformed Content-Length
                raise InputError(url, f"unreachable: {exc.__class__.__name__}: {exc}") from exc
        raise InputError(url, f"more than {settings.max_redirects} redirects")
