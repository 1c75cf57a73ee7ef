// SPDX-License-Identifier: MIT
/*
 * migrate.c - migrate.h: print the harness's cue, wait for its byte.
 *
 * The cue strings are part of the protocol with the harness (upstream's
 * scripts/arch-run.bash and kut-run match them), so they must not change.
 * The harness may not see a line until its newline, hence the "\n".
 */
#include <libcflat.h>
#include <migrate.h>

static void ask(const char *cue)
{
	puts(cue);
	(void)getchar();
}

void migrate(void)
{
	ask("Now migrate the VM, then press a key to continue...\n");
	report_info("Migration complete");
}

void migrate_quiet(void)
{
	ask("Now migrate the VM (quiet)\n");
}

void migrate_once(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	migrate();
}

void migrate_skip(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	ask("Skipped VM migration (quiet)\n");
}

void migrate_begin_continuous(void)
{
	ask("Begin continuous migration\n");
}

void migrate_end_continuous(void)
{
	/*
	 * The line may be cut between the source's and the destination's
	 * output; printed twice, one copy is whole on one side.
	 */
	puts("End continuous migration\n");
	ask("End continuous migration (quiet)\n");
}
