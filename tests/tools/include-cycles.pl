#!/usr/bin/perl
# SPDX-License-Identifier: MIT
# include-cycles.pl - find headers that include each other in a circle.
#
# Usage: include-cycles.pl -I DIR... -- HEADER-DIR...
# Every *.h under the HEADER-DIRs is read; #include <x> is looked up in
# the -I directories in order (as the compiler would, with one arch's
# include path), #include "x" beside the including file first.  Headers
# that are not found (the compiler's, libfdt's) end the walk.  Prints
# each circle as "a.h -> b.h -> a.h" and exits 1 if there is one.
use strict;
use warnings;
use File::Basename qw(dirname);
use File::Find qw(find);

my (@inc, @roots);
my $list = \@inc;
while (@ARGV) {
	my $a = shift @ARGV;
	if ($a eq '--') { $list = \@roots; next; }
	if ($a eq '-I') { push @inc, shift @ARGV; next; }
	if ($a =~ /^-I(.+)/) { push @inc, $1; next; }
	push @$list, $a;
}
die "usage: include-cycles.pl -I DIR... -- HEADER-DIR...\n" unless @roots;

sub resolve {
	my ($from, $name, $quoted) = @_;
	my @dirs = (($quoted ? (dirname($from)) : ()), @inc);
	for my $d (@dirs) {
		my $p = "$d/$name";
		1 while $p =~ s{/[^/]+/\.\./}{/};
		return $p if -f $p;
	}
	return undef;
}

my %edges;
sub edges_of {
	my ($file) = @_;
	return $edges{$file} if $edges{$file};
	my @e;
	open(my $fh, '<', $file) or die "include-cycles.pl: $file: $!\n";
	while (<$fh>) {
		next unless /^\s*#\s*include\s*([<"])([^>"]+)[>"]/;
		my $to = resolve($file, $2, $1 eq '"');
		push @e, $to if defined $to;
	}
	close $fh;
	return $edges{$file} = \@e;
}

my (%state, @stack, %seen_cycle);
my $found = 0;
sub visit {
	my ($f) = @_;
	$state{$f} = 1;
	push @stack, $f;
	for my $t (@{edges_of($f)}) {
		if (($state{$t} // 0) == 1) {
			my ($i) = grep { $stack[$_] eq $t } 0 .. $#stack;
			my @c = (@stack[$i .. $#stack], $t);
			my $key = join(' ', sort @c[0 .. $#c - 1]);
			next if $seen_cycle{$key}++;
			print join(' -> ', @c), "\n";
			$found = 1;
		} elsif (!$state{$t}) {
			visit($t);
		}
	}
	pop @stack;
	$state{$f} = 2;
}

my @headers;
find({ no_chdir => 1, wanted => sub { push @headers, $_ if /\.h$/ && -f } }, @roots);
visit($_) for grep { !$state{$_} } sort @headers;
exit $found;
