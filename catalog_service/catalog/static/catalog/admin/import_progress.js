// An import's change page (admin/catalog/productimport/change_form.html): polls the job's
// progress (its JSON endpoint under the admin) every second until it is finished, and shows it
// without reloading the page. A file, not an inline script: the admin's Content-Security-Policy
// runs scripts from this origin only.
"use strict";
(function () {
  const box = document.getElementById("import-progress");
  if (!box) {
    return;
  }
  const show = function (progress) {
    box.querySelectorAll("[data-field]").forEach(function (element) {
      const value = progress[element.dataset.field];
      element.textContent = value === null || value === undefined ? "" : String(value);
    });
    const bar = box.querySelector("progress");
    if (bar && progress.percent !== null) {
      bar.value = progress.percent;
    }
    const error = document.getElementById("import-error");
    if (error) {
      error.hidden = !progress.error;
    }
    box.dataset.status = progress.status;
    box.dataset.finished = String(progress.finished);
  };
  const poll = function () {
    fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("progress answered " + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        show(progress);
        if (!progress.finished) {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  };
  if (box.dataset.finished !== "true") {
    window.setTimeout(poll, 1000);
  }
})();
