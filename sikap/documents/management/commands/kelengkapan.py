from django.core.management.base import BaseCommand

from sikap.documents import ringkasan
from sikap.documents.models import RingkasanKelengkapan


class Command(BaseCommand):
    help = "Bangun ulang ringkasan kelengkapan dokumen setiap pegawai (juga dijalankan tiap malam)."

    def handle(self, *args, **options):
        ringkasan.bangun_ulang()
        jumlah = RingkasanKelengkapan.objects.count()
        self.stdout.write(f"Ringkasan kelengkapan dibangun ulang: {jumlah} pegawai.")
