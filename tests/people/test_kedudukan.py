"""Which kedudukan count as in service, and who still has a personnel file, said once."""

from datetime import date

from sikap.people import stats
from sikap.people.models import Kedudukan, Pegawai
from sikap.rules.kedudukan import KEDUDUKAN, in_service, still_employed
from tests.factories import make_opd, make_pegawai


def test_the_model_choices_are_the_rules_kedudukan():
    assert tuple(Kedudukan.values) == KEDUDUKAN


def test_only_aktif_is_in_service_and_only_those_who_left_are_no_longer_employed():
    assert [k for k in KEDUDUKAN if in_service(k)] == ["aktif"]
    assert [k for k in KEDUDUKAN if not still_employed(k)] == ["pensiun", "meninggal", "berhenti"]


def test_the_queryset_and_the_statistics_use_the_same_definition(db):
    opd = make_opd()
    for n, kedudukan in enumerate(KEDUDUKAN):
        make_pegawai(opd, nama=kedudukan, kedudukan=kedudukan, tanggal_lahir=date(1980, 1, 1 + n))
    names = lambda qs: sorted(qs.values_list("nama", flat=True))  # noqa: E731
    assert names(Pegawai.objects.in_service()) == ["aktif"]
    assert names(stats.active_asn()) == ["aktif"]
    assert names(Pegawai.objects.still_employed()) == sorted(
        ["aktif", "tugas_belajar", "cltn", "berhenti_sementara"]
    )
    assert [p.in_service for p in Pegawai.objects.order_by("tanggal_lahir")] == [
        k == "aktif" for k in KEDUDUKAN
    ]
