// The attempt page /kompetensi/percobaan/<id>/: one item at a time, each choice saved at once
// through POST /api/v1/kompetensi/percobaan/<id>/jawaban with the session. A choice that cannot
// be sent (no connection, server busy) waits in a queue kept in localStorage and is retried in
// order until saved; the server keeps the newest choice per item (nomor_kirim), so a late retry
// never overwrites a later choice. The countdown starts from the seconds the server gave and is
// corrected by every reply; the server's clock decides, this page only shows it.
(function () {
  "use strict";
  const root = document.getElementById("ujian");
  if (!root) return;
  root.classList.add("dengan-js");
  const ds = root.dataset;
  const csrf = root.querySelector("[name=csrfmiddlewaretoken]").value;
  const jumlah = Number(ds.jumlah);
  const KEY = "sikap-ujian-" + ds.percobaan;
  const els = {
    nomor: document.getElementById("nomor"),
    waktu: document.getElementById("waktu"),
    sambungan: document.getElementById("sambungan"),
    daftar: document.getElementById("daftar"),
    catatan: document.getElementById("serah-catatan"),
    formSerah: document.getElementById("form-serah"),
  };
  let posisi = Number(ds.posisi);
  let akhir = performance.now() + Number(ds.sisa) * 1000;
  let sending = false;
  let selesai = false;
  let state = load();

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY));
      if (saved && Array.isArray(saved.antre)) return saved;
    } catch (e) { /* a damaged entry starts afresh */ }
    return { seq: 0, antre: [], fokus: [], posisi: null };
  }

  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* storage full */ }
  }

  function radios(urutan) {
    return document.querySelectorAll("#butir-" + urutan + " input[name=opsi]");
  }

  function tandai(urutan) {
    const link = els.daftar.querySelector('[data-ke="' + urutan + '"]');
    if (link) link.classList.add("terjawab");
  }

  function terjawab() {
    let n = 0;
    for (let i = 0; i < jumlah; i++) {
      if (Array.from(radios(i)).some((r) => r.checked)) n++;
    }
    return n;
  }

  function keadaan(text, bad) {
    els.sambungan.textContent = text ||
      (state.antre.length
        ? "Menunggu sambungan: " + state.antre.length + " jawaban belum terkirim (tersimpan di perangkat ini)"
        : "Tersimpan · terjawab " + terjawab() + " dari " + jumlah);
    els.sambungan.className = "small " + (bad || state.antre.length ? "text-danger" : "text-success");
  }

  function tampil(n) {
    if (n < 0 || n >= jumlah) return;
    document.getElementById("butir-" + posisi).hidden = true;
    document.getElementById("butir-" + n).hidden = false;
    posisi = n;
    els.nomor.textContent = "Soal " + (n + 1) + " dari " + jumlah;
    window.scrollTo(0, 0);
    state.posisi = n;
    save();
    kirim();
  }

  function pilih(urutan, opsi) {
    state.seq += 1;
    state.antre = state.antre.filter((a) => a.urutan !== urutan);
    state.antre.push({ urutan: urutan, opsi: opsi, nomor_kirim: state.seq });
    save();
    tandai(urutan);
    keadaan();
    kirim();
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
  }

  function sinkron(sisa) {
    if (typeof sisa === "number") akhir = performance.now() + sisa * 1000;
  }

  // Sends what waits, oldest first; stops at the first failure and tries again later.
  async function kirim() {
    if (sending || selesai) return;
    sending = true;
    try {
      while (state.antre.length) {
        const item = state.antre[0];
        let r;
        try { r = await post(ds.apiJawaban, item); } catch (e) { break; }
        if (r.ok) {
          sinkron((await r.json()).sisa_detik);
          state.antre.shift();
          save();
          continue;
        }
        if (r.status >= 500 || r.status === 429) break;
        const body = await r.json().catch(() => ({}));
        if (body.code === "kedaluwarsa" || body.code === "langkah_tidak_sah") { tutup(); return; }
        state.antre.shift(); // refused for good (not an item of this attempt): say so, go on
        save();
        keadaan(body.message || "Jawaban ditolak server.", true);
        return;
      }
      while (state.fokus.length) {
        let r;
        try { r = await post(ds.apiFokus, state.fokus[0]); } catch (e) { break; }
        if (!r.ok && (r.status >= 500 || r.status === 429)) break;
        state.fokus.shift();
        save();
      }
      if (state.posisi !== null && !state.antre.length) {
        try {
          const r = await post(ds.apiPosisi, { urutan: state.posisi });
          if (r.ok) { sinkron((await r.json()).sisa_detik); state.posisi = null; save(); }
        } catch (e) { /* sent with the next attempt */ }
      }
    } finally {
      sending = false;
      if (!selesai) keadaan();
    }
  }

  function fokus(jenis) {
    if (selesai) return;
    state.fokus.push({ jenis: jenis, urutan: posisi, waktu_klien: new Date().toISOString() });
    if (state.fokus.length > 200) state.fokus.shift();
    save();
    kirim();
  }

  function tutup() {
    selesai = true;
    localStorage.removeItem(KEY);
    window.location.assign(ds.selesai);
  }

  function jam() {
    const left = Math.max(0, Math.round((akhir - performance.now()) / 1000));
    const m = Math.floor(left / 60);
    const s = left % 60;
    els.waktu.textContent = "Sisa " + m + ":" + String(s).padStart(2, "0");
    els.waktu.classList.toggle("hampir", left <= 60);
    if (left === 0 && !selesai) {
      selesai = true;
      keadaan("Waktu habis. Jawaban yang tersimpan di server diserahkan otomatis.", true);
      // The server closed the attempt at its deadline; the page follows shortly after.
      setTimeout(() => window.location.assign(ds.selesai), 1500);
    }
  }

  root.addEventListener("change", (event) => {
    const input = event.target;
    if (input.name !== "opsi" || selesai) return;
    const urutan = Number(input.closest(".butir").dataset.urutan);
    pilih(urutan, Number(input.value));
  });

  root.addEventListener("click", (event) => {
    const link = event.target.closest(".ujian-nav");
    if (!link) return;
    event.preventDefault();
    tampil(Number(link.dataset.ke));
  });

  els.formSerah.addEventListener("submit", async (event) => {
    event.preventDefault();
    await kirim();
    if (state.antre.length) {
      els.catatan.textContent = state.antre.length +
        " jawaban belum terkirim. Sambungkan internet, lalu serahkan lagi.";
      els.catatan.className = "mb-2 text-danger";
      return;
    }
    const kosong = jumlah - terjawab();
    if (kosong && !els.formSerah.dataset.yakin) {
      els.formSerah.dataset.yakin = "1";
      els.catatan.textContent = kosong + " soal belum dijawab. Tekan lagi untuk tetap menyerahkan.";
      els.catatan.className = "mb-2 text-danger";
      return;
    }
    selesai = true;
    localStorage.removeItem(KEY);
    els.formSerah.submit();
  });

  document.addEventListener("visibilitychange", () => {
    fokus(document.hidden ? "tab_tersembunyi" : "kembali");
  });
  window.addEventListener("blur", () => { if (!document.hidden) fokus("fokus_hilang"); });
  window.addEventListener("online", kirim);
  setInterval(() => { if (state.antre.length || state.fokus.length) kirim(); }, 4000);
  setInterval(jam, 500);

  // A choice made before the page was reopened, not yet sent: show it and send it.
  for (const item of state.antre) {
    for (const r of radios(item.urutan)) r.checked = Number(r.value) === item.opsi;
    tandai(item.urutan);
  }
  // Moved on offline before the page was reopened: resume where the person was.
  if (state.posisi !== null && state.posisi !== posisi && state.posisi < jumlah) tampil(state.posisi);
  jam();
  keadaan();
  kirim();
})();
