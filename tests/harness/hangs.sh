#!/bin/sh
# SPDX-License-Identifier: MIT
# A section that hangs, with a child, after its first check (fixture of
# check-harness.sh): the time limit must end both.
echo "ok - first"
sleep 1000 &
wait
