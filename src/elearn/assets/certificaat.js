/* elearn certificate: the printable certificate of a learning path the learner completed, with
 * the name the learner types (it stays in this browser's record). Loaded by the page script on
 * the certificate page only, like the trainer tools: other pages never carry it. */
(function () {
  "use strict";
  var E = window.elearn;
  var P = window.elearnProgress;
  var COURSE = window.ELEARN_COURSE;
  var T = E.text;

  function renderCertificate(host) {
    var record = P.record();
    host.textContent = "";
    var path = record.path ? P.pathById(record.path) : null;
    var status = path ? P.pathStatus(path) : null;
    if (!status || !status.complete) {
      var p = E.make("p", null, (path ? T("certificate.not_done", { path: path.title, percent: status.percent }) :
        T("certificate.no_path")) + " ");
      p.appendChild(P.link("voortgang", T("certificate.see_progress")));
      host.appendChild(p);
      return;
    }
    var label = E.make("label", "elearn-name-label", T("certificate.name"));
    var input = E.make("input", "elearn-name");
    input.id = "elearn-name";
    label.htmlFor = "elearn-name";
    input.type = "text";
    input.maxLength = 80;
    input.autocomplete = "name";
    input.value = record.name;
    host.appendChild(label);
    host.appendChild(input);
    E.add(host, "p", "elearn-hint", T("certificate.name_hint"));
    var cert = E.add(host, "section", "elearn-certificate");
    cert.setAttribute("aria-label", T("certificate.label"));
    function fill() {
      cert.textContent = "";
      E.add(cert, "p", "elearn-cert-kind", T("certificate.kind"));
      E.add(cert, "p", "elearn-cert-course", COURSE.title);
      E.add(cert, "p", "elearn-cert-name", P.record().name || T("certificate.no_name"));
      var finished = status.statuses.reduce(function (latest, s) { return s.quiz && s.quiz.at > latest ? s.quiz.at : latest; }, P.record().updated);
      E.add(cert, "p", null, T("certificate.finished", { path: path.title,
        date: new Date(finished).toLocaleDateString(T("format.date_locale"), { day: "numeric", month: "long", year: "numeric" }) }));
      var list = E.add(cert, "ul", "elearn-cert-modules");
      status.modules.forEach(function (m, i) {
        var s = status.statuses[i];
        E.add(list, "li", null, s.quiz ? T("certificate.module_test", { module: m.title, best: s.quiz.best }) : m.title);
      });
    }
    fill();
    input.addEventListener("input", function () {
      P.rename(input.value.slice(0, 80));
      fill();
    });
    host.appendChild(E.button(T("certificate.print"), "", function () { window.print(); }));
  }

  window.elearnExtras.certificaat = renderCertificate;
})();
