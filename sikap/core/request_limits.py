"""Request bodies are bounded before anything reads them (docs/security.md, "Batas masukan").

`RequestSizeMiddleware` runs first of all middleware, before sessions, CSRF and any view:

- a declared `Content-Length` above the path's cap is refused at once with 413: nothing of
  the body is read, so no temporary file is ever written for it;
- a body without `Content-Length` (chunked transfer) is read through `CappedStream`, which
  stops at the cap; the request then ends in the same 413.

The cap of a path is the longest matching prefix in `SIKAP_REQUEST_PATH_LIMITS`, else
`SIKAP_REQUEST_MAX_BYTES`. The proxy in front (nginx `client_max_body_size`) should refuse
the same sizes earlier still (docs/configuration.md).
"""

from io import IOBase

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render

from sikap.core.errors import Kode
from sikap.rules.formatting import ukuran_berkas


class BodyTooLarge(RequestDataTooBig):
    """Raised inside a read of a capped stream; the middleware answers 413 for it."""


def limit_for(path: str) -> int:
    best, limit = -1, settings.SIKAP_REQUEST_MAX_BYTES
    for prefix, cap in settings.SIKAP_REQUEST_PATH_LIMITS.items():
        if path.startswith(prefix) and len(prefix) > best:
            best, limit = len(prefix), cap
    return limit


class CappedStream(IOBase):
    """A read-only view of `wsgi.input` that refuses to read more than `limit` bytes."""

    def __init__(self, stream, limit: int, request):
        self._stream = stream
        self._limit = limit
        self._request = request
        self._read_so_far = 0

    def _take(self, data: bytes) -> bytes:
        self._read_so_far += len(data)
        if self._read_so_far > self._limit:
            self._request.body_too_large = True
            raise BodyTooLarge(f"request body over {self._limit} bytes")
        return data

    def _room(self, size) -> int:
        # One byte past the cap is enough to know the body is too large.
        room = self._limit - self._read_so_far + 1
        return room if size is None or size < 0 else min(size, room)

    def read(self, size=-1, /) -> bytes:
        return self._take(self._stream.read(self._room(size)))

    def readline(self, size=-1, /) -> bytes:
        return self._take(self._stream.readline(self._room(size)))

    def readable(self) -> bool:
        return True


def _declared_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = limit_for(request.path_info)
        length = _declared_length(request)
        if length is not None and length > limit:
            return too_large(request, limit)
        if length is None and "wsgi.input" in request.META and _chunked(request):
            capped = CappedStream(request.META["wsgi.input"], limit, request)
            request.META["wsgi.input"] = capped
            request._stream = capped
        response = self.get_response(request)
        if getattr(request, "body_too_large", False):
            return too_large(request, limit)
        return response


def _chunked(request) -> bool:
    return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()


def too_large(request, limit: int):
    """413: the web's page, or the API's JSON error shape under /api/."""
    message = (
        f"Data yang dikirim terlalu besar: paling besar {ukuran_berkas(limit)} untuk alamat ini. "
        "Perkecil berkas atau kirim beberapa berkas secara terpisah. Tidak ada data yang "
        "disimpan."
    )
    if request.path_info.startswith("/api/"):
        from sikap.api.errors import galat

        return galat(413, message, code=Kode.TERLALU_BESAR)
    return render(request, "413.html", {"pesan": message}, status=413)
