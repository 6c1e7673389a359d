"""HTTP downloads with timeouts, a size cap, bounded redirects and no private addresses."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import FetchRefused, InputError
from ..settings import Settings


@dataclass
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str
    charset: str | None


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs whose host resolves to a private, loopback, link-local or reserved address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http(s) URLs can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host {parts.hostname!r}: {exc.strerror}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (address.is_private or address.is_loopback or address.is_link_local
                or address.is_reserved or address.is_multicast or address.is_unspecified):
            raise FetchRefused(
                f"{url}: refused to fetch private address {address} (use --allow-private to permit)")


def fetch(url: str, settings: Settings) -> Fetched:
    """Download one URL; every hop of a redirect is checked against the address policy."""
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*"}
    with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(settings.max_redirects + 1):
            try:
                check_address(url, settings.allow_private)
            except FetchRefused as exc:
                raise InputError(url, str(exc).split(": ", 1)[1]) from exc
            try:
                with client.stream("GET", url) as response:
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
                                   response.charset_encoding)
            except httpx.HTTPError as exc:
                raise InputError(url, f"unreachable: {exc.__class__.__name__}: {exc}") from exc
        raise InputError(url, f"more than {settings.max_redirects} redirects")
