#!/bin/sh
# SPDX-License-Identifier: MIT
# A section that dies after its first check (fixture of check-harness.sh).
echo "ok - first"
kill -9 $$
echo "ok - never reached"
