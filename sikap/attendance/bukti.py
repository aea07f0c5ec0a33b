"""Attendance evidence files: the selfie sent with a check-in (in the OPDs that require one,
`SwafotoOpd`) and the file a pegawai attaches to a daily activity.

Both are checked by content with the documents' check (`documents.validation.inspect`: a real
JPEG/PNG (or PDF for activities) whatever the name says, whole, within the size the region set
in `PengaturanPresensi`), stored under a random name in the private storage (no URL), and
leave SIKAP only through `kirim`: after `access.may_see_bukti_presensi` (the pegawai, their
atasan now, the admin OPD of their OPD, admin BKD), with the read recorded in the access log.
A selfie is evidence only: no face is matched.
"""

import base64
import binascii

from django.http import Http404

from sikap.accounts import access
from sikap.core.errors import Kode, SikapError
from sikap.documents import access_log
from sikap.documents.models import FORMATS
from sikap.documents.storage import file_response, read_limited
from sikap.documents.validation import Inspection, inspect

SWAFOTO_FORMATS = ("jpeg", "png")
BUKTI_FORMATS = ("pdf", "jpeg", "png")


def _di(field: str, error: SikapError) -> SikapError:
    """The content check's refusal, on the field that carried the file."""
    return SikapError(error.code, error.message, {field: [error.message]})


def swafoto_dari_base64(text: str) -> bytes:
    """The photo of the API's `swafoto` field (standard base64, no `data:` prefix)."""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        message = "Swafoto harus berupa isi berkas JPEG/PNG dalam base64 standar."
        raise SikapError(Kode.BERKAS_TIDAK_VALID, message, {"swafoto": [message]}) from e


def periksa_swafoto(data: bytes, *, maks_kb: int) -> Inspection:
    try:
        return inspect(
            data, allowed=SWAFOTO_FORMATS, max_bytes=maks_kb * 1024, jenis_nama="Swafoto presensi"
        )
    except SikapError as e:
        raise _di("swafoto", e) from e


def baca_bukti_aktivitas(uploaded_file, *, maks_kb: int) -> tuple[bytes, Inspection]:
    """The bytes of an activity's evidence and what they are, or a refusal on `bukti`."""
    limit = maks_kb * 1024
    data = read_limited(uploaded_file, limit)
    try:
        found = inspect(data, allowed=BUKTI_FORMATS, max_bytes=limit, jenis_nama="Bukti aktivitas")
    except SikapError as e:
        raise _di("bukti", e) from e
    return data, found


def kirim(request, fieldfile, *, pegawai, format_: str, nama: str, keterangan: str):
    """Send an evidence file inline (sandboxed, not cached) to a user allowed to see it, after
    recording the read; anyone else gets the 404 of a file that does not exist."""
    if not fieldfile or not access.may_see_bukti_presensi(request.user, pegawai.pk):
        raise Http404("Berkas bukti tidak ditemukan.")
    access_log.record_evidence_read(request, pegawai, keterangan)
    return file_response(
        fieldfile,
        filename=f"{nama}{FORMATS[format_].extension}",
        content_type=FORMATS[format_].mime,
        inline=True,
    )
