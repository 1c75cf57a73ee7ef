# SPDX-License-Identifier: MIT
# first-line.sh - sourced by the firmware benches (ppc-firmware,
# riscv-firmware): how long QEMU takes to reach a kut image, timed to
# the image's first console line.  The sourcing script sets $tmp (a
# scratch directory).

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# median: the median of the numbers on stdin, one a line.
median() {
	sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

# first_line_ms CMD...: milliseconds until CMD prints its first line
# starting "PASS:" or "kut:" (60 s at most); CMD is killed then.
first_line_ms() {
	rm -f "$tmp/fifo"
	mkfifo "$tmp/fifo"
	t0=$(now_ms)
	timeout 60 "$@" -append pass </dev/null >"$tmp/fifo" 2>/dev/null &
	pid=$!
	# (A shell loop: awk may read ahead, waiting for more than a line.)
	while IFS= read -r line; do
		case $line in PASS:* | kut:*) break ;; esac
	done <"$tmp/fifo"
	t1=$(now_ms)
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	echo $((t1 - t0))
}
