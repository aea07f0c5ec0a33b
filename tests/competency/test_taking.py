"""Taking a test through the services: the draw, the server's deadline, answers (the last
wins), one running attempt per person, submit, and every refusal leaving nothing changed."""

import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection

from sikap.competency import jobs, services
from sikap.competency.models import (
    ButirPercobaan,
    Jawaban,
    LogFokus,
    Percobaan,
    Ujian,
    UjianKompetensi,
)
from sikap.competency.signals import percobaan_ditutup
from sikap.core.errors import Kode, SikapError

Status = Percobaan.Status


def _start(world, ujian, rng, persona="pegawai"):
    return services.start(ujian.pk, actor=world.users[persona], rng=rng).percobaan


def _opsi(percobaan, urutan, index=0):
    return ButirPercobaan.objects.get(percobaan=percobaan, urutan=urutan).urutan_opsi[index]


def test_start_draws_the_asked_count_per_competency_balanced_over_levels(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    butir = list(p.butir.all())
    assert p.jumlah_soal == len(butir) == 10
    per_kompetensi = Counter(b.kompetensi_id for b in butir)
    assert set(per_kompetensi.values()) == {5}
    for kompetensi_id in per_kompetensi:
        levels = Counter(b.level for b in butir if b.kompetensi_id == kompetensi_id)
        assert levels == Counter({1: 1, 2: 1, 3: 1, 4: 1, 5: 1})
    assert len({b.versi_id for b in butir}) == 10
    assert p.batas_waktu == clock.now + timedelta(minutes=30)


def test_the_deadline_never_passes_the_window(world, ujian, rng, clock):
    Ujian.objects.filter(pk=ujian.pk).update(ditutup=clock.now + timedelta(minutes=10))
    p = _start(world, ujian, rng)
    assert p.batas_waktu == clock.now + timedelta(minutes=10)


def test_starting_again_resumes_the_running_attempt_with_the_same_time(world, ujian, rng, clock):
    first = _start(world, ujian, rng)
    clock.advance(minutes=7)
    again = services.start(ujian.pk, actor=world.users["pegawai"], rng=rng)
    assert not again.baru and again.percobaan.pk == first.pk
    assert services.sisa_detik(again.percobaan, clock.now) == 23 * 60
    assert Percobaan.objects.count() == 1


def test_one_running_attempt_per_person_across_tests(world, ujian, rng, kompetensi, clock):
    _start(world, ujian, rng)
    other = Ujian.objects.create(
        nama="Ujian lain", durasi_menit=10, dibuka=ujian.dibuka, ditutup=ujian.ditutup, terbit=True
    )
    UjianKompetensi.objects.create(ujian=other, kompetensi=kompetensi[0], jumlah_soal=2)
    with pytest.raises(SikapError) as e:
        services.start(other.pk, actor=world.users["pegawai"], rng=rng)
    assert "masih mengerjakan" in e.value.message
    assert Percobaan.objects.count() == 1


def test_a_closed_window_refuses_to_start(world, ujian, rng, clock):
    clock.advance(days=8)
    with pytest.raises(SikapError) as e:
        _start(world, ujian, rng)
    assert e.value.code == Kode.LANGKAH_TIDAK_SAH and "sudah ditutup" in e.value.message
    assert not Percobaan.objects.exists()


def test_a_window_not_yet_open_refuses_to_start(world, ujian, rng, clock):
    Ujian.objects.filter(pk=ujian.pk).update(dibuka=clock.now + timedelta(hours=1))
    with pytest.raises(SikapError) as e:
        _start(world, ujian, rng)
    assert "baru dibuka" in e.value.message
    assert not Percobaan.objects.exists()


def test_attempts_allowed_are_counted(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    services.submit(p.pk, actor=world.users["pegawai"])
    with pytest.raises(SikapError) as e:
        _start(world, ujian, rng)
    assert "sudah habis" in e.value.message
    Ujian.objects.filter(pk=ujian.pk).update(batas_percobaan=2)
    assert _start(world, ujian, rng).nomor == 2


def test_a_test_for_another_opd_is_not_found(world, ujian, rng, clock):
    from tests.factories import make_user

    Ujian.objects.filter(pk=ujian.pk).update(sasaran="opd")
    ujian.opd.set([world.opd_b])
    with pytest.raises(SikapError) as e:
        _start(world, ujian, rng)
    assert e.value.code == Kode.TIDAK_DITEMUKAN
    assert not Percobaan.objects.exists()
    di_b = make_user(world.pegawai_b.nip, pegawai=world.pegawai_b)
    assert services.start(ujian.pk, actor=di_b, rng=rng).baru


def test_a_bank_too_small_refuses_with_the_competency_named(world, ujian, rng, clock):
    UjianKompetensi.objects.filter(ujian=ujian).update(jumlah_soal=11)
    with pytest.raises(SikapError) as e:
        _start(world, ujian, rng)
    assert e.value.code == Kode.SYARAT_BELUM_LENGKAP and "Integritas" in e.value.message
    assert not Percobaan.objects.exists()


def test_answering_twice_keeps_one_row_with_the_last_choice(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    services.answer(p.pk, urutan=3, opsi_id=_opsi(p, 3, 0), nomor_kirim=1, actor=user)
    services.answer(p.pk, urutan=3, opsi_id=_opsi(p, 3, 2), nomor_kirim=2, actor=user)
    (jawaban,) = Jawaban.objects.all()
    assert jawaban.opsi_id == _opsi(p, 3, 2) and jawaban.kali_diubah == 1
    assert Percobaan.objects.get(pk=p.pk).posisi == 3


def test_a_late_retry_of_an_older_choice_does_not_overwrite(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0, 1), nomor_kirim=5, actor=user)
    saved = services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0, 0), nomor_kirim=4, actor=user)
    assert not saved.berlaku
    assert Jawaban.objects.get().opsi_id == _opsi(p, 0, 1)


def test_an_answer_after_the_deadline_is_refused_and_closes_the_attempt(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0), nomor_kirim=1, actor=user)
    clock.advance(minutes=30)
    with pytest.raises(SikapError) as e:
        services.answer(p.pk, urutan=1, opsi_id=_opsi(p, 1), nomor_kirim=2, actor=user)
    assert e.value.code == Kode.KEDALUWARSA
    p.refresh_from_db()
    assert p.status == Status.DISERAHKAN_OTOMATIS and p.diserahkan == p.batas_waktu
    assert Jawaban.objects.count() == 1


def test_an_item_not_in_the_attempt_is_refused(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    with pytest.raises(SikapError) as e:
        services.answer(
            p.pk, urutan=10, opsi_id=_opsi(p, 0), nomor_kirim=1, actor=world.users["pegawai"]
        )
    assert e.value.code == Kode.DATA_TIDAK_VALID and "Soal nomor 11" in e.value.message
    assert not Jawaban.objects.exists()


def test_an_option_of_another_item_is_refused(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    with pytest.raises(SikapError) as e:
        services.answer(
            p.pk, urutan=0, opsi_id=_opsi(p, 1), nomor_kirim=1, actor=world.users["pegawai"]
        )
    assert e.value.code == Kode.DATA_TIDAK_VALID
    assert e.value.message == "Pilihan jawaban itu bukan milik soal nomor 1."
    assert not Jawaban.objects.exists()


@pytest.mark.parametrize("urutan, opsi_of", [(10, 0), (4, 5)])
def test_a_refused_answer_does_not_move_the_position(world, ujian, rng, clock, urutan, opsi_of):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    services.answer(p.pk, urutan=2, opsi_id=_opsi(p, 2), nomor_kirim=1, actor=user)
    with pytest.raises(SikapError):
        services.answer(p.pk, urutan=urutan, opsi_id=_opsi(p, opsi_of), nomor_kirim=2, actor=user)
    assert Percobaan.objects.get(pk=p.pk).posisi == 2
    assert list(Jawaban.objects.values_list("butir__urutan", flat=True)) == [2]


def test_a_late_retry_still_moves_the_position_and_says_how_long_is_left(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0, 1), nomor_kirim=5, actor=user)
    services.answer(p.pk, urutan=1, opsi_id=_opsi(p, 1), nomor_kirim=6, actor=user)
    clock.advance(minutes=10)
    late = services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0, 2), nomor_kirim=4, actor=user)
    assert late == services.Tersimpan(sisa_detik=20 * 60, berlaku=False)
    assert Percobaan.objects.get(pk=p.pk).posisi == 0


def test_the_taker_of_an_admin_role_answers_their_own_attempt(world, ujian, rng, clock):
    from tests.factories import make_user

    admin = make_user("admin.peserta", peran="admin_bkd", pegawai=world.pegawai_lain)
    p = services.start(ujian.pk, actor=admin, rng=rng).percobaan
    saved = services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0), nomor_kirim=1, actor=admin)
    assert saved.berlaku and Jawaban.objects.get().butir.percobaan_id == p.pk


_SERVER_DB = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks across threads need a server database"
)


def _together(calls) -> list:
    """Run `calls` in threads released together; each one's result or SikapError."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(n):
        barrier.wait()
        try:
            outcomes[n] = calls[n]()
        except SikapError as e:
            outcomes[n] = e
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


@_SERVER_DB
@pytest.mark.django_db(transaction=True)
def test_simultaneous_answers_to_one_item_keep_one_row_with_the_newest_choice(
    world, ujian, rng, clock
):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    opsi = ButirPercobaan.objects.get(percobaan=p, urutan=3).urutan_opsi

    def choose(nomor):
        return lambda: services.answer(
            p.pk, urutan=3, opsi_id=opsi[nomor % 4], nomor_kirim=nomor, actor=user
        )

    outcomes = _together([choose(n) for n in range(1, 9)])
    assert all(isinstance(o, services.Tersimpan) for o in outcomes), outcomes
    (jawaban,) = Jawaban.objects.all()
    assert jawaban.nomor_kirim == 8 and jawaban.opsi_id == opsi[0]
    assert jawaban.kali_diubah == sum(o.berlaku for o in outcomes) - 1


@_SERVER_DB
@pytest.mark.django_db(transaction=True)
def test_answers_racing_a_submit_are_either_kept_or_refused_never_lost(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]

    def choose(urutan):
        return lambda: services.answer(
            p.pk, urutan=urutan, opsi_id=_opsi(p, urutan), nomor_kirim=1, actor=user
        )

    outcomes = _together(
        [choose(u) for u in range(8)] + [lambda: services.submit(p.pk, actor=user)]
    )
    kept = {u for u, o in enumerate(outcomes[:8]) if isinstance(o, services.Tersimpan)}
    refused = [o for o in outcomes[:8] if isinstance(o, SikapError)]
    assert all(e.code == Kode.LANGKAH_TIDAK_SAH for e in refused)
    assert len(kept) + len(refused) == 8
    assert set(Jawaban.objects.values_list("butir__urutan", flat=True)) == kept
    assert Percobaan.objects.get(pk=p.pk).status == Status.DISERAHKAN


@pytest.mark.parametrize(
    "persona, code", [("pegawai_lain_user", Kode.TIDAK_DITEMUKAN), ("admin_bkd", Kode.TIDAK_BERHAK)]
)
def test_someone_elses_attempt_is_refused(world, ujian, rng, clock, persona, code):
    from tests.factories import make_user

    p = _start(world, ujian, rng)
    actor = (
        make_user(world.pegawai_lain.nip, pegawai=world.pegawai_lain)
        if persona == "pegawai_lain_user"
        else world.users[persona]
    )
    with pytest.raises(SikapError) as e:
        services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0), nomor_kirim=1, actor=actor)
    assert e.value.code == code
    with pytest.raises(SikapError):
        services.submit(p.pk, actor=actor)
    assert not Jawaban.objects.exists()
    assert Percobaan.objects.get(pk=p.pk).status == Status.BERJALAN


def test_after_submit_answers_are_refused(
    world, ujian, rng, clock, django_capture_on_commit_callbacks
):
    received = []
    percobaan_ditutup.connect(
        lambda sender, ids, **_: received.extend(ids), weak=False, dispatch_uid="t"
    )
    try:
        p = _start(world, ujian, rng)
        user = world.users["pegawai"]
        with django_capture_on_commit_callbacks(execute=True):
            services.submit(p.pk, actor=user)
        with pytest.raises(SikapError) as e:
            services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0), nomor_kirim=1, actor=user)
        assert e.value.code == Kode.LANGKAH_TIDAK_SAH
        assert Percobaan.objects.get(pk=p.pk).status == Status.DISERAHKAN
        assert received == [p.pk]
    finally:
        percobaan_ditutup.disconnect(dispatch_uid="t")


def test_the_periodic_job_closes_attempts_nobody_touched(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    assert "0 percobaan" in jobs.close_expired()
    clock.advance(minutes=31)
    assert "1 percobaan" in jobs.close_expired()
    p.refresh_from_db()
    assert p.status == Status.DISERAHKAN_OTOMATIS and p.diserahkan == p.batas_waktu


def test_focus_changes_are_logged_while_open_only(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    assert services.log_focus(p.pk, jenis="tab_tersembunyi", urutan=2, actor=user)
    services.submit(p.pk, actor=user)
    with pytest.raises(SikapError):
        services.log_focus(p.pk, jenis="kembali", actor=user)
    assert list(LogFokus.objects.values_list("jenis", "urutan_butir")) == [("tab_tersembunyi", 2)]


def test_shuffling_off_keeps_competency_and_level_order(world, ujian, rng, clock):
    Ujian.objects.filter(pk=ujian.pk).update(acak_soal=False, acak_opsi=False)
    p = _start(world, Ujian.objects.get(pk=ujian.pk), rng)
    butir = list(p.butir.order_by("urutan"))
    assert [b.level for b in butir] == [1, 2, 3, 4, 5] * 2
    for b in butir:
        assert b.urutan_opsi == sorted(b.urutan_opsi)


def test_a_plain_form_choice_always_replaces_a_device_choice(world, ujian, rng, clock):
    p = _start(world, ujian, rng)
    user = world.users["pegawai"]
    services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0, 1), nomor_kirim=9, actor=user)
    saved = services.answer(p.pk, urutan=0, opsi_id=_opsi(p, 0, 3), nomor_kirim=None, actor=user)
    assert saved.berlaku
    assert Jawaban.objects.get().opsi_id == _opsi(p, 0, 3)
