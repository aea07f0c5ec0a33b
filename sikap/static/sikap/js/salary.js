// KGB due list: a "select all" box per section ticks every letter checkbox of its form.
document.querySelectorAll("input[data-pilih-semua]").forEach((box) => {
  box.addEventListener("change", () => {
    box.form.querySelectorAll("input[name=kgb]").forEach((c) => { c.checked = box.checked; });
  });
});
