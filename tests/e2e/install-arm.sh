#!/bin/sh
# SPDX-License-Identifier: MIT
# install-arm.sh - the installed SDK for arm64 and arm (and riscv64,
# ppc64le and ppc64, the other device-tree arches, and s390x, which has
# none), end to end: the install carries libfdt.a and its headers beside
# libkut where the arch has a device tree; a test builds from one file
# with only the installed pkg-config data (GCC and Clang), becomes a
# .flat and runs with the installed kut-run; examples/ builds and runs
# the same way from a copy outside the source tree.  For s390x, a test
# with a snippet (tests/e2e/snippet/) builds with kut.mk's
# <test>_SNIPPETS and checks the snippet image it carries.
. tests/lib.sh

arm_arches=
for a in arm64 arm riscv64 s390x ppc64le ppc64; do
	case " $ARCHES " in *" $a "*) arm_arches="$arm_arches $a" ;; esac
done
if [ -z "$arm_arches" ]; then
	skip "device-tree arch install" "none of arm64, arm, riscv64, s390x, ppc64le, ppc64 in ARCHES ($ARCHES)"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-e2e-arm.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

expect_exit 0 "arm install: PREFIX" \
	make --no-print-directory BUILD="$BUILD" ARCHES="$arm_arches" \
	PREFIX="$tmp/prefix" install
# Whether arch $1 has a device tree (and so libfdt).
has_dt() {
	[ "$1" != s390x ]
}

for a in $arm_arches; do
	case $a in
	s390x)	own="include/kut/s390x/asm/arch_def.h include/kut/s390x/asm/sigp.h
		     include/kut/s390x/sclp.h include/kut/s390x/hardware.h
		     include/kut/s390x/sie.h include/kut/s390x/snippet.h
		     include/kut/s390x/snippet/snippet-exit.h
		     lib/kut/s390x/libkut-s390x-snippet.a lib/kut/s390x/snippet.lds
		     lib/kut/s390x/snippet-asm.lds lib/pkgconfig/kut-s390x-snippet.pc
		     lib/pkgconfig/kut-s390x-snippet-asm.pc" ;;
	riscv64) own="include/kut/$a/asm/sbi.h include/kut/$a/asm/processor.h
		      include/kut/$a/asm/asm-offsets.h include/kut/kbuild.h" ;;
	ppc64*)	own="include/kut/$a/asm/rtas.h include/kut/$a/asm/hcall.h" ;;
	*)	own="include/kut/$a/asm/gic.h include/kut/$a/asm/processor.h" ;;
	esac
	has_dt $a && own="$own lib/kut/$a/libfdt.a include/kut/devicetree.h
		include/kut/$a/libfdt/libfdt.h include/kut/$a/libfdt/libfdt_env.h"
	for f in lib/kut/$a/libkut-$a.a lib/kut/$a/kut.lds lib/pkgconfig/kut-$a.pc $own \
		 share/kvm-unit-tests/$a/selftest.flat share/kvm-unit-tests/$a/unittests.cfg; do
		if [ -f "$tmp/prefix/$f" ]; then
			pass "arm install: $f"
		else
			fail "arm install: $f"
		fi
	done
done

export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
KUT_RUN=$tmp/prefix/bin/kut-run
work=$tmp/work
mkdir -p "$work"
cp examples/hello.c tests/e2e/probe-dt.c tests/e2e/probe-asm-offsets.c \
	tests/e2e/probe-asm.S "$work/"

for a in $arm_arches; do
	pkg=kut-$a
	cc=$(pkg-config --variable=cc $pkg)
	objcopy=$(pkg-config --variable=objcopy $pkg)
	flatflags=$(pkg-config --variable=flatflags $pkg)
	clang_cc="clang --target=$(pkg-config --variable=clang_target $pkg)"
	for compiler in "$cc" "$clang_cc"; do
		c="$a ${compiler%% *}"
		probes=hello
		has_dt $a && probes="hello probe-dt"
		for t in $probes; do
			log=$(logfile "e2e $c $t build")
			( cd "$work" && rm -f $t.elf $t.flat &&
			  $compiler $(pkg-config --cflags --libs $pkg) -o $t.elf $t.c &&
			  $objcopy $flatflags $t.elf $t.flat ) >"$log" 2>&1
			if [ -f "$work/$t.flat" ]; then
				pass "e2e $c: $t.c, one-line pkg-config build and flat step"
			else
				fail "e2e $c: $t.c, one-line pkg-config build and flat step"
				show_log "$log"
			fi
		done
		if [ $a = riscv64 ]; then
			# An assembly file with its own generated offsets header.
			expect_exit 0 "e2e $c: asm-offsets makes a test's generated/ header" \
				sh -c 'cd "$1" && mkdir -p gen/generated && shift &&
					"$(pkg-config --variable=asm_offsets kut-riscv64)" \
					gen/generated/probe-asm-offsets.h "$@" probe-asm-offsets.c' \
				sh "$work" $compiler $(pkg-config --cflags $pkg)
			expect_exit 0 "e2e $c: probe-asm.S assembles with asm/asm.h and both offsets headers" \
				sh -c 'cd "$1" && shift && "$@" -Igen -c -o probe-asm.o probe-asm.S' \
				sh "$work" $compiler $(pkg-config --cflags $pkg)
		fi
		expect_exit 0 "e2e $c: installed kut-run runs hello.flat" \
			env ACCEL=tcg "$KUT_RUN" "$work/hello.flat" -append 'a b'
		expect_log "e2e $c: installed kut-run runs hello.flat" \
			'^PASS: argument 2 is "b"' '^SUMMARY: 2 tests$'
		has_dt $a || continue
		expect_exit 0 "e2e $c: devicetree.h and libfdt from the install" \
			env ACCEL=tcg "$KUT_RUN" "$work/probe-dt.flat" -smp 2 -append probe
		expect_log "e2e $c: devicetree.h and libfdt from the install" \
			'^PASS: libfdt finds the (PL011|ns16550a|hvterm1 vty)' '^SUMMARY: 5 tests$'
	done

	rm -rf "$tmp/examples"
	cp -r examples "$tmp/examples"
	for cc in gcc clang; do
		if [ $cc = clang ]; then ccarg="CC=clang"; else ccarg=; fi
		expect_exit 0 "e2e examples/: builds for $a with $cc against the installed SDK" \
			make -C "$tmp/examples" --no-print-directory ARCH=$a ARCHES=$a $ccarg
		flat=$(find "$tmp/examples" -name hello.flat -path "*$a*" | head -1)
		if [ -n "$flat" ]; then
			expect_exit 0 "e2e examples/: $a hello.flat ($cc) runs" \
				env ACCEL=tcg "$KUT_RUN" "$flat" -append 'x y'
		else
			fail "e2e examples/: $a hello.flat ($cc) runs" "no hello.flat built"
		fi
	done

	[ $a = s390x ] || continue
	rm -rf "$tmp/snippet"
	cp -r tests/e2e/snippet "$tmp/snippet"
	for cc in gcc clang; do
		if [ $cc = clang ]; then ccarg="CC=clang"; else ccarg=; fi
		expect_exit 0 "e2e s390x snippet: kut.mk builds a test and its snippet with $cc" \
			make -C "$tmp/snippet" --no-print-directory ARCH=s390x ARCHES=s390x O=$cc $ccarg
		expect_exit 0 "e2e s390x snippet: the $cc image carries the snippet" \
			env ACCEL=tcg "$KUT_RUN" "$tmp/snippet/$cc/s390x/sie-probe.flat"
		expect_log "e2e s390x snippet: the $cc image carries the snippet" \
			'^PASS: snippet: restart PSW at 0x1a0: 64-bit, at 0x4000' \
			'^SKIP: SIEF2 facility unavailable' '^SUMMARY: 6 tests, 1 skipped'
	done
done
