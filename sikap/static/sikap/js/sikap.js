// Behaviour every page shares, declared in templates by data attributes, so that the
// Content-Security-Policy needs no inline script (docs/security.md):
//   <form data-confirm="Hapus …?">  asks before submitting;
//   <select data-autosubmit>         submits its form when the choice changes.
document.addEventListener("submit", function (event) {
  const message = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) event.preventDefault();
});
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("[data-autosubmit]") && event.target.form) {
    event.target.form.requestSubmit();
  }
});
