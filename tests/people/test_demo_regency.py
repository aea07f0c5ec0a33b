"""The whole demo regency, built once for this module (about 15 s) inside a transaction that is
rolled back at its end, so other tests never see it: the seed's 2023 counts and indices, internal
consistency, and the superior relation (every atasan sees exactly the pegawai who have them as
atasan)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import F

from sikap import settings as sikap_settings
from sikap.accounts.models import Peran, User
from sikap.accounts.system import system_actor
from sikap.core.models import AuditEntry
from sikap.demo.career import AS_OF, KP_REGULER
from sikap.demo.generator import build_demo
from sikap.demo.loader import DEMO_NOTE, DEMO_PASSWORD, load
from sikap.org.models import TugasTambahan, UnitKerja
from sikap.people import services, stats
from sikap.people.models import AnggotaKeluarga, Pegawai, RiwayatPangkat, RiwayatPendidikan
from sikap.people.selectors import atasan_map
from sikap.rules.dates import usia
from sikap.rules.education import golongan_maksimum, tingkat_order
from sikap.rules.nik import nik_mismatches, parse_nik
from sikap.rules.nip import nip_mismatches, parse_nip
from sikap.rules.ranks import golongan_order

# The seed's counts (data/lumajang-2023/iku_inputs_2023.csv), written out here on purpose:
# the demo's own copy in its catalogue must not be what it is checked against.
SEED_PENDIDIKAN = {"S3": 0, "S2": 235, "S1": 3363, "D4": 141, "D3": 666, "D2": 55, "D1": 8,
                   "SMA": 729, "SMP": 241, "SD": 70}  # fmt: skip
SEED_SKP = {"sangat_baik": 546, "baik": 5290, "butuh_perbaikan": 5, "kurang": 2,
            "sangat_kurang": 2}  # fmt: skip
SEED_HUKDIS = {"ringan": 5, "sedang": 2, "berat": 7, "tanpa_hukdis": 5494}

# RULES.md §0 weights.
W_PENDIDIKAN = {"S3": 25, "S2": 20, "S1": 15, "D4": 15, "D3": 10, "D2": 5, "D1": 5, "SMA": 5,
                "SMP": 1, "SD": 1}  # fmt: skip
W_SKP = {"sangat_baik": 30, "baik": 25, "butuh_perbaikan": 15, "kurang": 5, "sangat_kurang": 1}
W_HUKDIS = {"tanpa_hukdis": 5, "ringan": 3, "sedang": 2, "berat": 1}


@pytest.fixture(scope="module")
def regency(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load(build_demo(), actor=system_actor())
        # Fire PostgreSQL's deferred foreign-key checks now, once, instead of at every test's
        # teardown (where Django checks constraints before rolling back).
        connection.check_constraints()
        pegawai = list(Pegawai.objects.all())
        atasan = {pk: a.pk if a else None for pk, a in atasan_map(pegawai).items()}
        yield pegawai, atasan
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _each_test_in_a_savepoint(db):
    pass


@pytest.mark.usefixtures("regency")
class TestFullDemo:
    def summary(self) -> dict:
        return stats.summary(2023)

    def test_stats_equal_the_seed_counts(self):
        s = self.summary()
        assert s["asn_per_status"] == {"pns": 5508, "cpns": 0, "pppk": 337}
        assert s["pns_per_pendidikan"] == {**SEED_PENDIDIKAN, "tidak_diketahui": 0}
        assert s["asn_per_predikat_skp"] == {**SEED_SKP, "tanpa_skp": 0}
        assert s["pns_per_hukdis"] == SEED_HUKDIS
        diklat = {k: (v["struktural_fungsional"], v["pelaksana"], v["tanpa_jabatan"])
                  for k, v in s["pns_per_diklat"].items()}  # fmt: skip
        assert diklat == {"kepemimpinan": (298, 0, 0), "fungsional": (9, 0, 0),
                          "teknis": (3060, 894, 0), "seminar": (4229, 1132, 0)}  # fmt: skip

    def test_stats_give_the_seeds_four_index_sums(self):
        s = self.summary()
        kualifikasi = sum(W_PENDIDIKAN[j] * s["pns_per_pendidikan"][j] for j in W_PENDIDIKAN)
        kinerja = sum(W_SKP[p] * s["asn_per_predikat_skp"][p] for p in W_SKP)
        disiplin = sum(W_HUKDIS[t] * s["pns_per_hukdis"][t] for t in W_HUKDIS)
        d = s["pns_per_diklat"]
        kompetensi = (
            15 * sum(d["kepemimpinan"].values())
            + 15 * sum(d["fungsional"].values())
            + Decimal(15) * d["teknis"]["struktural_fungsional"]
            + Decimal("22.5") * d["teknis"]["pelaksana"]
            + Decimal(10) * d["seminar"]["struktural_fungsional"]
            + Decimal("17.5") * d["seminar"]["pelaksana"]
        )
        assert (kualifikasi, kinerja, disiplin, kompetensi) == (68191, 148717, 27496, 132720)
        pns, asn = s["asn_per_status"]["pns"], sum(s["asn_per_status"].values())
        assert (pns, asn) == (5508, 5845)
        assert round(Decimal(kualifikasi) / pns, 2) == Decimal("12.38")
        assert round(Decimal(kinerja) / asn, 2) == Decimal("25.44")
        assert round(Decimal(disiplin) / pns, 2) == Decimal("4.99")
        assert round(kompetensi / pns, 4) == Decimal("24.0959")

    def test_a_five_year_discipline_window_counts_the_same(self):
        pns = stats.pns(stats.active_asn())
        assert stats.per_hukdis(pns, 2023, years=5) == SEED_HUKDIS

    def test_every_nip_and_nik_agrees_with_birth_date_and_sex(self):
        for p in Pegawai.objects.all():
            nip = parse_nip(p.nip, pppk=p.status == "pppk")
            assert not nip_mismatches(
                nip, tanggal_lahir=p.tanggal_lahir, jenis_kelamin=p.jenis_kelamin
            )
            if nip.tmt_cpns:
                assert (nip.tmt_cpns.year, nip.tmt_cpns.month) == (
                    p.tmt_cpns.year,
                    p.tmt_cpns.month,
                )
            nik = parse_nik(p.nik)
            assert nik.kode_wilayah.startswith("3508")
            assert not nik_mismatches(
                nik, tanggal_lahir=p.tanggal_lahir, jenis_kelamin=p.jenis_kelamin
            )

    def test_family_niks_agree_with_their_birth_dates(self):
        for a in AnggotaKeluarga.objects.all()[:2000]:
            nik = parse_nik(a.nik)
            assert not nik_mismatches(
                nik, tanggal_lahir=a.tanggal_lahir, jenis_kelamin=a.jenis_kelamin
            )

    def test_ages_and_appointments_are_plausible(self):
        for p in Pegawai.objects.select_related("jabatan"):
            age = usia(p.tanggal_lahir, AS_OF)
            assert 20 <= age <= 60
            assert age < p.jabatan.bup  # nobody has passed the retirement age of the post
            if p.tmt_cpns:
                assert usia(p.tanggal_lahir, p.tmt_cpns) >= 18

    def test_no_kp_reguler_goes_above_the_diploma_ceiling_of_its_time(self):
        diplomas: dict[int, list[tuple[int, str]]] = {}
        for pegawai_id, tahun, tingkat in RiwayatPendidikan.objects.values_list(
            "pegawai_id", "tahun_lulus", "tingkat"
        ):
            diplomas.setdefault(pegawai_id, []).append((tahun, tingkat))
        rows = RiwayatPangkat.objects.filter(pegawai__status="pns").select_related("pegawai")
        checked = 0
        for row in rows:
            held = [t for tahun, t in diplomas[row.pegawai_id] if tahun <= row.tmt.year]
            ceiling = golongan_maksimum(max(held, key=tingkat_order))
            above = golongan_order(row.golongan) > golongan_order(ceiling)
            if row.jenis in (KP_REGULER, "Pengangkatan CPNS"):
                assert not above, (row.pegawai.nip, row.golongan, row.tmt)
                checked += 1
            else:  # KP pilihan only for heads of units and JF
                assert row.pegawai.jenis_jabatan != "pelaksana"
        assert checked > 15000

    def test_promotions_are_at_least_four_years_apart(self):
        last: dict[int, date] = {}
        for pegawai_id, tmt in (
            RiwayatPangkat.objects.filter(pegawai__status="pns")
            .order_by("pegawai_id", "tmt")
            .values_list("pegawai_id", "tmt")
        ):
            if pegawai_id in last:
                assert (tmt - last[pegawai_id]).days >= 4 * 365
            last[pegawai_id] = tmt

    def test_current_fields_equal_what_the_histories_derive(self):
        sample = Pegawai.objects.order_by("nip")[::117][:50]
        assert len(sample) == 50
        for p in sample:
            for field, value in services.derive_current(p).items():
                assert getattr(p, field) == value, (p.nip, field)

    def test_every_asn_has_a_pegawai_account_sharing_one_password_hash(self, settings):
        settings.PASSWORD_HASHERS = sikap_settings.PASSWORD_HASHERS  # tests default to MD5
        accounts = User.objects.filter(peran=Peran.PEGAWAI).exclude(pk=system_actor().pk)
        assert accounts.count() == 5845
        assert accounts.filter(pegawai__nip=F("username")).count() == 5845
        assert accounts.values("password").distinct().count() == 1
        assert accounts.first().check_password(DEMO_PASSWORD)

    def test_staff_accounts_exist_and_each_admin_opd_manages_one_opd(self):
        for peran in ("admin_bkd", "verifikator", "pimpinan", "perencana"):
            assert User.objects.filter(peran=peran).exists()
        admins = User.objects.filter(peran=Peran.ADMIN_OPD)
        assert admins.count() == 34
        assert all(a.opd_scope.count() == 1 for a in admins.prefetch_related("opd_scope"))

    def test_each_pegawai_has_one_demo_audit_entry(self):
        entries = AuditEntry.objects.filter(note=DEMO_NOTE, action="create")
        assert entries.count() == Pegawai.objects.count()
        assert entries.values("pegawai_id").distinct().count() == 5845

    def test_stats_use_a_handful_of_queries(self, django_assert_max_num_queries):
        with django_assert_max_num_queries(15):
            self.summary()


def test_every_atasan_sees_exactly_those_who_have_them_as_atasan(regency):
    pegawai, atasan = regency
    expected = defaultdict(set)
    for pk, a in atasan.items():
        if a is not None:
            expected[a].add(pk)
    users = User.objects.select_related("pegawai").in_bulk(
        list(User.objects.filter(pegawai_id__in=expected).values_list("pk", flat=True))
    )
    assert len(users) == len(expected)
    wrong = {}
    for user in users.values():
        seen = set(Pegawai.objects.visible_to(user).values_list("pk", flat=True))
        if seen != expected[user.pegawai_id] | {user.pegawai_id}:
            wrong[user.pegawai.nip] = len(seen ^ (expected[user.pegawai_id] | {user.pegawai_id}))
    assert wrong == {}
    assert sum(map(len, expected.values())) > 5000


def test_someone_who_is_nobodys_atasan_sees_only_themself(regency):
    pegawai, atasan = regency
    leaders = set(atasan.values())
    sample = [p.pk for p in pegawai if p.pk not in leaders][::97]
    for user in User.objects.select_related("pegawai").filter(pegawai_id__in=sample):
        assert list(Pegawai.objects.visible_to(user).values_list("pk", flat=True)) == [
            user.pegawai_id
        ]


def test_every_school_and_instalasi_is_led_by_one_of_its_own(regency):
    pegawai, atasan = regency
    sekolah = UnitKerja.objects.filter(nama__startswith="SD Negeri") | UnitKerja.objects.filter(
        nama__startswith="SMP Negeri"
    )
    instalasi = UnitKerja.objects.filter(nama__startswith="Instalasi")
    led = dict(TugasTambahan.objects.values_list("unit_id", "pegawai_id"))
    assert set(sekolah.values_list("pk", flat=True)) | set(
        instalasi.values_list("pk", flat=True)
    ) <= set(led)
    for p in pegawai:
        head = led.get(p.unit_id)
        if head is not None and head != p.pk:
            assert atasan[p.pk] == head, p.nip


def test_only_the_heads_of_the_opds_have_no_atasan(regency):
    pegawai, atasan = regency
    roots = set(UnitKerja.objects.filter(induk=None).values_list("pk", flat=True))
    without = [p for p in pegawai if atasan[p.pk] is None]
    assert without
    assert all(p.unit_id in roots and p.jabatan.kepala for p in without)
