"""The API's one error shape, `{"code", "message", "details"}`, for every status it answers:
SikapError from services, ninja's validation and auth errors, unknown routes, crashes."""

import logging

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import render
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from sikap.core.errors import Kode, SikapError

log = logging.getLogger(__name__)

# What each status means to a person, when nothing more specific is known.
BY_STATUS = {
    400: (Kode.DATA_TIDAK_VALID, "Permintaan tidak dapat dibaca."),
    401: (Kode.BELUM_MASUK, "Token tidak ada, tidak sah, kedaluwarsa, atau telah dicabut."),
    403: (Kode.TIDAK_BERHAK, "Anda tidak berhak melakukan tindakan ini."),
    404: (Kode.TIDAK_DITEMUKAN, "Data atau alamat tidak ditemukan."),
    405: (Kode.METODE_TIDAK_DIDUKUNG, "Metode HTTP ini tidak didukung di alamat ini."),
    409: (Kode.LANGKAH_TIDAK_SAH, "Permintaan bertentangan dengan keadaan data."),
    422: (Kode.DATA_TIDAK_VALID, "Data yang dikirim tidak valid."),
    429: (Kode.TERLALU_BANYAK, "Terlalu banyak permintaan. Coba lagi nanti."),
    500: (Kode.KESALAHAN_SERVER, "Terjadi kesalahan pada server. Coba lagi nanti."),
}

# The status a service refusal answers with.
STATUS_OF = {
    Kode.TIDAK_BERHAK: 403,
    Kode.TIDAK_DITEMUKAN: 404,
    Kode.DATA_TIDAK_VALID: 400,
    Kode.BERKAS_TIDAK_VALID: 400,
    Kode.BELUM_MASUK: 401,
    Kode.TERLALU_BANYAK: 429,
    Kode.LAYANAN_TIDAK_TERSEDIA: 503,
}


class Rincian(Schema):
    field: str = ""
    message: str


class Galat(Schema):
    code: str
    message: str
    details: list[Rincian] = []


def galat(status: int, message: str = "", *, code: str = "", details=()) -> JsonResponse:
    default_code, default_message = BY_STATUS.get(status, BY_STATUS[500])
    body = {
        "code": str(code or default_code),
        "message": message or default_message,
        "details": list(details),
    }
    return JsonResponse(body, status=status)


def responses(*statuses: int) -> dict:
    """The error statuses an operation declares in the schema, besides those every operation
    may answer (bad input, throttled, crashed)."""
    return {status: Galat for status in (*statuses, 422, 429, 500)}


# Pydantic's error types in Indonesian; `{…}` are filled from the error's context.
PESAN_VALIDASI = {
    "missing": "Wajib diisi.",
    "greater_than_equal": "Paling kecil {ge}.",
    "less_than_equal": "Paling besar {le}.",
    "string_too_short": "Paling sedikit {min_length} karakter.",
    "string_too_long": "Paling banyak {max_length} karakter.",
    "string_type": "Harus berupa teks.",
    "int_parsing": "Harus bilangan bulat.",
    "int_type": "Harus bilangan bulat.",
    "bool_parsing": "Harus true atau false.",
    "json_invalid": "JSON tidak dapat dibaca.",
    "model_attributes_type": "Harus berupa objek JSON.",
    "dict_type": "Harus berupa objek JSON.",
    "float_type": "Harus berupa angka.",
    "float_parsing": "Harus berupa angka.",
    "finite_number": "Harus berupa angka yang terhingga (bukan NaN atau tak hingga).",
    "literal_error": "Harus salah satu dari: {expected}.",
    "datetime_parsing": "Harus berupa waktu ISO 8601.",
    "datetime_type": "Harus berupa waktu ISO 8601.",
    "timezone_aware": "Waktu harus menyertakan zona waktu.",
    "string_pattern_mismatch": "Berisi karakter yang tidak diizinkan.",
    "value_error": "Nilai tidak wajar.",
}


def _validation_details(errors) -> list[dict]:
    details = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()))
        template = PESAN_VALIDASI.get(error.get("type"), "Nilai tidak valid.")
        try:
            message = template.format(**error.get("ctx", {}))
        except (KeyError, IndexError):
            message = "Nilai tidak valid."
        details.append({"field": where, "message": message})
    return details


def install(api) -> None:
    """Replace ninja's default handlers with the one shape."""

    @api.exception_handler(SikapError)
    def sikap_error(request, exc: SikapError):
        details = [{"field": f, "message": m} for f, ms in exc.errors.items() for m in ms]
        return galat(STATUS_OF.get(exc.code, 409), exc.message, code=exc.code, details=details)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        return galat(422, details=_validation_details(exc.errors))

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc):
        return galat(401)

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return galat(429)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return galat(exc.status_code)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return galat(404)

    @api.exception_handler(Exception)
    def crashed(request, exc):
        log.exception("API error at %s", request.path)
        return galat(500)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout: JSON under /api/, the lockout page on the web."""
    if request.path.startswith("/api/"):
        return galat(
            429,
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam beberapa menit, "
            "atau hubungi admin BKD.",
        )
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=settings.AXES_HTTP_RESPONSE_CODE)
