// A table wider than the screen scrolls sideways inside its container. Such a container must be reachable
// with the keyboard and named for screen readers (WCAG 2.1.1): it becomes a focusable region labelled by
// the table's caption. Tables that fit stay out of the tab order. Without JavaScript they still scroll.
(function () {
  "use strict";
  var pending = false;
  function mark() {
    pending = false;
    var containers = document.querySelectorAll(".utrecht-table-container");
    for (var i = 0; i < containers.length; i++) {
      var box = containers[i];
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (caption) {
          if (!caption.id) caption.id = "table-caption-" + i;
          box.setAttribute("aria-labelledby", caption.id);
        } else {
          box.setAttribute("aria-label", document.documentElement.lang === "en" ? "Table" : "Tabel");
        }
      } else if (!scrolls && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    }
  }
  function later() {
    if (!pending) { pending = true; window.requestAnimationFrame(mark); }
  }
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", later);
  document.addEventListener("htmx:afterSwap", later);
})();
