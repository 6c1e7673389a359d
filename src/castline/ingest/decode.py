"""Bytes to text: UTF-8 first, then charset detection; binary input is refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import InputError

# Share of control characters above which bytes are taken for a binary file.
BINARY_CONTROL_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and control / len(sample) > BINARY_CONTROL_SHARE


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode article bytes, naming the input in the error when they are not text."""
    if not data.strip():
        raise InputError(source, "empty input")
    if looks_binary(data):
        raise InputError(source, "binary content, not text or HTML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot detect the text encoding")
    return str(best)
