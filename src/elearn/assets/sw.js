/* elearn service worker: the whole site in one cache, named after the build.
 * A new build has a new name: its pages and assets arrive together, the old cache
 * goes when the learner accepts the new version, and old and new never mix. */
"use strict";
var VERSION = "__ELEARN_VERSION__";
var CACHE = "elearn-" + VERSION;
var URLS = __ELEARN_URLS__;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(URLS.map(function (url) { return new Request(url, { cache: "reload" }); }));
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("elearn-") === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "elearn:activate") self.skipWaiting();
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      // "page/" and "page/index.html" are one page.
      var url = new URL(request.url);
      if (url.pathname.slice(-1) === "/") {
        return cache.match(url.pathname + "index.html").then(function (page) { return page || fetch(request); });
      }
      return fetch(request);
    });
  }));
});
