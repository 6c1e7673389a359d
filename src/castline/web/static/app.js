// Highlight the span named in the address (#at-START-END) on an article page and scroll to it.
(function () {
  function flash() {
    var match = /^#at-(\d+)-(\d+)$/.exec(window.location.hash);
    document.querySelectorAll(".seg.flash").forEach(function (el) { el.classList.remove("flash"); });
    if (!match) return;
    var start = parseInt(match[1], 10), end = parseInt(match[2], 10), first = null;
    document.querySelectorAll(".seg").forEach(function (el) {
      var s = parseInt(el.dataset.start, 10), e = parseInt(el.dataset.end, 10);
      if (s >= start && e <= end && e > s) {
        el.classList.add("flash");
        if (!first) first = el;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", flash);
  document.addEventListener("DOMContentLoaded", flash);
})();
