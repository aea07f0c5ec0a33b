// The phone page /presensi/: watches the browser's position, shows the distance to the nearest
// allowed place, and sends the check-in to POST /api/v1/presensi with the session. The server
// decides (its clock, its geofence); this page only helps the person see where they stand.
(function () {
  "use strict";
  const root = document.getElementById("presensi");
  if (!root) return;
  const els = {
    keadaan: document.getElementById("keadaan"),
    jarak: document.getElementById("jarak"),
    akurasi: document.getElementById("akurasi"),
    tombol: document.getElementById("tombol"),
    pesan: document.getElementById("pesan"),
    swafoto: document.getElementById("swafoto"), // only where the OPD requires a selfie
  };
  const SWAFOTO_SISI = 960; // px: the photo is made small on the phone before it is sent
  const csrf = root.querySelector("[name=csrfmiddlewaretoken]").value;
  const R = 6371008.8; // WGS84 mean radius, as sikap/rules/geofence.py
  let lokasi = [];
  let posisi = null;
  let akurasiMaks = Number(root.dataset.akurasiMaks); // the server refuses anything coarser

  function deviceId() {
    let id = localStorage.getItem("sikap-perangkat");
    if (!id) {
      id = "web-" + randomKey();
      localStorage.setItem("sikap-perangkat", id);
    }
    return id;
  }

  function randomKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function jarak(lat1, lon1, lat2, lon2) {
    const rad = Math.PI / 180;
    const dp = (lat2 - lat1) * rad;
    const dl = (lon2 - lon1) * rad;
    const h = Math.sin(dp / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dl / 2) ** 2;
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function meter(value) {
    return Math.round(value).toLocaleString("id-ID") + " m";
  }

  function tampilJarak() {
    if (!posisi) return;
    if (posisi.accuracy > akurasiMaks) {
      // A position this coarse says nothing about the radius: the server would refuse it.
      els.jarak.textContent = "Akurasi GPS " + meter(posisi.accuracy) + " terlalu rendah (maks. " +
        meter(akurasiMaks) + ")";
      els.jarak.className = "fw-semibold text-danger";
      els.akurasi.textContent = "Pindah ke tempat terbuka dan tunggu sampai akurasi membaik.";
      return;
    }
    els.akurasi.textContent = "Akurasi GPS " + meter(posisi.accuracy);
    if (!lokasi.length) {
      els.jarak.textContent = "Tidak ada lokasi presensi untuk Anda.";
      els.jarak.className = "fw-semibold";
      return;
    }
    let best = null;
    for (const t of lokasi) {
      const d = jarak(posisi.latitude, posisi.longitude, t.latitude, t.longitude);
      if (!best || d - t.radius_m < best.d - best.t.radius_m) best = { t, d };
    }
    const inside = best.d <= best.t.radius_m;
    els.jarak.textContent = meter(best.d) + " dari " + best.t.nama +
      (inside ? " (di dalam radius)" : " (di luar radius " + meter(best.t.radius_m) + ")");
    els.jarak.className = "fw-semibold " + (inside ? "text-success" : "text-danger");
  }

  function pesan(text, ok) {
    els.pesan.textContent = text;
    els.pesan.className = "alert " + (ok ? "alert-success" : "alert-danger");
  }

  function tombol(berikutnya) {
    els.tombol.dataset.jenis = berikutnya || "";
    els.tombol.disabled = !berikutnya;
    els.tombol.textContent = berikutnya === "masuk" ? "Presensi Masuk"
      : berikutnya === "pulang" ? "Presensi Pulang" : "Presensi selesai";
  }

  async function muatHari() {
    const response = await fetch(root.dataset.hariIni, { credentials: "same-origin" });
    if (!response.ok) return;
    const hari = await response.json();
    lokasi = hari.lokasi;
    akurasiMaks = hari.akurasi_maks_m;
    els.keadaan.textContent = hari.keadaan;
    tombol(hari.berikutnya);
    tampilJarak();
  }

  function base64(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }

  // The chosen selfie as base64 JPEG, at most SWAFOTO_SISI px a side; a file the browser
  // cannot draw is sent as it is, and the server says what is wrong with it.
  async function swafotoBase64(file) {
    try {
      const bitmap = await createImageBitmap(file);
      const skala = Math.min(1, SWAFOTO_SISI / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(bitmap.width * skala));
      canvas.height = Math.max(1, Math.round(bitmap.height * skala));
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.85));
      return base64(await blob.arrayBuffer());
    } catch (e) {
      return base64(await file.arrayBuffer());
    }
  }

  async function kirim(body) {
    return fetch(root.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
  }

  async function presensi() {
    if (!posisi) {
      pesan("Lokasi belum diketahui. Izinkan akses lokasi untuk halaman ini lalu coba lagi.", false);
      return;
    }
    els.tombol.disabled = true;
    const body = {
      jenis: els.tombol.dataset.jenis,
      latitude: posisi.latitude,
      longitude: posisi.longitude,
      akurasi_m: posisi.accuracy,
      device_id: deviceId(),
      waktu_ponsel: new Date().toISOString(),
      kunci: randomKey(),
    };
    if (els.swafoto && els.swafoto.files.length) {
      body.swafoto = await swafotoBase64(els.swafoto.files[0]);
    }
    let response;
    try {
      response = await kirim(body);
    } catch (e) {
      try {
        response = await kirim(body); // one retry with the same key: never counted twice
      } catch (e2) {
        pesan("Tidak ada koneksi ke server. Presensi belum tercatat; coba lagi.", false);
        els.tombol.disabled = false;
        return;
      }
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      pesan(answer.pesan, true);
      if (els.swafoto) els.swafoto.value = "";
    } else {
      pesan(answer.message || "Presensi ditolak.", false);
    }
    await muatHari();
  }

  els.tombol.addEventListener("click", presensi);

  if (!("geolocation" in navigator)) {
    els.jarak.textContent = "Peramban ini tidak mendukung lokasi (GPS).";
  } else {
    navigator.geolocation.watchPosition(
      (p) => {
        posisi = p.coords;
        tampilJarak();
      },
      (error) => {
        els.jarak.textContent = error.code === 1
          ? "Akses lokasi ditolak. Izinkan lokasi untuk halaman ini di pengaturan peramban."
          : "Lokasi belum didapat. Pastikan GPS aktif.";
        els.jarak.className = "fw-semibold text-danger";
      },
      { enableHighAccuracy: true, maximumAge: 10000, timeout: 30000 },
    );
  }

  muatHari();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(root.dataset.sw, { scope: "/presensi/" }).catch(() => {});
  }
})();
