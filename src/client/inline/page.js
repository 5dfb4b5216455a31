/* The page script (src/components/PageScript.astro says what it does); inlined minified by esbuild. */
(function () {
  var d = document, root = d.documentElement, loaded = false, status = d.getElementById('cite-status'), timer;
  root.classList.add('js');
  function each(s, f) { d.querySelectorAll(s).forEach(f); }
  each('[data-print-button]', function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
  if (status) {
    var t = new Date(), two = function (n) { return (n > 9 ? '' : '0') + n; };
    each('[data-cite-date]', function (s) { s.textContent = t.getFullYear() + '-' + two(t.getMonth() + 1) + '-' + two(t.getDate()); });
    each('button[data-cite]', function (b) { b.hidden = false; });
    d.addEventListener('click', function (e) {
      var c = e.target.closest('[data-cite]'), li = c && d.getElementById(c.getAttribute('data-cite'));
      if (!li) return;
      e.preventDefault();
      var text = li.querySelector('.cite-text'), what = li.querySelector('.cite-what').textContent + '的引用';
      function say(m) {
        status.textContent = m;
        clearTimeout(timer);
        timer = setTimeout(function () { status.textContent = ''; }, 8000);
      }
      function select() {
        var r = d.createRange(), s = getSelection(), ok;
        li.closest('details').open = true;
        r.selectNodeContents(text);
        s.removeAllRanges();
        s.addRange(r);
        li.scrollIntoView({ block: 'center' });
        try { ok = d.execCommand('copy'); } catch (x) {}
        say(ok ? '已复制' + what : '已选中' + what + '，请长按或按 Ctrl+C 复制');
      }
      if (navigator.clipboard) navigator.clipboard.writeText(text.textContent).then(function () { say('已复制' + what); }, select);
      else select();
    });
  }
  function load() {
    if (loaded) return;
    loaded = true;
    var s = d.createElement('script');
    s.src = root.getAttribute('data-search-script');
    d.head.appendChild(s);
  }
  var box = d.getElementById('site-search');
  if (box) { box.addEventListener('focus', load); box.addEventListener('input', load); }
  if (/[?&]q=./.test(location.search) || d.getElementById('search-form')) load();
})();
