/* elearn: the one script every page loads, in the head. It is made of the files in this
 * folder, joined in one scope (see assets.py): this one first, with what all parts use.
 * A classic script on purpose: ES modules and fetch() fail on file://. In the head, so
 * that early.js can draw tests and order choices before the first paint; everything else
 * waits for the page (start.js). */
var COURSE = window.ELEARN_COURSE; // course.js, loaded just before this script
var HERE = document.currentScript.src; // trainer tools load from beside this file
var extras = window.elearnExtras = window.elearnExtras || {};
var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/* UI text: T("quiz.check") or T("quiz.number", { n: 3 }), with the key written out. The build
 * puts the text of the site's language (locale/<lang>.yml) in the key's place (served.py), so
 * "Controleer" is served and this only fills {placeholders} from ``values``. */
function T(text, values) {
  return text.replace(/\{(\w+)\}/g, function (m, name) { return values[name]; });
}

function all(root, selector) {
  return Array.prototype.slice.call(root.querySelectorAll(selector));
}
function make(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
function add(parent, tag, className, text) {
  return parent.appendChild(make(tag, className, text));
}
function button(label, className, onClick) {
  var b = make("button", "md-button elearn-btn " + (className || ""), label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}
function now() { return new Date().toISOString(); }
function shuffle(list) {
  for (var i = list.length - 1; i > 0; i--) {
    var j = Math.floor(Math.random() * (i + 1));
    var t = list[i]; list[i] = list[j]; list[j] = t;
  }
  return list;
}
