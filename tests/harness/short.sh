#!/bin/sh
# SPDX-License-Identifier: MIT
# A section that exits 0 after two checks, fewer than its floor (fixture
# of check-harness.sh).
echo "ok - first"
echo "ok - second"
