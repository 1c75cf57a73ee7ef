#!/bin/sh
# SPDX-License-Identifier: MIT
# deps.sh - scripts/install-deps against fake dpkg-query/apt-get/id: as a
# user it prints the exact apt-get line and exits 2; as root it installs
# only what is missing, survives a failing "apt-get update", and reports
# packages that still did not install.
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-deps.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fake=$tmp/bin
mkdir -p "$fake"

# dpkg-query: packages listed in $tmp/installed are installed.
cat >"$fake/dpkg-query" <<EOS
#!/bin/sh
for last; do :; done
grep -qx "\$last" "$tmp/installed" && echo installed || echo not-installed
EOS
# apt-get: logs its arguments; "install" marks packages installed unless
# they are in $tmp/broken; "update" fails like a flaky mirror.
cat >"$fake/apt-get" <<EOS
#!/bin/sh
echo "apt-get \$*" >>"$tmp/apt.log"
[ "\$1" = update ] && exit 100
for p; do
	case \$p in -*|install) continue ;; esac
	grep -qx "\$p" "$tmp/broken" || echo "\$p" >>"$tmp/installed"
done
EOS
printf '#!/bin/sh\necho "${FAKE_UID:-1000}"\n' >"$fake/id"
chmod +x "$fake"/*

printf 'make\ngcc\nclang\n' >"$tmp/installed"
: >"$tmp/broken"
: >"$tmp/apt.log"

expect_exit 2 "deps: as a user, missing packages -> exit 2" \
	env PATH="$fake:$PATH" FAKE_UID=1000 scripts/install-deps x86_64
expect_log "deps: as a user, missing packages -> exit 2" \
	'^  apt-get update && apt-get install -y --no-install-recommends ' \
	' libc6-dev( |$)' ' qemu-system-x86( |$)' ' qemu-system-data( |$)'
if [ -s "$tmp/apt.log" ]; then
	fail "deps: as a user, apt-get is not run"
else
	pass "deps: as a user, apt-get is not run"
fi

expect_exit 0 "deps: as root, installs what is missing despite a failing update" \
	env PATH="$fake:$PATH" FAKE_UID=0 scripts/install-deps x86_64
if grep -q '^apt-get update$' "$tmp/apt.log" &&
   grep -q '^apt-get install -y --no-install-recommends .*libc6-dev' "$tmp/apt.log" &&
   ! grep -q 'install.* make ' "$tmp/apt.log"; then
	pass "deps: as root, apt-get update then install of the missing ones only"
else
	fail "deps: as root, apt-get update then install of the missing ones only"
	sed 's/^/#   | /' "$tmp/apt.log"
fi

: >"$tmp/apt.log"
expect_exit 0 "deps: nothing missing -> nothing run" \
	env PATH="$fake:$PATH" FAKE_UID=0 scripts/install-deps x86_64
[ -s "$tmp/apt.log" ] && fail "deps: nothing missing -> apt-get not run" ||
	pass "deps: nothing missing -> apt-get not run"

sed -i '/^qemu-system-x86$/d' "$tmp/installed"
echo qemu-system-x86 >"$tmp/broken"
expect_exit 2 "deps: a package that fails to install -> exit 2" \
	env PATH="$fake:$PATH" FAKE_UID=0 scripts/install-deps x86_64
expect_log "deps: a package that fails to install -> exit 2" 'could not install: qemu-system-x86'

expect_exit 2 "deps: unknown arch -> exit 2" scripts/install-deps vax
