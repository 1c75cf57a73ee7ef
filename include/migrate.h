/* SPDX-License-Identifier: MIT */
/*
 * migrate.h - the guest's side of a live migration test.
 *
 * The guest cannot migrate itself: it asks the harness to, by printing a
 * line the harness watches for, then waits for one byte on the console
 * (getchar()) that the harness sends once the destination runs.  The
 * lines are those of upstream kvm-unit-tests, so its runner and kut-run
 * both drive it; run the test from a cfg entry in group "migration".
 * Run outside such a harness, a test waits in getchar() until its
 * timeout: nothing sends the byte.
 */
#ifndef _MIGRATE_H_
#define _MIGRATE_H_

/* Ask for a migration and wait until it is done ("Migration complete"). */
void migrate(void);
/* The same without the INFO line, for tests that migrate many times. */
void migrate_quiet(void);
/* migrate(), the first time it is called; later calls do nothing. */
void migrate_once(void);
/*
 * Tell the harness no migration will be asked for (the migrating part of
 * the test was skipped), so it does not report a failure to migrate.
 * Only the first call says so.
 */
void migrate_skip(void);
/*
 * Have the harness migrate over and over, until migrate_end_continuous()
 * (which waits for the last migration to finish).
 */
void migrate_begin_continuous(void);
void migrate_end_continuous(void);

#endif /* _MIGRATE_H_ */
