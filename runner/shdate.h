/* SPDX-License-Identifier: MIT */
/*
 * shdate.h - the one command substitution kut-run does itself: date(1)'s
 * seconds since the epoch, which upstream's cfgs hand to guests that
 * check a clock (powerpc's rtas-get-time-of-day: "date=$(date +%s)",
 * x86's kvmclock_test: "`date +%s`").
 *
 * kut-run runs no shell (shsplit.h), so anything else in $(...) or `...`
 * stays text.  These forms, outside single quotes, become the number:
 *	$(date +%s)			the time now
 *	$(date --date=D +%s)		the date D, also --date D and -d D
 * in `...` as well, D quoted ("..." or '...') or one word, and D one of
 *	YYYY-MM-DD[ HH:MM[:SS]][ UTC]	local time unless it says UTC
 *	@SECONDS
 */
#ifndef KUT_RUNNER_SHDATE_H
#define KUT_RUNNER_SHDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/*
 * Expand the date substitutions of @s with @now as the time now.
 * Returns 0 with *@out NULL when @s has none, or a malloc'd copy with
 * each replaced by its number; *@used_now tells whether one asked for
 * the time now (the caller may then expand again when the test starts).
 * Returns -1 with the problem in @err for a date D it cannot read.
 */
int sh_expand_dates(const char *s, time_t now, char **out, bool *used_now,
		    char *err, size_t errsize);

#endif /* KUT_RUNNER_SHDATE_H */
