/* elearn certificate: the printable certificate of a learning path the learner completed, with
 * the name the learner types (it stays in this browser's record). Loaded by the page script on
 * the certificate page only, like the trainer tools: other pages never carry it. */
(function () {
  "use strict";
  var E = window.elearn;
  var P = window.elearnProgress;
  var COURSE = window.ELEARN_COURSE;

  function renderCertificate(host) {
    var record = P.record();
    host.textContent = "";
    var path = record.path ? P.pathById(record.path) : null;
    var status = path ? P.pathStatus(path) : null;
    if (!status || !status.complete) {
      var p = E.make("p", null, path ? "Je leerpad " + path.title + " is " + status.percent + "% klaar. Rond alle modules af (alle pagina's lezen en de toetsen halen) om je certificaat te maken. " :
        "Kies eerst een leerpad en rond het af. ");
      p.appendChild(P.link("voortgang", "Bekijk je voortgang"));
      host.appendChild(p);
      return;
    }
    var label = E.make("label", "elearn-name-label", "Je naam op het certificaat");
    var input = E.make("input", "elearn-name");
    input.id = "elearn-name";
    label.htmlFor = "elearn-name";
    input.type = "text";
    input.maxLength = 80;
    input.autocomplete = "name";
    input.value = record.name;
    host.appendChild(label);
    host.appendChild(input);
    E.add(host, "p", "elearn-hint", "Je naam blijft in deze browser; hij gaat nergens heen.");
    var cert = E.add(host, "section", "elearn-certificate");
    cert.setAttribute("aria-label", "Certificaat");
    function fill() {
      cert.textContent = "";
      E.add(cert, "p", "elearn-cert-kind", "Certificaat van deelname");
      E.add(cert, "p", "elearn-cert-course", COURSE.title);
      E.add(cert, "p", "elearn-cert-name", P.record().name || "(vul je naam in)");
      var finished = status.statuses.reduce(function (latest, s) { return s.quiz && s.quiz.at > latest ? s.quiz.at : latest; }, P.record().updated);
      E.add(cert, "p", null, "heeft het leerpad \u201C" + path.title + "\u201D afgerond op " +
        new Date(finished).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) + ".");
      var list = E.add(cert, "ul", "elearn-cert-modules");
      status.modules.forEach(function (m, i) {
        var s = status.statuses[i];
        E.add(list, "li", null, m.title + (s.quiz ? ": toets " + s.quiz.best + "%" : ""));
      });
    }
    fill();
    input.addEventListener("input", function () {
      P.rename(input.value.slice(0, 80));
      fill();
    });
    host.appendChild(E.button("Certificaat printen", "", function () { window.print(); }));
  }

  window.elearnExtras.certificaat = renderCertificate;
})();
