/* The page script (src/components/PageScript.astro says what it does); inlined minified by esbuild. */
(function () {
  var d = document, root = d.documentElement, box = d.getElementById('cite'), scripts = {}, next;
  root.classList.add('js');
  // A classic script named by an attribute of `el`, fetched once, on first use (again on the next use if it failed).
  function load(el, attr) {
    if (!scripts[attr]) {
      var s = (scripts[attr] = d.createElement('script'));
      s.src = el.getAttribute(attr);
      s.onerror = function () { scripts[attr] = 0; };
      d.head.appendChild(s);
    }
    return scripts[attr];
  }
  d.querySelectorAll('[data-print-button]').forEach(function (b) {
    b.hidden = false;
    b.onclick = function () { print(); };
  });
  if (box) {
    // 引用本条 (src/client/cite.ts): its script comes when the box opens or a 引用 control is used, and then
    // answers every control itself; the first click is handed to it once it is there. Should it not come (the
    // network gone), the control leads to its reference, as it does without JavaScript.
    box.ontoggle = function () { load(box, 'data-script'); };
    d.addEventListener('click', function (e) {
      var c = !window.copyCite && e.target.closest('[data-cite]');
      if (!c) return;
      e.preventDefault();
      next = c;
      var s = load(box, 'data-script');
      s.onload = function () { copyCite(next); };
      s.onerror = function () { scripts['data-script'] = 0; location.hash = next.getAttribute('data-cite'); };
    });
  }
  var search = d.getElementById('site-search');
  function find() { load(root, 'data-search-script'); }
  if (search) { search.addEventListener('focus', find); search.addEventListener('input', find); }
  if (/[?&]q=./.test(location.search) || d.getElementById('search-form')) find();
})();
