"""Who opened which personal file: every download of a document's file, every DRH PDF and
every attendance evidence file (selfie, activity evidence) is recorded before the file is
sent (`AksesBerkas`, append-only). Admin BKD search the log; a pegawai reads who opened
theirs ("Siapa yang melihat data saya")."""

from django.db.models import Q

from sikap.core import audit
from sikap.documents.models import AksesBerkas, Dokumen


def _client_address(request) -> str | None:
    # REMOTE_ADDR: behind the reverse proxy of docs/deployment.md it is the proxy's unless the
    # proxy sets it (uwsgi/gunicorn `--forwarded-allow-ips`); a forged header is never read.
    return request.META.get("REMOTE_ADDR") or None


def record_read(request, pegawai, *, dokumen: Dokumen | None = None) -> AksesBerkas:
    if dokumen is not None:
        jenis = AksesBerkas.Jenis.DOKUMEN
        keterangan = f"{dokumen.jenis.nama} versi {dokumen.versi}"
    else:
        jenis, keterangan = AksesBerkas.Jenis.DRH, "Daftar riwayat hidup (PDF)"
    return _record(request, pegawai, jenis, keterangan, dokumen)


def record_evidence_read(request, pegawai, keterangan: str) -> AksesBerkas:
    """A read of an attendance evidence file (a check-in selfie, a daily activity's evidence):
    a personal file without a `Dokumen` row, named by `keterangan`."""
    return _record(request, pegawai, AksesBerkas.Jenis.DOKUMEN, keterangan, None)


def _record(request, pegawai, jenis: str, keterangan: str, dokumen) -> AksesBerkas:
    return AksesBerkas.objects.create(
        user=request.user,
        pegawai=pegawai,
        jenis=jenis,
        dokumen=dokumen,
        keterangan=keterangan[:255],
        alamat_ip=_client_address(request),
        perangkat=request.META.get("HTTP_USER_AGENT", "")[:255],
        saluran=audit.current_source(),
    )


def record_registry_lookup(user, pegawai, *, request=None) -> AksesBerkas:
    """A lookup of the pegawai's (and family's) NIKs in the population registry: personal data
    read from outside SIKAP, logged like a file read. A job has no request: no address, no
    device."""
    return AksesBerkas.objects.create(
        user=user,
        pegawai=pegawai,
        jenis=AksesBerkas.Jenis.KEPENDUDUKAN,
        keterangan="Cek data kependudukan (NIK pegawai dan keluarga)",
        alamat_ip=_client_address(request) if request else None,
        perangkat=request.META.get("HTTP_USER_AGENT", "")[:255] if request else "",
        saluran=audit.current_source(),
    )


def search(*, pegawai: str = "", user: str = "", dari=None, sampai=None):
    """The log, newest first, filtered by pegawai (NIP or name), reader (user name) and dates."""
    rows = AksesBerkas.objects.select_related("user", "pegawai", "dokumen__jenis")
    if pegawai:
        nip = "".join(pegawai.split())
        rows = rows.filter(Q(pegawai__nip=nip) | Q(pegawai__nama__icontains=pegawai.strip()))
    if user:
        rows = rows.filter(user__username__iexact=user.strip())
    if dari:
        rows = rows.filter(waktu__date__gte=dari)
    if sampai:
        rows = rows.filter(waktu__date__lte=sampai)
    return rows


def of_pegawai(pegawai):
    return AksesBerkas.objects.filter(pegawai=pegawai).select_related("user__pegawai")
