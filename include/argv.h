/* SPDX-License-Identifier: MIT */
/*
 * argv.h - the test's arguments and environment as the start-up code
 * builds them (main() receives the same argc/argv).
 */
#ifndef _ARGV_H_
#define _ARGV_H_

extern int __argc, __envc;
extern const char *__args;	/* the command line as given */
extern char *__argv[];
extern char *__environ[];

/* Split @args at blanks into __argv (replacing what was there). */
void setup_args(const char *args);
/* The same, with argv[0] set to the program name first. */
void setup_args_progname(const char *args);
/* Append one argument. */
void add_setup_arg(const char *arg);
/*
 * Parse "KEY=VAL" lines of the first @size bytes of @env (modified in
 * place) into __environ; @env must be NUL-terminated at or before @size.
 */
void setup_env(char *env, int size);

#endif /* _ARGV_H_ */
