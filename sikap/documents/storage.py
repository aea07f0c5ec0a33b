"""Reading and writing document files through Django's configured storage.

The backend comes from `STORAGES["default"]` (settings: the local MEDIA_ROOT, or S3-compatible
object storage with `SIKAP_STORAGE=s3`), so nothing here knows where bytes live. MEDIA_ROOT has
no URL: files leave SIKAP only through `file_response`, which views call after the visibility
check.
"""

import hashlib
import logging

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024


def read_limited(uploaded_file, limit: int) -> bytes:
    """The file's bytes, but never more than `limit + 1`: enough to know it is too large
    without holding an arbitrarily large upload in memory."""
    uploaded_file.seek(0)
    return uploaded_file.read(limit + 1)


def sha256_of(uploaded_file) -> str:
    """Hash a file of any size in chunks (used where the file is not kept)."""
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def delete_quietly(name: str) -> None:
    """Remove a file written for a row that was then not saved; failure only leaves an orphan,
    which `manage.py periksa_arsip` reports."""
    try:
        default_storage.delete(name)
    except OSError:
        log.exception("could not delete stored file %s", name)


def file_response(fieldfile, *, filename: str, content_type: str, inline: bool = False):
    """Stream a stored file as a download named `filename` (never the uploader's name), or
    `inline` for a preview: then the browser may not guess another type (`nosniff`) and the
    file runs in a sandbox without scripts, forms or SIKAP's origin (CSP `sandbox`)."""
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, OSError) as e:
        log.error("stored file missing: %s", fieldfile.name)
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from e
    response = FileResponse(
        handle, as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return sandboxed(response) if inline else response


def sandboxed(response):
    """A personal file shown inline: not cached, not sniffed, and in a sandbox without
    scripts, forms or SIKAP's origin."""
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
