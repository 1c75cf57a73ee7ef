#!/bin/sh
# SPDX-License-Identifier: MIT
# install.sh - the installed SDK, end to end: DESTDIR staging and a real
# prefix lay out the same files; the prefix still works after being moved;
# a test builds from one file with only the installed pkg-config data
# (GCC and Clang, one command and separate compile/link; x86_64 and
# i386), becomes a .flat, and runs with the installed kut-run.
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
src=$(pwd)

expect_exit 0 "install: DESTDIR staging" \
	make --no-print-directory BUILD="$BUILD" ARCHES="$ARCHES" \
	DESTDIR="$tmp/stage" PREFIX=/usr install
expect_exit 0 "install: PREFIX" \
	make --no-print-directory BUILD="$BUILD" ARCHES="$ARCHES" \
	PREFIX="$tmp/prefix" install
(cd "$tmp/stage/usr" && find . | sort) >"$tmp/stage.list"
(cd "$tmp/prefix" && find . | sort) >"$tmp/prefix.list"
if cmp -s "$tmp/stage.list" "$tmp/prefix.list"; then
	pass "install: DESTDIR and PREFIX installs have the same files"
else
	fail "install: DESTDIR and PREFIX installs have the same files"
	diff "$tmp/stage.list" "$tmp/prefix.list" | sed 's/^/#   /' | head -20
fi
if [ -z "$(cd "$tmp/stage" && find . -path ./usr -prune -o -print | grep -v '^\.$')" ]; then
	pass "install: DESTDIR install writes nothing outside DESTDIR/PREFIX"
else
	fail "install: DESTDIR install writes nothing outside DESTDIR/PREFIX"
fi

for a in $ARCHES; do
	for f in bin/kut-run lib/pkgconfig/kut-$a.pc lib/kut/$a/libkut-$a.a \
		 lib/kut/$a/kut.lds include/kut/libcflat.h include/kut/$a/asm/io.h \
		 share/kvm-unit-tests/$a/unittests.cfg; do
		if [ -f "$tmp/stage/usr/$f" ]; then
			pass "install: $f"
		else
			fail "install: $f"
		fi
	done
done
if pkg-config --variable pc_path pkg-config | tr ':' '\n' | grep -qx /usr/lib/pkgconfig; then
	pass "install: PREFIX=/usr puts kut-*.pc where plain pkg-config looks"
else
	fail "install: PREFIX=/usr puts kut-*.pc where plain pkg-config looks"
fi
if grep -rlI "$src" "$tmp/prefix" >/dev/null 2>&1; then
	fail "install: no installed text file refers to the source tree" \
		"$(grep -rlI "$src" "$tmp/prefix" | head -3)"
else
	pass "install: no installed text file refers to the source tree"
fi

# Relocate the prefix: .pc paths are relative to the .pc file.
mv "$tmp/prefix" "$tmp/moved"
export PKG_CONFIG_PATH="$tmp/moved/lib/pkgconfig"
KUT_RUN=$tmp/moved/bin/kut-run
work=$tmp/work
mkdir -p "$work"
cp examples/hello.c tests/e2e/probe-ud.c "$work/"

# The x86 arches: each from its own pkg-config data, GCC and Clang.
for arch in x86_64 i386; do
	case " $ARCHES " in *" $arch "*) ;; *) continue ;; esac
	pkg=kut-$arch
	case $arch in
	x86_64) want_cc=x86_64-linux-gnu-gcc ;;
	i386) want_cc=i686-linux-gnu-gcc ;;
	esac
	cc=$(pkg-config --variable=cc $pkg)
	if [ "$cc" = "$want_cc" ]; then
		pass "pkg-config --variable=cc $pkg names the compiler ($cc)"
	else
		fail "pkg-config --variable=cc $pkg names the compiler" "got '$cc'"
	fi
	objcopy=$(pkg-config --variable=objcopy $pkg)
	flatflags=$(pkg-config --variable=flatflags $pkg)
	clang_cc="clang --target=$(pkg-config --variable=clang_target $pkg)"

	for compiler in "$cc" "$clang_cc"; do
		c="$arch ${compiler%% *}"
		# Exactly the documented line: library flags before the source.
		( cd "$work" && rm -f hello.elf hello.flat &&
		  $compiler $(pkg-config --cflags --libs $pkg) -o hello.elf hello.c &&
		  $objcopy $flatflags hello.elf hello.flat ) >"$(logfile "e2e $c one-line")" 2>&1
		if [ -f "$work/hello.flat" ]; then
			pass "e2e $c: one-line pkg-config build and flat step"
		else
			fail "e2e $c: one-line pkg-config build and flat step"
			show_log "$(logfile "e2e $c one-line")"
		fi
		expect_exit 0 "e2e $c: installed kut-run runs hello.flat" \
			"$KUT_RUN" "$work/hello.flat" -append 'a b'
		expect_log "e2e $c: installed kut-run runs hello.flat" \
			'^PASS: argument 2 is "b"' '^SUMMARY: 2 tests$'
		expect_exit 0 "e2e $c: installed kut-run runs hello.elf" \
			"$KUT_RUN" "$work/hello.elf" -append x

		expect_exit 0 "e2e $c: separate compile and link steps" sh -c "
			cd '$work' && rm -f probe-ud.o probe-ud.elf &&
			$compiler \$(pkg-config --cflags $pkg) -c probe-ud.c -o probe-ud.o &&
			$compiler \$(pkg-config --libs $pkg) -o probe-ud.elf probe-ud.o"
		expect_exit 0 "e2e $c: ASM_TRY and constructors survive --gc-sections" \
			"$KUT_RUN" "$work/probe-ud.elf"
	done
done

# examples/, kut.mk and kut-new: tests/e2e/sdk.sh.
