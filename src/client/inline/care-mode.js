/* 关怀模式 (src/components/CareModeScript.astro says what it does); inlined minified by esbuild. */
(function (d, k) {
var r = d.documentElement, sheet;
function saved() { try { return localStorage.getItem(k) === 'on'; } catch (e) { return false; } }
function apply(on) {
  // The mode's stylesheet is fetched the first time the mode is on. Inserted from <head> before the body is
  // parsed and marked render-blocking, it holds the first paint as a parser-inserted stylesheet would: no flash.
  if (on && !sheet) {
    sheet = d.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = r.getAttribute('data-care-css');
    sheet.setAttribute('blocking', 'render');
    d.head.appendChild(sheet);
  }
  r.classList.toggle(k, on);
  d.querySelectorAll('[data-care-toggle]').forEach(function (b) { b.setAttribute('aria-pressed', on); });
}
apply(saved());
d.addEventListener('DOMContentLoaded', function () {
  d.querySelectorAll('[data-care-toggle]').forEach(function (b) {
    b.hidden = false;
    b.onclick = function () { var on = !r.classList.contains(k); apply(on); try { on ? localStorage.setItem(k, 'on') : localStorage.removeItem(k); } catch (e) {} };
  });
  apply(r.classList.contains(k));
});
addEventListener('pageshow', function (e) { if (e.persisted) apply(saved()); });
})(document, 'care-mode');
