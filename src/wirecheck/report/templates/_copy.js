(function () {
  "use strict";
  function selectText(button) {
    var shown = button.previousElementSibling, range = document.createRange(), sel = window.getSelection();
    range.selectNodeContents(shown);
    sel.removeAllRanges();
    sel.addRange(range);
    button.textContent = "Selected: press Ctrl+C";
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy]").forEach(function (b) { b.hidden = false; });
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) { return; }
    var text = button.getAttribute("data-copy");
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { button.textContent = "Copied"; },
                                               function () { selectText(button); });
    } else {
      selectText(button);
    }
  });
})();
