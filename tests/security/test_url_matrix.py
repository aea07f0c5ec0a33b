"""Every URL of the URLconf, as every persona, against the table in `url_matrix`.

One world and one client per persona serve the whole walk; each POST runs in a savepoint that
is rolled back, so no request sees another's effects."""

import functools
import os
import time
from datetime import date, timedelta
from datetime import time as jam
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sikap.accounts.models import Peran
from sikap.accounts.tokens import issue_token
from sikap.attendance import aktivitas
from sikap.attendance.leave import ajukan as ajukan_cuti
from sikap.attendance.lokasi import ajukan as ajukan_lokasi
from sikap.attendance.models import Presensi, UsulanDisiplin
from sikap.core.admin_site import site as kelola
from sikap.core.models import AuditEntry, CaseEvent, Notifikasi, Operasi
from sikap.documents.models import JenisDokumen
from sikap.documents.services import register_issued, upload_dokumen
from sikap.ipasn import services as ipasn_services
from sikap.ipasn.models import Indicator
from sikap.lkj.builder import build_lkj
from sikap.pension.models import BerkasPensiun, LampiranBerkas
from sikap.people import services as people
from sikap.people.models import RiwayatPangkat
from sikap.performance.importer import parse_bundle
from sikap.performance.models import IndikatorRenja, IndikatorTarget, RealisasiTriwulan, Status
from sikap.performance.services import create_koreksi, import_sakip
from sikap.promotion.models import BerkasUsulan, JenisKp, PeriodeKp, SyaratDokumen, UsulanKp
from sikap.salary.models import Kgb, TabelGaji
from sikap.selfservice import services as selfservice
from sikap.selfservice.models import JenisPerubahan
from tests.documents.conftest import image_bytes, pdf_bytes, upload
from tests.factories import make_user
from tests.performance.conftest import seed_files
from tests.security.url_matrix import (
    KELOLA_INDEX,
    KELOLA_OTHER,
    KELOLA_PLAN,
    KELOLA_PLAN_MODELS,
    PERSONAS,
    ROWS,
    Row,
    markdown,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "access.md"
SKIPPED_NAMESPACES = {"kelola"}  # covered by the /kelola/ rule


def url_patterns(resolver=None, prefix="", namespace=""):
    """(table key, route) of every pattern: `namespace:name`, or the route when unnamed."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else route), route


def test_every_url_has_a_row_in_the_table():
    keys = {key for key, _route in url_patterns()}
    rows = {row.url for row in ROWS}
    missing = sorted(keys - rows)
    assert not missing, (
        f"Add a row for {missing} to tests/security/url_matrix.py (what each persona may do), "
        "then regenerate docs/access.md."
    )
    assert not rows - keys, f"Rows for URLs that no longer exist: {sorted(rows - keys)}"
    assert len(rows) == len(ROWS), "One row per URL."


def test_docs_show_the_current_table():
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "Regenerate: python -m tests.security.url_matrix > docs/access.md"
    )


def _percobaan_selesai(world) -> int:
    """A scored competency attempt of the pegawai (results shown at once)."""
    from django.utils import timezone

    from sikap.competency.models import HasilKompetensi, Kelompok, Kompetensi, Percobaan, Ujian

    now = timezone.now()
    kompetensi = Kompetensi.objects.create(
        kode="matriks-integritas", nama="Integritas", kelompok=Kelompok.MANAJERIAL
    )
    ujian = Ujian.objects.create(
        nama="Uji matriks", durasi_menit=30, dibuka=now - timedelta(days=2),
        ditutup=now + timedelta(days=2), terbit=True,
    )  # fmt: skip
    percobaan = Percobaan.objects.create(
        ujian=ujian, pegawai=world.pegawai, opd=world.pegawai.opd, jabatan=world.pegawai.jabatan,
        status=Percobaan.Status.DISERAHKAN, dimulai=now - timedelta(hours=1),
        batas_waktu=now - timedelta(minutes=30), diserahkan=now - timedelta(minutes=40),
        dinilai=now - timedelta(minutes=39),
    )  # fmt: skip
    HasilKompetensi.objects.create(
        percobaan=percobaan, kompetensi=kompetensi, skor=D(20), skor_maks=D(25),
        level_tercapai=3, level_standar=1, selisih=2,
    )  # fmt: skip
    return percobaan.pk


def world_values(world) -> dict:
    """The objects whose ids fill the path converters, keyed as rows name them."""
    users = world.users
    riwayat = people.save_riwayat(
        RiwayatPangkat(pegawai=world.pegawai, golongan="III/a", tmt=date(2005, 3, 1)),
        actor=users["admin_opd"],
    )
    dokumen = upload_dokumen(
        world.pegawai, "ktp", upload("ktp.pdf", pdf_bytes()), actor=users["pegawai"]
    )
    terbit = register_issued(
        pdf_bytes(), jenis="kgb", holder=world.pegawai, actor=users["verifikator"], filename="x.pdf"
    )
    usulan = selfservice.create_usulan(
        world.pegawai,
        JenisPerubahan.objects.get(kode="kontak"),
        {"no_hp": "0812"},
        actor=users["pegawai"],
    )
    selfservice.submit_usulan(usulan, actor=users["pegawai"])
    notifikasi = Notifikasi.objects.create(user=users["pegawai"], message="Uji")
    import_sakip(parse_bundle(seed_files(), 2023), actor=users["admin_bkd"])
    realisasi = RealisasiTriwulan.objects.get(indikator__kode="A.1.a", triwulan=1)
    locked = RealisasiTriwulan.objects.get(indikator__kode="A.1.f", triwulan=2)
    assert locked.state == Status.TERVERIFIKASI
    koreksi = create_koreksi(
        locked, k=D(1), rp=None, alasan="Salah ketik", actor=users["perencana"]
    )
    indicator = ipasn_services.save_indicator(
        Indicator(
            nama="Persentase PNS S2/S3",
            rumus="jumlah_s2_s3 / jumlah_pns * 100",
            hitungan={"jumlah_pns": {"status": ["pns"]}, "jumlah_s2_s3": {"jenjang": ["S2", "S3"]}},
        ),
        actor=users["admin_bkd"],
    )
    operasi = Operasi.objects.create(
        user=users["admin_opd"], kind="impor_siasn", judul="Impor SIASN: uji.csv",
        runner="sikap.people.import_runs.run", state=Operasi.State.GAGAL,
        result_name="kesalahan.xlsx",
    )  # fmt: skip
    operasi.result_file.save("uji", ContentFile(b"PK\x03\x04"))
    kgb = Kgb.objects.create(
        pegawai=world.pegawai, state=Kgb.Status.DRAF, tmt_jatuh=date(2027, 3, 1),
        dasar_jenis="kgb", dasar_tmt=date(2025, 3, 1), dasar_golongan="III/a",
        dasar_mkg_tahun=2, dasar_mkg_bulan=0, dasar_gaji_pokok=D(2_873_500),
        tmt=date(2027, 3, 1), golongan="III/a", mkg_tahun=4, mkg_bulan=0,
        gaji_pokok=D(2_964_000), tabel=TabelGaji.objects.get(kode="pp5-2024"),
    )  # fmt: skip
    berkas = BerkasPensiun.objects.create(
        pegawai=world.pegawai, jenis="bup", tmt_pensiun=date(2038, 6, 1), state="dibuka",
        dibuka_oleh=users["admin_opd"],
    )  # fmt: skip
    lampiran = LampiranBerkas.objects.create(
        berkas=berkas, jenis_dokumen=JenisDokumen.objects.get(kode="kk")
    )
    kp_periode = PeriodeKp.objects.create(tanggal=date(2030, 4, 1), batas_usul=date(2030, 3, 1))
    kp_usulan = UsulanKp.objects.create(
        periode=kp_periode, pegawai=world.pegawai, opd=world.opd_a,
        jenis=JenisKp.objects.get(kode="reguler"), golongan_asal="III/a",
        tmt_asal=date(2026, 4, 1), golongan_tujuan="III/b", memenuhi_syarat=True,
        dibuat_oleh=users["admin_opd"], state=UsulanKp.Status.DRAF,
    )  # fmt: skip
    kp_berkas = BerkasUsulan.objects.create(
        usulan=kp_usulan,
        syarat=SyaratDokumen.objects.get(jenis_kp__kode="reguler", jenis_dokumen__kode="karpeg"),
        status=BerkasUsulan.Status.BELUM_ADA,
    )
    ujian, percobaan = _competency(users)
    return {
        "berkas_pensiun": berkas.pk,
        "lampiran_pensiun": lampiran.pk,
        "kp_periode": kp_periode.pk,
        "kp_usulan": kp_usulan.pk,
        "kp_berkas": kp_berkas.pk,
        "kp_langkah": "ajukan",
        "ujian": ujian.pk,
        "percobaan": percobaan.pk,
        "nol": 0,
        "operasi": operasi.pk,
        "reset_uid": "MQ",
        "reset_token": "bukan-token",
        "kgb": kgb.pk,
        "nip": world.pegawai.nip,
        "riwayat_kind": "pangkat",
        "riwayat": riwayat.pk,
        "jenis_dokumen": "ktp",
        "dokumen": dokumen.pk,
        "terbit": terbit.pk,
        "token": terbit.token,
        "jenis_usulan": "kontak",
        "usulan": usulan.pk,
        "notifikasi": notifikasi.pk,
        "tahun": 2023,
        "indikator_renja": IndikatorRenja.objects.order_by("pk").first().pk,
        "iku": IndikatorTarget.objects.order_by("pk").first().pk,
        "realisasi": realisasi.pk,
        "koreksi": koreksi.pk,
        "ipasn_indicator": indicator.pk,
        "hitungan": "jumlah_pns",
        "dimension": "kualifikasi",
        "category": "s2",
        "percobaan_selesai": _percobaan_selesai(world),
        "api_token": issue_token(users["pegawai"], "Ponsel uji", actor=users["pegawai"])[0].pk,
        "pengajuan": ajukan_cuti(
            jenis="izin",
            mulai=date(2026, 4, 8),
            selesai=date(2026, 4, 8),
            alasan="Uji",
            actor=users["pegawai"],
        ).pk,  # fmt: skip
        "pengajuan_lokasi": ajukan_lokasi(
            nama="Hotel",
            latitude="-7.25",
            longitude="112.75",
            radius_m=200,
            mulai=date.today(),
            selesai=date.today() + timedelta(days=1),
            alasan="Uji",
            actor=users["pegawai"],
        ).pk,  # fmt: skip
        "presensi_swafoto": _presensi_swafoto(world),
        "aktivitas_bukti": aktivitas.catat(
            tanggal=date.today(),
            mulai=jam(8),
            selesai=jam(9),
            uraian="Rapat",
            output="notulen",
            volume=1,
            actor=users["pegawai"],
            bukti=upload("notulen.pdf", pdf_bytes()),
        ).pk,  # fmt: skip
        "usulan_disiplin": UsulanDisiplin.objects.create(
            pegawai=world.pegawai,
            tahun=2026,
            dasar="kumulatif",
            ambang=3,
            tingkat="ringan",
            hukuman="teguran lisan",
            sampai=date(2026, 3, 31),
            kumulatif=3,
            berturut=1,
            hari=["2026-03-02", "2026-03-09", "2026-03-16"],
            penindak=world.atasan,
            state="menunggu",
        ).pk,  # fmt: skip
    }


def _presensi_swafoto(world) -> int:
    """An accepted check-in of the pegawai with its selfie stored."""
    from django.utils import timezone

    attempt = Presensi(
        pegawai=world.pegawai, jenis="masuk", waktu=timezone.now(), tanggal=date.today(),
        kunci="matriks-swafoto", sidik="-", alasan="diterima", pesan="Diterima.", via="web",
        swafoto_format="png",
    )  # fmt: skip
    attempt.swafoto.save("swafoto", ContentFile(image_bytes("PNG")), save=False)
    attempt.save()
    return attempt.pk


def _competency(users):
    """An open test of two items and the pegawai's running attempt at it."""
    from datetime import timedelta

    from django.utils import timezone

    from sikap.competency import bank
    from sikap.competency import services as competency
    from sikap.competency.models import Kelompok, Kompetensi, Ujian, UjianKompetensi

    kompetensi = Kompetensi.objects.create(
        kode="integritas", nama="Integritas", kelompok=Kelompok.MANAJERIAL
    )
    for n in (1, 2):
        bank.create_item(
            kode=f"int-{n}", kompetensi=kompetensi, level=n, jenis="pg",
            isi=bank.Isi(f"Soal {n}", (bank.Opsi("Ya", benar=True), bank.Opsi("Tidak"))),
            actor=users["admin_bkd"],
        )  # fmt: skip
    now = timezone.now()
    ujian = Ujian.objects.create(
        nama="Uji", durasi_menit=30, dibuka=now - timedelta(days=1),
        ditutup=now + timedelta(days=30), terbit=True,
    )  # fmt: skip
    UjianKompetensi.objects.create(ujian=ujian, kompetensi=kompetensi, jumlah_soal=2)
    return ujian, competency.start(ujian.pk, actor=users["pegawai"]).percobaan


def outcome(response) -> str:
    code = response.status_code
    if 200 <= code < 300:
        return "200"
    if code in (301, 302, 303, 307, 308):
        return "L" if response["Location"].startswith("/masuk/") else "302"
    return str(code)


def fingerprint() -> tuple:
    """What an empty POST must not change: the audit trail, case timelines, notifications."""
    return (
        AuditEntry.objects.count(),
        CaseEvent.objects.count(),
        Notifikasi.objects.filter(Q(read_at__isnull=False)).count(),
    )


REFUSALS = {"L", "400", "401", "403", "404", "405"}


def _check(row: Row, url: str, clients: dict, problems: list, observed: dict) -> None:
    """Each persona's GET, then its empty POST (rolled back; a log-out is undone)."""
    started = time.perf_counter()
    for method in ("GET", "POST"):
        expected = row.codes(method)
        for persona, client in clients.items():
            if method == "GET":
                got = outcome(client.get(url))
            else:
                with transaction.atomic():
                    before = fingerprint()
                    got = outcome(client.post(url, {}))
                    changed = fingerprint() != before
                    transaction.set_rollback(True)
                if persona != "anonymous" and not client.cookies.get("sessionid").value:
                    client.force_login(client.persona_user)
                if changed and expected[persona] in REFUSALS:
                    problems.append(f"POST {url} as {persona} changed data")
            observed.setdefault((row.url, method), []).append(got)
            if got != expected[persona]:
                problems.append(
                    f"{method} {url} as {persona}: {got}, table says {expected[persona]}"
                )
    observed.setdefault("seconds", []).append((time.perf_counter() - started, url))


@pytest.fixture
def matrix_world(world, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Who may download is the question here, not the files (the PDF/DOCX tests check those).
    monkeypatch.setattr("sikap.people.views.render_pdf", lambda *a, **kw: b"%PDF-1.7")
    monkeypatch.setattr("sikap.salary.views.letter_pdf", lambda *a, **kw: b"%PDF-1.7")
    monkeypatch.setattr("sikap.salary.views.letter_docx", lambda *a, **kw: b"PK")
    monkeypatch.setattr("sikap.lkj.views.build_lkj", functools.cache(build_lkj))
    world.users["perencana"] = make_user("perencana.bkd", Peran.PERENCANA)
    values = world_values(world)
    clients = {}
    for persona in PERSONAS:
        clients[persona] = Client()
        if persona != "anonymous":
            clients[persona].persona_user = world.users[persona]
            clients[persona].force_login(world.users[persona])
    return values, clients


def test_each_persona_gets_what_the_table_says_kelola_included(matrix_world):
    values, clients = matrix_world
    problems, observed = [], {}
    for row in ROWS:
        kwargs = {name: values[key] for name, key in row.args.items()}
        url = (
            reverse(row.url, kwargs=kwargs)
            if ":" in row.url or row.url == "set_language"
            else ("/" + row.url)
        )
        _check(row, url, clients, problems, observed)
    if os.environ.get("SIKAP_URL_MATRIX_PRINT"):
        for seconds, url in sorted(observed.pop("seconds"), reverse=True)[:8]:
            print(f"{seconds:.2f}s {url}")
        for (key, method), codes in observed.items():
            print(key, method, " ".join(codes))
    problems += _kelola_problems(clients)
    assert not problems, "\n".join(problems)


def _kelola_problems(clients) -> list[str]:
    """/kelola/ by rule: its index and every registered model's change list, GET."""
    checks = [("/kelola/", KELOLA_INDEX)]
    registered = {model._meta.label_lower for model in kelola._registry}
    assert KELOLA_PLAN_MODELS <= registered, "KELOLA_PLAN_MODELS names a model not at /kelola/"
    for model in kelola._registry:
        label = model._meta.label_lower
        table = KELOLA_PLAN if label in KELOLA_PLAN_MODELS else KELOLA_OTHER
        checks.append((reverse(f"kelola:{label.replace('.', '_')}_changelist"), table))
    problems = []
    for url, codes in checks:
        for persona, want in zip(PERSONAS, codes.split(), strict=True):
            got = outcome(clients[persona].get(url))
            if got != want:
                problems.append(f"GET {url} as {persona}: {got}, table says {want}")
    return problems


def test_the_walk_notices_a_refused_post_that_changed_data(world):
    """A table that says 403 where the POST in fact marked notifications read is reported."""
    Notifikasi.objects.create(user=world.users["pegawai"], message="Uji")
    client = world.client("pegawai")
    client.persona_user = world.users["pegawai"]
    refused = " ".join(["403"] * len(PERSONAS))
    row = Row("selfservice:notifikasi_read_all", get=refused, post=refused)
    problems = []
    _check(row, reverse(row.url), {"pegawai": client}, problems, {})
    assert "POST /notifikasi/baca-semua/ as pegawai changed data" in problems
    assert not Notifikasi.objects.filter(read_at__isnull=False).exists()  # rolled back
