"""A pension file's progress as the pegawai reads it, like a parcel tracker: each step with the
date it was reached (the latest time, when a returned file went round again), the current one
marked, and what happens next."""

from dataclasses import dataclass
from datetime import datetime

from sikap.pension.flows import STEPS
from sikap.pension.models import BerkasPensiun
from sikap.rules.formatting import tanggal

S = BerkasPensiun.Status
# The step a file in each state is at (index into STEPS: the last one reached).
_REACHED = {
    S.DIBUKA: 0, S.DPCP_DIKONFIRMASI: 1, S.DIKEMBALIKAN: 1, S.DIAJUKAN: 2, S.DIVERIFIKASI: 3,
    S.DIKIRIM_BKN: 4, S.PERTEK: 5, S.SK_TERBIT: 6, S.DISERAHKAN: 7,
}  # fmt: skip
_NEXT = {
    S.DIBUKA: "Pegawai memeriksa dan mengonfirmasi DPCP; admin OPD melengkapi dokumen.",
    S.DPCP_DIKONFIRMASI: "Admin OPD melengkapi dokumen dan mengajukan berkas ke BKD.",
    S.DIKEMBALIKAN: "Admin OPD memperbaiki dokumen yang dikembalikan dan mengajukan lagi.",
    S.DIAJUKAN: "Verifikator BKD memeriksa setiap dokumen.",
    S.DIVERIFIKASI: "BKD mengirim berkas ke BKN untuk pertimbangan teknis.",
    S.DIKIRIM_BKN: "Menunggu pertimbangan teknis (pertek) dari BKN.",
    S.PERTEK: "SK pensiun disiapkan dan ditandatangani pejabat yang berwenang.",
    S.SK_TERBIT: "SK pensiun siap diserahkan kepada Anda.",
    S.DISERAHKAN: "",
    S.DIBATALKAN: "",
}


@dataclass(frozen=True)
class Langkah:
    label: str
    tanggal: datetime | None
    selesai: bool
    sekarang: bool
    catatan: str = ""


def tracker(berkas: BerkasPensiun) -> list[Langkah]:
    events = {}
    for e in berkas.timeline().order_by("at", "pk"):
        events[e.transition] = e
    reached = _REACHED.get(berkas.state, -1)
    steps = []
    for i, (transition, label) in enumerate(STEPS):
        when = berkas.dibuka if not transition else getattr(events.get(transition), "at", None)
        catatan = ""
        if transition == "catat_pertek" and berkas.pertek_nomor:
            catatan = f"Nomor {berkas.pertek_nomor}"
        if transition == "terbitkan_sk" and berkas.sk_nomor:
            catatan = f"Nomor {berkas.sk_nomor}, TMT {tanggal(berkas.sk_tmt)}"
        if transition == "ajukan" and berkas.state == S.DIKEMBALIKAN:
            catatan = f"Dikembalikan BKD: {berkas.alasan_kembali}"
        done = (
            i <= reached
            and berkas.state != S.DIBATALKAN
            or (berkas.state == S.DIBATALKAN and when is not None)
        )
        steps.append(Langkah(label, when if done else None, done, i == reached, catatan))
    return steps


def next_step(berkas: BerkasPensiun) -> str:
    return _NEXT.get(berkas.state, "")
