#!/bin/sh
# SPDX-License-Identifier: MIT
# gitlab-ci.sh - examples/ci/gitlab-ci.yml, run for real by gitlab-ci-local
# (the npm package; shell executor, each job in its own copy of the tree,
# artifacts handed from job to job as GitLab does) on a snapshot of this
# tree: the build job runs once, every shard of the parallel suite job
# runs and passes, each shard's JUnit file validates against
# tests/junit.xsd, and the shards together ran the whole suite, each test
# exactly once.  gitlab-ci-local comes from PATH or, with npm, from the
# npm registry into the build tree; without either this skips.
. tests/lib.sh

PIPELINE=examples/ci/gitlab-ci.yml
XSD=$(pwd)/tests/junit.xsd
n="gitlab-ci: $PIPELINE under gitlab-ci-local"
# gitlab-ci-local from PATH (or GITLAB_CI_LOCAL=), else from the npm
# registry into the build tree: this version, the last one that runs on
# Node.js 20 (later ones use Node 22's Set methods).
GCL_VERSION=4.69.0
GCL=${GITLAB_CI_LOCAL:-gitlab-ci-local}
if ! command -v "$GCL" >/dev/null 2>&1; then
	prefix=$(pwd)/$BUILD/tools/npm
	case $BUILD in /*) prefix=$BUILD/tools/npm ;; esac
	GCL=$prefix/node_modules/.bin/gitlab-ci-local
	if [ ! -x "$GCL" ]; then
		if ! command -v npm >/dev/null 2>&1; then
			skip "$n" "gitlab-ci-local not installed, and no npm to install it with"
			exit 0
		fi
		if ! npm install --prefix "$prefix" --no-audit --no-fund \
		     "gitlab-ci-local@$GCL_VERSION" >"$(logfile npm)" 2>&1; then
			skip "$n" "npm install gitlab-ci-local@$GCL_VERSION failed: $(tail -1 "$(logfile npm)")"
			exit 0
		fi
	fi
fi
if ! version=$("$GCL" --version 2>&1); then
	skip "$n" "gitlab-ci-local does not start here: $(echo "$version" | grep -m1 Error)"
	exit 0
fi
for tool in git rsync; do
	if ! command -v $tool >/dev/null 2>&1; then
		skip "$n" "$tool not installed (gitlab-ci-local's shell isolation needs it)"
		exit 0
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kut-gitlab.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A repository holding this tree as it is now (tracked files, with their
# uncommitted changes), the pipeline as its .gitlab-ci.yml.
repo=$tmp/repo
mkdir -p "$repo"
git ls-files -co --exclude-standard -z | xargs -0 tar -cf - | tar -xf - -C "$repo"
cp "$PIPELINE" "$repo/.gitlab-ci.yml"
(cd "$repo" && git init -q && git add -A &&
	git -c user.name=kut -c user.email=kut@localhost commit -qm snapshot) ||
	{ fail "$n: a snapshot repository"; exit 0; }

shards=$(sed -n 's/^  parallel: *\([0-9][0-9]*\)$/\1/p' "$PIPELINE")
# The shards share this one machine, where GitLab gives each a runner:
# one job and one test at a time, or the x86 timer tests (apic) miss
# their deadlines on 2 loaded CPUs.  TCG, as on GitLab's shared runners:
# this host's KVM (PVM) fails tests the suite records as known failures
# under KVM only (tests/x86_64/expected.kvm).
log=$(logfile "$n")
(cd "$repo" && "$GCL" --shell-isolation --force-shell-executor \
	--concurrency 1 --variable "KUT_RUN_FLAGS=-j1 --accel=tcg" --no-color) >"$log" 2>&1
status=$?
if [ $status -eq 0 ] && grep -q 'PASS  *build' "$log"; then
	pass "$n: the pipeline passes ($version)"
else
	fail "$n: the pipeline passes" "exit status $status"
	grep -E 'PASS|FAIL|rror' "$log" | sed 's/^/#   | /' | head -20
fi
builds=$(grep -c '^build  *starting shell' "$log")
if [ "$builds" -eq 1 ]; then
	pass "gitlab-ci: the build job ran once"
else
	fail "gitlab-ci: the build job ran once" "$builds times"
fi

suite=$repo/build/gcc/x86_64/tests
"$repo/build/host/kut-run" -l "$suite" 2>/dev/null | sort >"$tmp/suite"
: >"$tmp/ran"
k=1
while [ "$k" -le "${shards:-0}" ]; do
	junit=$repo/junit-$k.xml
	if grep -Eq "PASS  *suite: \[$k/$shards\]" "$log" && [ -s "$junit" ]; then
		pass "gitlab-ci: shard $k/$shards ran, passed and wrote its JUnit"
	else
		fail "gitlab-ci: shard $k/$shards ran, passed and wrote its JUnit"
	fi
	if xmllint --noout --schema "$XSD" "$junit" >"$tmp/xmllint" 2>&1; then
		pass "gitlab-ci: junit-$k.xml validates against tests/junit.xsd"
	else
		fail "gitlab-ci: junit-$k.xml validates against tests/junit.xsd"
		show_log "$tmp/xmllint"
	fi
	sed -n 's/.*<testcase name="\([^"]*\)".*/\1/p' "$junit" >>"$tmp/ran"
	k=$((k + 1))
done
sort "$tmp/ran" >"$tmp/ran.sorted"
if [ "${shards:-0}" -ge 2 ] && [ -s "$tmp/suite" ] &&
   cmp -s "$tmp/suite" "$tmp/ran.sorted"; then
	pass "gitlab-ci: the $shards shards ran the whole suite ($(wc -l <"$tmp/suite") tests), each test once"
else
	fail "gitlab-ci: the shards ran the whole suite, each test once" \
		"$shards shards; diff of the suite and what ran:"
	diff "$tmp/suite" "$tmp/ran.sorted" | sed 's/^/#   /' | head -20
fi
