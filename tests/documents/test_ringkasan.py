"""The kept completeness rows (`RingkasanKelengkapan`) always give the live rules' figures: after
uploads, verifications, rejections, deletions, a change of status or family, and a change of a
type's configuration; a pegawai without a row is counted live; the rows are rebuilt by the
nightly job and the command."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction

from sikap.core import audited
from sikap.documents import completeness, ringkasan
from sikap.documents.models import Dokumen, JenisDokumen, RingkasanKelengkapan
from sikap.documents.services import save_setting, verify_dokumen
from sikap.people.models import AnggotaKeluarga, Pegawai
from tests.documents.test_completeness import put, rules  # noqa: F401  (the fixture)
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db(transaction=True)


def live(scope, types, jenis=None):
    rows = completeness.counted(scope, types, jenis)
    summary, total = completeness.per_opd(rows)
    return [vars(s) for s in (*summary, total)], completeness.lacking(rows, jenis)


def kept(scope, types, jenis=None):
    summary, total, ids = ringkasan.tallied(scope, types, jenis)
    return [vars(s) for s in (*summary, total)], list(ids)


def assert_kept_equals_live():
    types = completeness.mandatory_types()
    scope = Pegawai.objects.still_employed()
    rows = {r.pk: r for r in completeness.flag_rows(scope, types)}
    stored = {r.pegawai_id: r for r in RingkasanKelengkapan.objects.all()}
    assert set(stored) == set(rows), "every pegawai has a row again after the commit"
    for pk, row in rows.items():
        assert (stored[pk].wajib, stored[pk].ada) == (
            len(row.required),
            len(row.required) - len(row.missing),
        )
        assert stored[pk].kurang == ringkasan._kurang(row.missing)
    for jenis in (None, *types):
        assert kept(scope, types, jenis) == live(scope, types, jenis)


@pytest.fixture
def population(world, rules, settings):  # noqa: F811
    settings.SIKAP_UPLOAD_RATE_PER_MINUTE = 1000
    """The world's five, plus PPPK, CPNS, married and parents across both OPDs."""
    for n in range(12):
        make_pegawai(
            (world.opd_a, world.opd_b)[n % 2],
            nama=f"Pegawai {n:02d}",
            status=("pns", "pppk", "cpns")[n % 3],
            status_kawin="kawin" if n % 4 == 0 else "belum_kawin",
            tanggal_lahir=date(1975, 1, 1) + timedelta(days=n),
        )
    for p in Pegawai.objects.filter(nama__in=["Pegawai 01", "Pegawai 05", "Pegawai 08"]):
        AnggotaKeluarga.objects.create(pegawai=p, hubungan="anak", nama="Anak")
    ringkasan.segarkan(Pegawai.objects.values_list("pk", flat=True))
    return world


def test_kept_rows_follow_uploads_rejections_deletions_and_a_type_change(
    population, django_capture_on_commit_callbacks
):
    world = population
    people = list(Pegawai.objects.order_by("pk"))
    verifier = world.users["verifikator"]
    with django_capture_on_commit_callbacks(execute=True):
        for i, p in enumerate(people):
            for kode in ("ktp", "sk_pns", "sk_pppk", "akta_nikah", "akta_lahir_anak")[: i % 6]:
                put(world, p, kode)
    assert_kept_equals_live()
    waiting = list(Dokumen.objects.current().filter(state=Dokumen.Status.MENUNGGU).order_by("pk"))
    with django_capture_on_commit_callbacks(execute=True):
        for i, dokumen in enumerate(waiting[:12]):
            approve = i % 3 != 0
            reason = "" if approve else "Buram"
            verify_dokumen(dokumen, actor=verifier, approve=approve, reason=reason)
        put(world, people[3], "ktp", pages=2)  # a new version over an accepted one
    assert_kept_equals_live()
    with django_capture_on_commit_callbacks(execute=True):
        audited.delete(waiting[-1], actor=world.users["admin_bkd"])
        AnggotaKeluarga.objects.filter(pegawai__nama="Pegawai 05").delete()
        people[4].status = "pppk"
        people[4].save()
    assert_kept_equals_live()
    akta = JenisDokumen.objects.get(kode="akta_nikah")
    akta.wajib_untuk = "semua"
    with transaction.atomic():
        save_setting(akta, actor=world.users["admin_bkd"])
        # Until the job rebuilt them after the commit, nobody has a row: counted live.
        assert not RingkasanKelengkapan.objects.exists()
        scope, types = Pegawai.objects.still_employed(), completeness.mandatory_types()
        assert kept(scope, types) == live(scope, types)
    assert_kept_equals_live()


def test_a_pegawai_without_a_row_is_counted_live(population):
    put(population, population.pegawai, "ktp")
    # As between an upload's commit and the refresh after it.
    RingkasanKelengkapan.objects.filter(pegawai=population.pegawai).delete()
    types = completeness.mandatory_types()
    scope = Pegawai.objects.still_employed()
    for jenis in (None, *types):
        assert kept(scope, types, jenis) == live(scope, types, jenis)


def test_the_command_rebuilds_every_row(population):
    RingkasanKelengkapan.objects.all().delete()
    out = io.StringIO()
    call_command("kelengkapan", stdout=out)
    assert RingkasanKelengkapan.objects.count() == Pegawai.objects.count()
    assert f"{Pegawai.objects.count()} pegawai" in out.getvalue()
    assert_kept_equals_live()


def test_a_page_reads_only_the_opds_it_falls_in(population):
    types = completeness.mandatory_types()
    scope = Pegawai.objects.still_employed()
    _summary, _total, ids = ringkasan.tallied(scope, types)
    _s, every = live(scope, types)
    assert len(ids) == len(every)
    for start in range(0, len(every) + 3, 4):
        assert ids[start : start + 4] == every[start : start + 4]
    assert list(ids) == every
