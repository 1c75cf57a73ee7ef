// SPDX-License-Identifier: MIT
/*
 * x86-bare-includes.c - upstream's x86 tests include the x86 headers
 * bare ("processor.h", "desc.h", "apic.h", "vm.h" ...), because upstream
 * builds them with -I lib/x86; kut-x86_64.pc puts the x86/ headers on the
 * path the same way.  This test is written like those: if a bare include
 * stops resolving, upstream tests stop building here.
 */
#include "libcflat.h"
#include "processor.h"
#include "desc.h"
#include "msr.h"
#include "apic.h"
#include "apic-defs.h"
#include "isr.h"
#include "vm.h"
#include "atomic.h"
#include "fwcfg.h"
#include "smp.h"

int main(void)
{
	u64 apicbase = rdmsr(MSR_IA32_APICBASE);

	report(read_cs() == KERNEL_CS, "desc.h: KERNEL_CS in CS");
	report(apicbase & APIC_EN, "msr.h/apic-defs.h: APIC enabled in IA32_APICBASE");
	report(apic_id() == id_map[smp_id()], "apic.h: apic_id() is this CPU's");
	report(cpu_count() == (int)fwcfg_get_nb_cpus(), "fwcfg.h: %d CPUs",
	       cpu_count());
	report(get_pte(current_page_table(), (void *)main) != NULL,
	       "vm.h: main() is mapped");
	return report_summary();
}
