"""Error codes shared by services, views and the API. Messages are Indonesian, for users."""

from enum import StrEnum


class Kode(StrEnum):
    TIDAK_BERHAK = "tidak_berhak"
    TIDAK_DITEMUKAN = "tidak_ditemukan"
    DATA_TIDAK_VALID = "data_tidak_valid"
    DUPLIKAT = "duplikat"
    BERKAS_TIDAK_VALID = "berkas_tidak_valid"
    KEDALUWARSA = "kedaluwarsa"
    LANGKAH_TIDAK_SAH = "langkah_tidak_sah"
    SYARAT_BELUM_LENGKAP = "syarat_belum_lengkap"
    # Refusals of the HTTP layer (API): no valid credentials, wrong method, too many requests.
    BELUM_MASUK = "belum_masuk"
    METODE_TIDAK_DIDUKUNG = "metode_tidak_didukung"
    TERLALU_BANYAK = "terlalu_banyak_permintaan"
    TERLALU_BESAR = "terlalu_besar"
    KESALAHAN_SERVER = "kesalahan_server"
    # An outside service (the population registry) cannot be reached or answered nonsense.
    LAYANAN_TIDAK_TERSEDIA = "layanan_tidak_tersedia"


class SikapError(Exception):
    """A refusal a user should read: `code` for programs, `message` (Indonesian) for people,
    `errors` ({field: [messages]}) where specific fields are at fault."""

    def __init__(self, code: Kode, message: str, errors: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.errors = errors or {}

    def as_json(self) -> dict:
        body = {"code": str(self.code), "message": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


def tidak_berhak(message: str = "Anda tidak berhak melakukan tindakan ini.") -> SikapError:
    return SikapError(Kode.TIDAK_BERHAK, message)
