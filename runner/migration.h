/* SPDX-License-Identifier: MIT */
/*
 * migration.h - run a test of upstream's "migration" group: the guest
 * asks to be migrated (migrate.h's cue lines), kut-run migrates it.
 *
 * The source QEMU gets a QMP monitor on a unix socket and a stdin pipe.
 * When the guest prints "Now migrate the VM", a destination QEMU with
 * the same command line and -incoming unix:SOCKET starts; the source is
 * told to migrate there through QMP (qmp.h), asked for its state until
 * the migration completed, and told to quit; a newline on the
 * destination's stdin ends the guest's getchar(), and the test goes on
 * there.  Each later cue migrates again, to a new destination.  "Skipped
 * VM migration" gets its newline on the spot.  "Begin continuous
 * migration" gets its newline at once, and the guest is migrated again
 * and again, with no key press, until it prints "End continuous
 * migration": the migration then in flight is the last, and its
 * destination gets the newline.  A cue out of place (Begin twice, a skip
 * or an End outside a chain) fails the test, as upstream's runner does.
 * The verdict is the last QEMU's.
 */
#ifndef KUT_RUNNER_MIGRATION_H
#define KUT_RUNNER_MIGRATION_H

#include "launch.h"

/*
 * launch_run() for a migration test: @req as for one QEMU (its timeout
 * bounds the whole test).  kut-run's own notes ("migration 1: ...") go to
 * @req->output as QEMU stderr lines.  Blocks until the test ends; other
 * launches keep being serviced meanwhile (launch_wait()).
 */
void migration_run(const struct launch_request *req,
		   struct launch_result *res);

/*
 * launch_run() for a test of upstream's "panic" group, which passes when
 * the guest panics: QEMU starts stopped (-S) with a QMP monitor, is let
 * go once kut-run listens for events, and the test passes when QEMU
 * reports GUEST_PANICKED (then QEMU is told to quit), and fails with
 * "guest did not panic" otherwise.
 */
void panic_run(const struct launch_request *req, struct launch_result *res);

#endif /* KUT_RUNNER_MIGRATION_H */
