// SPDX-License-Identifier: MIT
/*
 * s3.c - a suspend to ACPI S3 and the wake through the FACS waking
 * vector: the test copies a real-mode stub below 1 MiB, points the
 * FACS's firmware waking vector at it, arms the RTC alarm (PM1 RTC_EN,
 * an alarm every second) and writes SLP_TYP|SLP_EN to PM1a_CNT.  QEMU
 * suspends, the alarm wakes it with a reset, and the firmware jumps to
 * the vector: the stub prints the PASS and SUMMARY lines and exits 0
 * through isa-debug-exit.  Reaching it is the whole check.
 *
 * Only firmware with S3 resume gets there (SeaBIOS: unittests.cfg gives
 * -bios bios.bin).  Under qboot, kut-run's default, the wake boots the
 * image again and kut's start-up must end the test at once, saying why,
 * instead of suspending again until the timeout (make check runs both).
 */
#include <libcflat.h>
#include <asm/io.h>
#include <x86/acpi.h>

#define WAKE_PA			0x1000	/* below the SMP trampoline */
#define PM1_EN_RTC		0x0400	/* PM1 enable register: RTC_EN */
#define PM1_CNT_SLP_S3		(1 << 10)	/* SLP_TYP of QEMU's \_S3 */
#define PM1_CNT_SLP_EN		(1 << 13)
#define RTC_SECONDS_ALARM	0x01
#define RTC_MINUTES_ALARM	0x03
#define RTC_HOURS_ALARM		0x05
#define RTC_ALARM_ANY		0xc0	/* "don't care": every second */
#define RTC_REG_A		0x0a
#define RTC_REG_B		0x0b
#define RTC_REG_C		0x0c
#define RTC_A_UIP		0x80
#define RTC_B_AIE		0x20

extern const char s3_wake[], s3_wake_end[];

/*
 * Entered in real mode at WAKE_PA >> 4 : 0, so addressed relative to
 * itself.  Exit code 0 is a pass.
 */
asm(".pushsection .rodata.s3_wake, \"a\"\n"
    ".code16\n"
    "s3_wake:\n"
    "	cli\n"
    "	cld\n"
    "	mov %cs, %ax\n"
    "	mov %ax, %ds\n"
    "	mov $0x3f8, %dx\n"
    "	mov $(1f - s3_wake), %si\n"
    "	mov $(2f - 1f), %cx\n"
    "	rep outsb\n"
    "	xor %eax, %eax\n"
    "	mov $0xf4, %dx\n"
    "	out %eax, %dx\n"
    "3:	hlt\n"
    "	jmp 3b\n"
    "1:	.ascii \"PASS: s3: woke through the FACS waking vector\\n\"\n"
    "	.ascii \"SUMMARY: 1 tests\\n\"\n"
    "2:\n"
    "s3_wake_end:\n"
#ifdef __x86_64__
    ".code64\n"
#else
    ".code32\n"
#endif
    ".popsection\n");

static u8 rtc_read(u8 reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static void rtc_write(u8 reg, u8 val)
{
	outb(reg, 0x70);
	outb(val, 0x71);
}

/* Wait for the end of the RTC's next once-a-second update. */
static void rtc_next_second(void)
{
	while (!(rtc_read(RTC_REG_A) & RTC_A_UIP))
		;
	while (rtc_read(RTC_REG_A) & RTC_A_UIP)
		;
}

int main(void)
{
	struct acpi_table_facs_rev1 *facs = find_acpi_table_addr(FACS_SIGNATURE);
	struct acpi_table_fadt *fadt = find_acpi_table_addr(FACP_SIGNATURE);
	int i;

	report_prefix_push("s3");
	if (!facs || !fadt || !fadt->pm1a_evt_blk || !fadt->pm1a_cnt_blk) {
		report_skip("no ACPI FACS or PM1a registers");
		return report_summary();
	}
	memcpy((void *)WAKE_PA, s3_wake, s3_wake_end - s3_wake);
	facs->firmware_waking_vector = WAKE_PA;
	report_info("FACS at %p, PM1a_EVT at %#x, PM1a_CNT at %#x",
		    facs, fadt->pm1a_evt_blk, fadt->pm1a_cnt_blk);

	outw(PM1_EN_RTC, fadt->pm1a_evt_blk + 2);
	rtc_next_second();
	rtc_read(RTC_REG_C);			/* acknowledge what is pending */
	rtc_write(RTC_SECONDS_ALARM, RTC_ALARM_ANY);
	rtc_write(RTC_MINUTES_ALARM, RTC_ALARM_ANY);
	rtc_write(RTC_HOURS_ALARM, RTC_ALARM_ANY);
	rtc_write(RTC_REG_B, rtc_read(RTC_REG_B) | RTC_B_AIE);
	outw(PM1_CNT_SLP_S3 | PM1_CNT_SLP_EN, fadt->pm1a_cnt_blk);

	/* Still running seconds later: the machine did not suspend. */
	for (i = 0; i < 3; i++)
		rtc_next_second();
	report_fail("the guest still runs after SLP_EN");
	return report_summary();
}
