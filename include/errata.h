/* SPDX-License-Identifier: MIT */
/*
 * errata.h - skip checks that would hang or crash a host without a given
 * fix, unless the environment says the fix is there.
 *
 * Each guarded check is named after the commit of the fix, e.g.
 * ERRATA(6c7a5dce22b3) looks up ERRATA_6c7a5dce22b3 in the environment
 * (kut-run -e ERRATA_6c7a5dce22b3=y, or the runner's errata file):
 *   ERRATA(x)          true only when the variable starts with 1, y or Y
 *                      (an unsafe check runs only when asked for);
 *   ERRATA_RELAXED(x)  true unless it starts with 0, n or N (a check that
 *                      is merely wrong on old hosts runs by default).
 * ERRATA_FORCE=y in the environment (or CONFIG_ERRATA_FORCE defined to 1
 * at build time) makes every one of them true.
 */
#ifndef _ERRATA_H_
#define _ERRATA_H_

#include <libcflat.h>

#ifndef CONFIG_ERRATA_FORCE
#define CONFIG_ERRATA_FORCE	0
#endif

#define _ERRATA(erratum)		errata("ERRATA_" #erratum)
#define ERRATA(erratum)			_ERRATA(erratum)
#define _ERRATA_RELAXED(erratum)	errata_relaxed("ERRATA_" #erratum)
#define ERRATA_RELAXED(erratum)		_ERRATA_RELAXED(erratum)

/* Whether the environment variable @name starts with one of @chars. */
static inline bool __errata_env_is(const char *name, const char *chars)
{
	const char *s = getenv(name);

	return s && *s && strchr(chars, *s);
}

static inline bool errata_force(void)
{
	return CONFIG_ERRATA_FORCE == 1 || __errata_env_is("ERRATA_FORCE", "1yY");
}

/* @erratum is the variable's whole name, "ERRATA_<commit>". */
static inline bool errata(const char *erratum)
{
	return errata_force() || __errata_env_is(erratum, "1yY");
}

static inline bool errata_relaxed(const char *erratum)
{
	return errata_force() || !__errata_env_is(erratum, "0nN");
}

#endif /* _ERRATA_H_ */
