#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, when they are missing:
#   chromium        headless browser for the browser tests and screenshots (never a downloaded browser)
#   fonts-noto-cjk  Chinese fonts, or Chinese renders as boxes in screenshots and PDFs
#   fonts-arphic-gbsn00lp, fonts-arphic-gkai00mp, fonts-wqy-zenhei
#                   TrueType 宋, 楷, 黑 for the 公文版 PDF (GB/T 9704): Typst embeds them as named CID fonts
#                   (src/publish/pdf/fonts.ts; Debian has no 仿宋 covering simplified Chinese, so 宋 stands in)
#   poppler-utils   pdftotext/pdffonts/pdfinfo/pdftoppm, to check the PDF
#   nginx, libnginx-mod-http-brotli-static
#                   the deployment test serves the site through the real server configuration
# Run as root (it calls apt-get); otherwise it says what to install and stops.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# (grep without -q: -q exits early, fc-list gets SIGPIPE and pipefail reports a failure)
fc-list 2>/dev/null | grep 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep 'AR PL SungtiL GB' >/dev/null || need+=(fonts-arphic-gbsn00lp)
fc-list 2>/dev/null | grep 'AR PL KaitiM GB' >/dev/null || need+=(fonts-arphic-gkai00mp)
fc-list 2>/dev/null | grep 'WenQuanYi Zen Hei' >/dev/null || need+=(fonts-wqy-zenhei)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need+=(libnginx-mod-http-brotli-static)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
# nginx's Debian package starts a server on port 80 where it can; the tests start their own on loopback.
if command -v service >/dev/null 2>&1; then service nginx stop >/dev/null 2>&1 || true; fi
fc-cache -f >/dev/null 2>&1 || true
echo "Installed: ${need[*]}"
