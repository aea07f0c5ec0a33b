"""Scoring a closed attempt (per competency level and gap to the position's standard), the
standard's resolution order, the result page, its PDF, recording it as a self-assessment, and
the recap per OPD and jabatan with its XLSX export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sikap.competency import scoring, self_assessment, services
from sikap.competency.models import (
    ButirPercobaan,
    HasilKompetensi,
    OpsiJawaban,
    Pelatihan,
    PenilaianMandiri,
    Percobaan,
    StandarKompetensi,
    TampilHasil,
    Ujian,
)
from sikap.competency.standards import (
    SUMBER_JABATAN,
    SUMBER_JENIS,
    SUMBER_REGULASI,
    Resolver,
)
from sikap.core.errors import Kode, SikapError
from sikap.org.models import Jabatan, JenisJabatan


def _take(world, ujian, rng, persona="pegawai", *, best=True, answer=True):
    """Start, answer every item with its best (or worst) option, submit; scored on commit."""
    actor = world.users[persona]
    p = services.start(ujian.pk, actor=actor, rng=rng).percobaan
    if answer:
        for b in ButirPercobaan.objects.filter(percobaan=p).select_related("versi__soal"):
            opsi = list(OpsiJawaban.objects.filter(versi=b.versi))
            if b.versi.soal.jenis == "pg":
                pick = next(o for o in opsi if o.benar == best)
            else:
                pick = (max if best else min)(opsi, key=lambda o: o.skor)
            services.answer(p.pk, urutan=b.urutan, opsi_id=pick.pk, nomor_kirim=1, actor=actor)
    services.submit(p.pk, actor=actor)
    scoring.score([p.pk])
    p.refresh_from_db()
    return p


def test_all_best_answers_reach_level_5_with_the_gap_to_the_default_standard(world, ujian, rng):
    p = _take(world, ujian, rng)
    rows = list(HasilKompetensi.objects.filter(percobaan=p))
    assert p.dinilai is not None
    assert len(rows) == 2
    for r in rows:
        # Budi holds a pelaksana position: PermenPANRB 38/2017 default level 1.
        assert (r.level_tercapai, r.level_standar, r.selisih) == (5, 1, 4)
        assert (r.skor, r.skor_maks) == (25, 25)


def test_worst_answers_reach_level_0_and_show_the_gap(world, ujian, rng):
    p = _take(world, ujian, rng, "atasan", best=False)
    for r in HasilKompetensi.objects.filter(percobaan=p):
        # Kepala dinas, JPT eselon II.b: standard 4.
        assert (r.level_tercapai, r.level_standar, r.selisih) == (0, 4, -4)


def test_unanswered_items_score_like_the_worst_option(world, ujian, rng):
    p = _take(world, ujian, rng, answer=False)
    assert set(
        HasilKompetensi.objects.filter(percobaan=p).values_list("level_tercapai", flat=True)
    ) == {0}


def test_closing_an_attempt_scores_it_after_the_commit(
    world, ujian, rng, clock, django_capture_on_commit_callbacks
):
    p = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(p.pk, actor=world.users["pegawai"])
    p.refresh_from_db()
    assert p.dinilai is not None
    assert HasilKompetensi.objects.filter(percobaan=p).count() == 2


def test_the_minute_job_scores_a_closed_attempt_its_commit_did_not(world, ujian, rng):
    from sikap.competency import jobs

    p = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    services.submit(p.pk, actor=world.users["pegawai"])  # its on-commit scoring never ran
    p.refresh_from_db()
    assert p.dinilai is None
    assert "1 percobaan yang belum dinilai dinilai" in jobs.close_expired()
    p.refresh_from_db()
    assert p.dinilai is not None and HasilKompetensi.objects.filter(percobaan=p).count() == 2


def test_scoring_again_gives_the_same_rows_and_skips_running_attempts(world, ujian, rng):
    p = _take(world, ujian, rng)
    before = list(
        HasilKompetensi.objects.filter(percobaan=p).values_list("kompetensi", "level_tercapai")
    )
    assert scoring.score([p.pk]) == 1
    after = list(
        HasilKompetensi.objects.filter(percobaan=p).values_list("kompetensi", "level_tercapai")
    )
    assert before == after
    running = services.start(ujian.pk, actor=world.users["atasan"], rng=rng).percobaan
    assert scoring.score([running.pk]) == 0


def test_standard_comes_from_the_position_then_the_jenis_default_then_the_regulation(
    world, kompetensi
):
    integritas = kompetensi[0]
    jabatan = world.pegawai.jabatan  # pelaksana
    r = Resolver()
    found = r.for_jabatan(jabatan, integritas.pk)
    assert (found.level, found.sumber) == (1, SUMBER_REGULASI)
    StandarKompetensi.objects.create(
        kompetensi=integritas, jenis_jabatan=JenisJabatan.PELAKSANA, level=2
    )
    assert Resolver().for_jabatan(jabatan, integritas.pk).sumber == SUMBER_JENIS
    assert Resolver().for_jabatan(jabatan, integritas.pk).level == 2
    StandarKompetensi.objects.create(kompetensi=integritas, jabatan=jabatan, level=3)
    found = Resolver().for_jabatan(jabatan, integritas.pk)
    assert (found.level, found.sumber) == (3, SUMBER_JABATAN)


def test_a_jenis_default_with_the_eselon_wins_over_one_without(world, kompetensi):
    integritas = kompetensi[0]
    jabatan = world.atasan.jabatan  # JPT II.b
    StandarKompetensi.objects.create(kompetensi=integritas, jenis_jabatan="jpt", level=3)
    StandarKompetensi.objects.create(
        kompetensi=integritas, jenis_jabatan="jpt", eselon="II.b", level=5
    )
    assert Resolver().for_jabatan(jabatan, integritas.pk).level == 5


# --- the result page ----------------------------------------------------------------------------


def test_the_taker_reads_their_result_with_radar_data_and_suggested_training(
    client, world, ujian, rng, kompetensi
):
    training = Pelatihan.objects.create(nama="Pelatihan Antikorupsi", level_dari=1, level_sampai=5)
    training.kompetensi.set([kompetensi[0]])
    p = _take(world, ujian, rng, "atasan", best=False)
    client.force_login(world.users["atasan"])
    response = client.get(reverse("competency:hasil", args=[p.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="kompetensi-data"' in body and "radar-kompetensi" in body
    assert "Memenuhi standar pada <strong>0 dari 2</strong>" in body
    assert "Pelatihan Antikorupsi" in body
    assert "penilaian mandiri" in body


def test_a_result_the_test_does_not_show_is_refused_to_the_taker_but_not_to_admin_bkd(
    client, world, ujian, rng
):
    Ujian.objects.filter(pk=ujian.pk).update(tampil_hasil=TampilHasil.TIDAK)
    p = _take(world, ujian, rng)
    client.force_login(world.users["pegawai"])
    assert client.get(reverse("competency:hasil", args=[p.pk])).status_code == 403
    client.force_login(world.users["admin_bkd"])
    assert client.get(reverse("competency:hasil", args=[p.pk])).status_code == 200


@pytest.mark.parametrize("persona", ["atasan", "admin_opd_lain"])
def test_someone_elses_result_is_not_found(client, world, ujian, rng, persona):
    p = _take(world, ujian, rng)
    client.force_login(world.users[persona])
    assert client.get(reverse("competency:hasil", args=[p.pk])).status_code == 404
    assert client.get(reverse("competency:hasil_pdf", args=[p.pk])).status_code == 404


def test_a_running_attempt_has_no_result_page(client, world, ujian, rng):
    p = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    client.force_login(world.users["pegawai"])
    assert client.get(reverse("competency:hasil", args=[p.pk])).status_code == 404


def test_the_result_downloads_as_pdf(client, world, ujian, rng):
    p = _take(world, ujian, rng)
    client.force_login(world.users["pegawai"])
    response = client.get(reverse("competency:hasil_pdf", args=[p.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# --- recording a self-assessment ----------------------------------------------------------------


def test_the_taker_records_the_result_once_as_a_self_assessment(client, world, ujian, rng):
    p = _take(world, ujian, rng)
    client.force_login(world.users["pegawai"])
    url = reverse("competency:catat", args=[p.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "sudah tercatat" in response.content.decode()
    assert PenilaianMandiri.objects.filter(percobaan=p, pegawai=world.pegawai).count() == 1


def test_nobody_else_records_a_self_assessment(world, ujian, rng):
    p = _take(world, ujian, rng)
    with pytest.raises(SikapError) as refused:
        self_assessment.record(p, actor=world.users["admin_bkd"])
    assert refused.value.code == Kode.TIDAK_BERHAK
    assert not PenilaianMandiri.objects.exists()


def test_an_unscored_attempt_cannot_be_recorded(world, ujian, rng):
    p = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng).percobaan
    services.submit(p.pk, actor=world.users["pegawai"])
    p.refresh_from_db()
    with pytest.raises(SikapError, match="belum dinilai"):
        self_assessment.record(p, actor=world.users["pegawai"])
    assert not PenilaianMandiri.objects.exists()


# --- the recap ----------------------------------------------------------------------------------


@pytest.fixture
def taken(world, ujian, rng):
    """Budi (pelaksana, standard 1) all best; Siti (JPT, standard 4) all worst — both in opd_a;
    Rudi in opd_b all best."""
    return [
        _take(world, ujian, rng, "pegawai"),
        _take(world, ujian, rng, "atasan", best=False),
    ]


def test_admin_bkd_sees_the_distribution_and_the_share_meeting_the_standard(client, world, taken):
    client.force_login(world.users["admin_bkd"])
    response = client.get(reverse("competency:rekap"))
    assert response.status_code == 200
    sebaran = response.context["sebaran"]
    assert response.context["peserta"] == 2
    for s in sebaran:
        assert s.per_level == [1, 0, 0, 0, 0, 1]
        assert (s.memenuhi, s.dengan_standar, s.persen_memenuhi) == (1, 2, 50)


def test_the_recap_narrows_by_jenis_jabatan(client, world, taken):
    client.force_login(world.users["admin_bkd"])
    response = client.get(reverse("competency:rekap"), {"jenis": "jpt"})
    assert response.context["peserta"] == 1
    assert all(s.per_level[0] == 1 for s in response.context["sebaran"])


def test_an_admin_opd_sees_only_their_scope(client, world, taken):
    client.force_login(world.users["admin_opd_lain"])
    response = client.get(reverse("competency:rekap"))
    assert response.status_code == 200
    assert response.context["peserta"] == 0
    client.force_login(world.users["admin_opd"])
    assert client.get(reverse("competency:rekap")).context["peserta"] == 2


def test_a_pegawai_is_refused_the_recap(client, world, taken):
    client.force_login(world.users["pegawai"])
    assert client.get(reverse("competency:rekap")).status_code == 403
    assert client.get(reverse("competency:rekap_xlsx")).status_code == 403


def test_the_recap_exports_one_row_per_taker_with_levels_standards_and_gaps(client, world, taken):
    client.force_login(world.users["admin_bkd"])
    response = client.get(reverse("competency:rekap_xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("NIP", "Nama", "OPD", "Jabatan")
    assert len(rows) == 3
    by_nip = {r[0]: r for r in rows[1:]}
    siti = by_nip[world.atasan.nip]
    assert siti[6:9] == (0, 4, -4)
    assert "Integritas (-4)" in siti[-1]
    assert by_nip[world.pegawai.nip][-1] in ("", None)


def test_only_the_last_attempt_of_each_taker_counts(client, world, ujian, rng, clock):
    Ujian.objects.filter(pk=ujian.pk).update(batas_percobaan=2)
    _take(world, ujian, rng, best=False)
    clock.advance(minutes=1)
    _take(world, ujian, rng, best=True)
    assert Percobaan.objects.filter(pegawai=world.pegawai).count() == 2
    client.force_login(world.users["admin_bkd"])
    response = client.get(reverse("competency:rekap"))
    assert response.context["peserta"] == 1
    assert all(s.per_level[5] == 1 for s in response.context["sebaran"])


def test_window_closing_reveals_results_shown_after_close(client, world, ujian, rng, clock):
    Ujian.objects.filter(pk=ujian.pk).update(tampil_hasil=TampilHasil.SETELAH_DITUTUP)
    p = _take(world, ujian, rng)
    client.force_login(world.users["pegawai"])
    assert client.get(reverse("competency:hasil", args=[p.pk])).status_code == 403
    clock.advance(days=8)
    client.force_login(world.users["pegawai"])  # the first session has expired by then
    assert client.get(reverse("competency:hasil", args=[p.pk])).status_code == 200


# --- home cards ---------------------------------------------------------------------------------


def _card(user, key):
    from django.utils import timezone

    from sikap.core import home

    return next((c for c in home.cards_for(user, timezone.localdate()) if c.key == key), None)


def test_the_pegawai_card_offers_the_open_test_then_shows_the_last_result(world, ujian, rng):
    card = _card(world.users["pegawai"], "competency.ujian_saya")
    assert card.context["terbuka"] == ujian and not card.empty
    p = _take(world, ujian, rng)
    card = _card(world.users["pegawai"], "competency.ujian_saya")
    assert card.context["terbuka"] is None
    assert card.context["terakhir"] == p
    assert (card.context["memenuhi"], card.context["dengan_standar"]) == (2, 2)


def test_the_admin_card_counts_participation_in_the_scope(world, ujian, rng):
    _take(world, ujian, rng)
    bkd = _card(world.users["admin_bkd"], "competency.partisipasi")
    assert bkd.context["selesai"] == 1
    assert bkd.context["sasaran"] >= 5
    lain = _card(world.users["admin_opd_lain"], "competency.partisipasi")
    assert lain.context["selesai"] == 0
    assert _card(world.users["verifikator"], "competency.partisipasi") is None


def test_the_finished_page_links_to_the_result(client, world, ujian, rng):
    p = _take(world, ujian, rng)
    client.force_login(world.users["pegawai"])
    body = client.get(reverse("competency:selesai", args=[p.pk])).content.decode()
    assert reverse("competency:hasil", args=[p.pk]) in body


def test_the_pdf_radar_draws_result_and_standard_with_escaped_names():
    from sikap.competency.radar import radar_svg

    svg = radar_svg(["A & B", "C", "D"], [1, 2, 3], [2, 2, 2])
    assert svg.startswith("<svg") and "A &amp; B" in svg
    assert svg.count("<polygon") == 5 + 2  # five rings, the standard, the result
    assert radar_svg(["A", "B"], [1, 2], [1, 1]) == ""  # a radar needs three axes
    no_standard = radar_svg(["A", "B", "C"], [1, 2, 3], [None, 2, 2])
    assert no_standard.count("<polygon") == 5 + 1


# --- the API ------------------------------------------------------------------------------------


def test_the_api_gives_the_taker_their_result_with_gaps_and_training(
    client, world, ujian, rng, kompetensi
):
    training = Pelatihan.objects.create(nama="Pelatihan Antikorupsi", level_dari=1, level_sampai=5)
    training.kompetensi.set([kompetensi[0]])
    p = _take(world, ujian, rng, "atasan", best=False)
    client.force_login(world.users["atasan"])
    body = client.get(reverse("api-v1:hasil_kompetensi", args=[p.pk])).json()
    assert (body["memenuhi"], body["dengan_standar"]) == (0, 2)
    integritas = next(k for k in body["kompetensi"] if k["kode"] == "integritas")
    assert (integritas["level"], integritas["standar"], integritas["selisih"]) == (0, 4, -4)
    assert [t["nama"] for t in integritas["pelatihan"]] == ["Pelatihan Antikorupsi"]


def test_the_api_refuses_in_the_one_error_shape(client, world, ujian, rng):
    p = _take(world, ujian, rng)
    client.force_login(world.users["atasan"])
    response = client.get(reverse("api-v1:hasil_kompetensi", args=[p.pk]))
    assert response.status_code == 404 and response.json()["code"] == "tidak_ditemukan"
    Ujian.objects.filter(pk=ujian.pk).update(tampil_hasil=TampilHasil.TIDAK)
    client.force_login(world.users["pegawai"])
    response = client.get(reverse("api-v1:hasil_kompetensi", args=[p.pk]))
    assert response.status_code == 403 and response.json()["code"] == "tidak_berhak"


def test_the_result_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/hasil-kompetensi/{pk}" in schema["paths"]


def test_the_recap_offers_each_position_name_once_and_narrows_to_every_row_of_it(
    client, world, taken
):
    """Each unit has its own row of a position ("Guru Ahli Madya" once per school): the filter
    lists the name once, and choosing it counts the takers of every row of that name."""
    budi, siti = taken
    twin = Jabatan.objects.create(
        unit=siti.jabatan.unit, nama=budi.jabatan.nama, jenis=budi.jabatan.jenis
    )
    Percobaan.objects.filter(pk=siti.pk).update(jabatan=twin)
    client.force_login(world.users["admin_bkd"])
    response = client.get(reverse("competency:rekap"))
    assert response.context["jabatan"] == [budi.jabatan.nama]
    response = client.get(reverse("competency:rekap"), {"jabatan": budi.jabatan.nama})
    assert response.context["peserta"] == 2
    assert f"<option selected>{budi.jabatan.nama}</option>" in response.content.decode()
    assert client.get(reverse("competency:rekap"), {"jabatan": "Tidak ada"}).context["peserta"] == 0
