/* elearn comparison: two chosen sectors side by side, step by step, readable on a phone.
 * Loaded by the page script on the sectors page only; without it all sectors show. */
(function () {
  "use strict";
  var E = window.elearn;
  var T = E.text;

  function setupCompare(root) {
    if (root.hasAttribute("data-elearn-ready")) return;
    root.setAttribute("data-elearn-ready", "true");
    var cells = E.all(root, "[data-sector]");
    var sectors = [];
    cells.forEach(function (c) {
      var id = c.getAttribute("data-sector");
      if (sectors.indexOf(id) < 0) sectors.push(id);
    });
    var names = {};
    cells.forEach(function (c) { names[c.getAttribute("data-sector")] = c.querySelector("strong").textContent; });
    var bar = E.make("div", "elearn-compare-choice");
    var selects = [0, 1].map(function (n) {
      var label = E.make("label", null, (n ? T("compare.and") : T("compare.first")) + " ");
      var select = E.make("select");
      select.id = "elearn-compare-" + n;
      label.htmlFor = select.id;
      sectors.forEach(function (id) {
        var option = E.make("option", null, names[id]);
        option.value = id;
        select.appendChild(option);
      });
      select.value = sectors[Math.min(n, sectors.length - 1)];
      select.addEventListener("change", show);
      bar.appendChild(label);
      bar.appendChild(select);
      return select;
    });
    function show() {
      var chosen = selects.map(function (s) { return s.value; });
      cells.forEach(function (c) { c.hidden = chosen.indexOf(c.getAttribute("data-sector")) < 0; });
    }
    root.insertBefore(bar, root.firstChild);
    show();
  }

  window.elearnExtras.vergelijk = setupCompare;
})();
