#!/usr/bin/perl
# SPDX-License-Identifier: MIT
# api-coverage.pl - every function and macro an installed header declares
# is documented: by a comment right above it (the comment may head a
# paragraph of related declarations, with no blank line between), by a
# comment on its own line, or in docs/ (the name in backquotes, `name`,
# `name()`, or a pattern such as `X86_CR0_*`).  Names starting with "_"
# are internal by C convention, and so are macros the header #undefs
# again (generators) and include guards.
#
# Usage: tests/docs/api-coverage.pl INCLUDE_DIR DOCS_DIR
# Prints "header:line: name" for each undocumented name; exits 1 if any.
use strict;
use warnings;
use File::Find;

my ($incdir, $docdir) = @ARGV;
die "usage: $0 INCLUDE_DIR DOCS_DIR\n" unless defined $docdir;

# Names and patterns the documentation mentions in backquotes.
my (%doc_names, @doc_patterns);
find(sub {
	return unless /\.md$/;
	open(my $fh, '<', $_) or die "$File::Find::name: $!\n";
	local $/;
	my $text = <$fh>;
	while ($text =~ /`([^`\n]+)`/g) {
		my $tok = $1;
		if ($tok =~ /^([A-Za-z_]\w*)\*$/) {
			push @doc_patterns, $1;
		} elsif ($tok =~ /^(?:[\w\s\*]*?\s\**)?([A-Za-z_]\w*)\s*(?:\(|$)/) {
			$doc_names{$1} = 1;
		}
	}
}, $docdir);

sub in_docs {
	my ($name) = @_;
	return 1 if $doc_names{$name};
	for my $p (@doc_patterns) {
		return 1 if index($name, $p) == 0;
	}
	return 0;
}

my @headers;
find(sub { push @headers, $File::Find::name if /\.h$/ }, $incdir);

my $missing = 0;
for my $h (sort @headers) {
	open(my $fh, '<', $h) or die "$h: $!\n";
	my @lines = <$fh>;
	close($fh);
	chomp @lines;

	my %undef;
	my $guard;
	for my $l (@lines) {
		$undef{$1} = 1 if $l =~ /^#\s*undef\s+(\w+)/;
		$guard //= $1 if $l =~ /^#\s*ifndef\s+(\w+)/;
	}

	my $depth = 0;
	my $in_comment = 0;
	for my $i (0 .. $#lines) {
		my $l = $lines[$i];
		my $at_top = $depth == 0 && !$in_comment;
		my $code = $l;
		$code =~ s{/\*.*?\*/}{}g;
		$code =~ s{//.*}{};
		if ($in_comment) {
			$in_comment = 0 if $l =~ m{\*/};
		} elsif ($code =~ m{/\*}) {
			$in_comment = 1;
		}
		my $name;
		if ($at_top && $l =~ /^#\s*define\s+(\w+)/) {
			$name = $1;
			undef $name if defined $guard && $name eq $guard;
		} elsif ($at_top && $l =~ /^(?!typedef\b|struct\b[^(]*\{|union\b|enum\b|return\b)[A-Za-z_][\w\s\*]*?\b([A-Za-z_]\w*)\s*\(/) {
			$name = $1;
		}
		$depth += () = $code =~ /\{/g;
		$depth -= () = $code =~ /\}/g;
		next unless defined $name;
		next if $name =~ /^_/ || $undef{$name};
		next if $l =~ m{/\*|//};	# a comment on the same line
		next if documented_above(\@lines, $i) || in_docs($name);
		printf "%s:%d: %s\n", $h, $i + 1, $name;
		$missing++;
	}
}
exit($missing ? 1 : 0);

# Walk up the paragraph (no blank line) to a comment's end.
sub documented_above {
	my ($lines, $i) = @_;
	for (my $j = $i - 1; $j >= 0; $j--) {
		my $l = $lines->[$j];
		return 0 if $l =~ /^\s*$/;
		return 1 if $l =~ m{\*/\s*$} || $l =~ m{^\s*//};
	}
	return 0;
}
