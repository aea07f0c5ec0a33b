"""The level a position requires of each competency, and where that requirement comes from.

In order: the position's own rows (`StandarKompetensi.jabatan`), the default rows admin BKD set
for its jenis jabatan and eselon, then for its jenis jabatan with any eselon, and finally the
shipped default by jenjang (`rules.competency.standar_bawaan`, PermenPANRB 38/2017) for the
manajerial and sosial kultural competencies. A teknis competency has a standard only where a
row gives one."""

from collections.abc import Iterable
from dataclasses import dataclass

from sikap.competency.models import Kelompok, Kompetensi, StandarKompetensi
from sikap.org.models import Jabatan
from sikap.rules.competency import standar_bawaan

SUMBER_JABATAN = "standar jabatan"
SUMBER_JENIS = "standar bawaan jenis jabatan"
SUMBER_REGULASI = "standar bawaan PermenPANRB 38/2017"


@dataclass(frozen=True)
class Standar:
    level: int | None
    sumber: str


class Resolver:
    """Standards for many positions with a fixed number of queries (defaults read once, each
    position's own rows read in one query by `prefetch`)."""

    def __init__(self) -> None:
        self._bawaan: dict[tuple[str, str], dict[int, int]] = {}
        for jenis, eselon, kompetensi_id, level in StandarKompetensi.objects.filter(
            jabatan__isnull=True
        ).values_list("jenis_jabatan", "eselon", "kompetensi_id", "level"):
            self._bawaan.setdefault((jenis, eselon), {})[kompetensi_id] = level
        self._jabatan: dict[int, dict[int, int]] = {}
        self._kelompok = dict(Kompetensi.objects.values_list("pk", "kelompok"))

    def prefetch(self, jabatan_ids: Iterable[int]) -> None:
        wanted = {j for j in jabatan_ids if j is not None and j not in self._jabatan}
        if not wanted:
            return
        for j in wanted:
            self._jabatan[j] = {}
        for jabatan_id, kompetensi_id, level in StandarKompetensi.objects.filter(
            jabatan_id__in=wanted
        ).values_list("jabatan_id", "kompetensi_id", "level"):
            self._jabatan[jabatan_id][kompetensi_id] = level

    def standar(
        self, kompetensi_id: int, *, jabatan_id: int | None, jenis: str, eselon: str, nama: str
    ) -> Standar:
        if jabatan_id is not None:
            self.prefetch([jabatan_id])
            own = self._jabatan[jabatan_id].get(kompetensi_id)
            if own is not None:
                return Standar(own, SUMBER_JABATAN)
        for key in ((jenis, eselon), (jenis, "")):
            level = self._bawaan.get(key, {}).get(kompetensi_id)
            if level is not None:
                return Standar(level, SUMBER_JENIS)
        if self._kelompok.get(kompetensi_id) == Kelompok.TEKNIS or not jenis:
            return Standar(None, "")
        return Standar(standar_bawaan(jenis, eselon, nama), SUMBER_REGULASI)

    def for_jabatan(
        self, jabatan: Jabatan | None, kompetensi_id: int, *, jenis: str = ""
    ) -> Standar:
        if jabatan is None:
            return self.standar(kompetensi_id, jabatan_id=None, jenis=jenis, eselon="", nama="")
        return self.standar(
            kompetensi_id,
            jabatan_id=jabatan.pk,
            jenis=jabatan.jenis,
            eselon=jabatan.eselon,
            nama=jabatan.nama,
        )
