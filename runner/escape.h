/* SPDX-License-Identifier: MIT */
/*
 * escape.h - writing untrusted text (guest output, test names, reasons)
 * into JSON, XML and TAP so the result still parses.
 *
 * A guest can print anything, including bytes that are not UTF-8 and
 * control characters XML 1.0 forbids even as references; a report that
 * breaks on them is worse than none, so such bytes become U+FFFD.
 */
#ifndef KUT_RUNNER_ESCAPE_H
#define KUT_RUNNER_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

/* @s as a JSON string, quotes included (also a YAML flow scalar). */
void put_json_string(FILE *f, const char *s);

/* @s as XML character data (newlines kept as they are). */
void put_xml_text(FILE *f, const char *s);
/* @s as an XML attribute value (quotes and newlines escaped). */
void put_xml_attr(FILE *f, const char *s);

/* @s as a TAP description: '#' and '\' escaped, control bytes dropped. */
void put_tap_text(FILE *f, const char *s);

/* @s as a line of a YAML block scalar: control bytes become spaces. */
void put_yaml_line(FILE *f, const char *s);

/*
 * @s for a terminal: control characters (C0 but tab, DEL, C1) written as
 * \xHH, so a test name or reason cannot move the cursor, change colours
 * or retitle the window.  Newlines are kept with @multiline, else escaped.
 */
void put_terminal_text(FILE *f, const char *s, bool multiline);

#endif /* KUT_RUNNER_ESCAPE_H */
