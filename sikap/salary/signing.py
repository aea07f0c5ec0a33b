"""Signing a KGB letter. Today a stored signature image is printed on the letter
(`ImageSigner`); a certified electronic signature (TTE, e.g. BSrE) plugs in as another `Signer`
that seals the finished PDF, chosen by `SIKAP_KGB_SIGNER` (a dotted path)."""

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from sikap.core.errors import Kode, SikapError
from sikap.reports.images import image_data_uri


class Signer(Protocol):
    def check(self, penandatangan) -> None:
        """Raise `SikapError` when this signer cannot sign now (before the state moves)."""

    def image(self, penandatangan) -> str:
        """A data: URI printed in the signature block, or "" (a TTE prints its own mark)."""

    def seal(self, pdf: bytes, penandatangan) -> bytes:
        """The PDF as issued (a TTE returns it signed)."""


class ImageSigner:
    def _read(self, penandatangan) -> bytes:
        f = penandatangan.tanda_tangan
        if not f:
            raise SikapError(
                Kode.SYARAT_BELUM_LENGKAP,
                f"Gambar tanda tangan {penandatangan.nama} belum diunggah (di /kelola/).",
            )
        try:
            with f.open("rb") as fh:
                return fh.read()
        except OSError:
            raise SikapError(
                Kode.SYARAT_BELUM_LENGKAP,
                f"Gambar tanda tangan {penandatangan.nama} tidak ditemukan di penyimpanan; "
                "unggah ulang di /kelola/.",
            ) from None

    def check(self, penandatangan) -> None:
        self._read(penandatangan)

    def image(self, penandatangan) -> str:
        return image_data_uri(self._read(penandatangan))

    def seal(self, pdf: bytes, penandatangan) -> bytes:
        return pdf


def signer() -> Signer:
    path = getattr(settings, "SIKAP_KGB_SIGNER", "")
    return import_string(path)() if path else ImageSigner()
