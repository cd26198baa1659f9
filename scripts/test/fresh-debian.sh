#!/usr/bin/env bash
# Proves `npm test`'s pretest (scripts/test/prepare-machine.mjs) on a fresh Debian, in a
# minimal chroot made with debootstrap. Not run by `npm test`: it needs root, debootstrap
# and a Debian mirror, and downloads a few hundred MB.
#
#   sudo scripts/test/fresh-debian.sh            # this machine's suite, deb.debian.org
#   SUITE=bookworm MIRROR=http://deb.debian.org/debian ROOT=/tmp/fresh-debian sudo -E scripts/test/fresh-debian.sh
#
# In the chroot (no Chromium, no CJK font, no sudo), on a clean clone of this commit:
#   1. as a user without sudo, the pretest stops at once with the exact command (exit 1);
#   2. as root, it installs chromium and fonts-noto-cjk itself (exit 0);
#   3. afterwards `chromium --version` and `fc-list :lang=zh` answer.
# The chroot's mounts are undone and the chroot deleted at the end (KEEP=1 keeps it).
set -euo pipefail

SUITE=${SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:?}")}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOT=${ROOT:-/tmp/fresh-debian}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
NODE=$(command -v node)

[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "needs debootstrap: apt-get install -y debootstrap" >&2; exit 2; }

unmount_all() {
  # Deepest first; nothing under the chroot may stay mounted before it is deleted.
  awk -v root="$ROOT" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount "$m"; done
}
cleanup() {
  unmount_all
  if awk -v root="$ROOT" '$2 == root || index($2, root "/") == 1' /proc/mounts | grep -q .; then
    echo "still mounted under $ROOT: not deleting it" >&2
    return
  fi
  [ "${KEEP:-}" = 1 ] || rm -rf "$ROOT"
}
trap cleanup EXIT

step() { printf '\n### %s\n' "$*"; }

if [ ! -e "$ROOT/etc/debian_version" ]; then
  step "debootstrap --variant=minbase $SUITE $ROOT $MIRROR"
  debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >"$ROOT.debootstrap.log" 2>&1 || { tail -20 "$ROOT.debootstrap.log"; exit 1; }
fi

mount --bind /proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# This machine's node (one binary; its libraries are in minbase).
install -m 755 "$NODE" "$ROOT/usr/local/bin/node"
# A clean clone of the commit checked out here (what a new user would get).
rm -rf "$ROOT/app"
git clone --quiet --no-hardlinks "$REPO" "$ROOT/app"
git -C "$ROOT/app" checkout --quiet "$(git -C "$REPO" rev-parse HEAD)"
chroot "$ROOT" id -u tester >/dev/null 2>&1 || chroot "$ROOT" useradd --create-home tester
chroot "$ROOT" chown -R tester:tester /app

in_root() { chroot "$ROOT" env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 bash -c "$1"; }
as_tester() { chroot --userspec=tester:tester "$ROOT" env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/home/tester LANG=C.UTF-8 bash -c "$1"; }

step "the fresh chroot: $(cat "$ROOT/etc/debian_version"), node $(in_root 'node --version')"
in_root 'command -v chromium || echo "no chromium"; command -v fc-list || echo "no fc-list"; command -v sudo || echo "no sudo"'

step "as a user without sudo: node scripts/test/prepare-machine.mjs"
set +e
as_tester 'cd /app && node scripts/test/prepare-machine.mjs'
status=$?
set -e
echo "exit $status"
[ "$status" = 1 ] || { echo "expected exit 1 (stop with the command)" >&2; exit 1; }

step "as root: node scripts/test/prepare-machine.mjs"
in_root 'cd /app && node scripts/test/prepare-machine.mjs' >"$ROOT.prepare.log" 2>&1 || { tail -30 "$ROOT.prepare.log"; exit 1; }
grep -E '^npm test:|^  \$ ' "$ROOT.prepare.log"
grep -E '^Setting up (chromium|fonts-noto-cjk)[ :]' "$ROOT.prepare.log"
echo "exit 0 (full apt output: $ROOT.prepare.log)"

step "afterwards"
in_root 'chromium --version 2>/dev/null; fc-list :lang=zh family | sort | head -3'
in_root 'cd /app && node scripts/test/prepare-machine.mjs && echo "pretest again: nothing to do (exit $?)"'
