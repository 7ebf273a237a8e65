// clew's own small enhancements; every page works without them.
// Filter forms send only the fields that are set, so the address a user copies is as short as
// the one a script would write (/allegations?act=organ_sale), and matches its JSON twin's.
(function () {
  "use strict";
  function clean(form) {
    for (const field of form.elements) {
      const unset = field.value === "" || field.value === field.dataset.default;
      if (field.name && unset) {
        field.disabled = true;
      }
    }
  }
  for (const form of document.querySelectorAll("form[data-clean-query]")) {
    form.addEventListener("submit", function () {
      clean(form);
    });
  }
  // Coming back with the Back button restores the page as it was left: fields enabled again.
  window.addEventListener("pageshow", function () {
    for (const field of document.querySelectorAll("form[data-clean-query] [disabled]")) {
      field.disabled = false;
    }
  });
})();
