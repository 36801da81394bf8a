/* Offline: installs the service worker on a hosted site, and says when a new version of
 * the course is ready, so the learner chooses when to reload. Only a hosted site links a
 * manifest: the zip and the SCORM package (inside an LMS) get no worker. */
function startOffline() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (!document.querySelector('link[rel="manifest"]')) return;
  var base = baseUrl();
  var accepted = false; // the first install also changes the controller: reload only on request

  function offer(worker) {
    if (document.querySelector(".elearn-update")) return;
    var bar = make("div", "elearn-update");
    bar.setAttribute("role", "status");
    var text = make("span", null, T("offline.ready"));
    text.hidden = true;
    bar.append(text, button(T("offline.reload"), "md-button--primary", function () {
      accepted = true;
      worker.postMessage("elearn:activate");
    }));
    document.body.appendChild(bar);
  }

  navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base.pathname }).then(function (reg) {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var worker = reg.installing;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
      });
    });
    // A page that stays open for long still learns of a new version.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") reg.update();
    });
  });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!accepted) return;
    accepted = false;
    location.reload();
  });
}
