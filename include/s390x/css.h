/* SPDX-License-Identifier: MIT */
/*
 * css.h - the channel subsystem: subchannels, their control blocks
 * (SCHIB, ORB, IRB, CCWs), the I/O instructions, CHSC, measurement blocks
 * and a small library on top (upstream kvm-unit-tests' lib/s390x/css.h,
 * its names and layouts).
 *
 * A device sits behind an I/O subchannel, numbered 0.0.xxxx: the
 * subchannel ID the instructions take is SCHID_ONE | number.  STSCH reads
 * the subchannel's SCHIB (the path-management control word says whether
 * a device is there, PMCW_DNV, and whether the subchannel is enabled for
 * I/O with which interruption subclass, ISC); MSCH changes it; SSCH starts
 * a channel program (CCWs, 31-bit addresses: AREA_DMA31 memory, see
 * alloc_io_mem()) described by an ORB; the end comes as an I/O interrupt
 * (enabled by the ISC's bit in CR6 and the PSW's I/O mask), and TSCH
 * stores the status (IRB) and clears it.
 */
#ifndef _S390X_CSS_H_
#define _S390X_CSS_H_

#include <libcflat.h>

/* Bit 16 of a subchannel ID is always one. */
#define SCHID_ONE		0x00010000

/* CCW flags. */
#define CCW_F_CD		0x80
#define CCW_F_CC		0x40
#define CCW_F_SLI		0x20
#define CCW_F_SKP		0x10
#define CCW_F_PCI		0x08
#define CCW_F_IDA		0x04
#define CCW_F_S			0x02
#define CCW_F_MIDA		0x01

#define CCW_C_NOP		0x03
#define CCW_C_TIC		0x08

/* A format-1 channel-command word. */
struct ccw1 {
	uint8_t code;
	uint8_t flags;
	uint16_t count;
	uint32_t data_address;
} __attribute__((aligned(8)));

/* Operation-request block control bits. */
#define ORB_CTRL_KEY		0xf0000000
#define ORB_CTRL_SPND		0x08000000
#define ORB_CTRL_STR		0x04000000
#define ORB_CTRL_MOD		0x02000000
#define ORB_CTRL_SYNC		0x01000000
#define ORB_CTRL_FMT		0x00800000
#define ORB_CTRL_PFCH		0x00400000
#define ORB_CTRL_ISIC		0x00200000
#define ORB_CTRL_ALCC		0x00100000
#define ORB_CTRL_SSIC		0x00080000
#define ORB_CTRL_CPTC		0x00040000
#define ORB_CTRL_C64		0x00020000
#define ORB_CTRL_I2K		0x00010000
#define ORB_CTRL_LPM		0x0000ff00
#define ORB_CTRL_ILS		0x00000080
#define ORB_CTRL_MIDAW		0x00000040
#define ORB_CTRL_ORBX		0x00000001

#define ORB_LPM_DFLT		0x00008000

struct orb {
	uint32_t intparm;
	uint32_t ctrl;
	uint32_t cpa;
	uint32_t prio;
	uint32_t reserved[4];
} __attribute__((aligned(4)));

/* Subchannel-status word. */
struct scsw {
#define SCSW_SC_PENDING		0x00000001
#define SCSW_SC_SECONDARY	0x00000002
#define SCSW_SC_PRIMARY		0x00000004
#define SCSW_SC_INTERMEDIATE	0x00000008
#define SCSW_SC_ALERT		0x00000010
	uint32_t ctrl;
	uint32_t ccw_addr;
#define SCSW_DEVS_DEV_END	0x04
#define SCSW_DEVS_SCH_END	0x08
	uint8_t dev_stat;
#define SCSW_SCHS_PCI		0x80
#define SCSW_SCHS_IL		0x40
	uint8_t sch_stat;
	uint16_t count;
};

/* Path-management control word. */
struct pmcw {
	uint32_t intparm;
#define PMCW_DNV		0x0001
#define PMCW_ENABLE		0x0080
#define PMCW_MBUE		0x0010
#define PMCW_DCTME		0x0008
#define PMCW_ISC_MASK		0x3800
#define PMCW_ISC_SHIFT		11
	uint16_t flags;
	uint16_t devnum;
	uint8_t lpm;
	uint8_t pnom;
	uint8_t lpum;
	uint8_t pim;
	uint16_t mbi;
	uint8_t pom;
	uint8_t pam;
	uint8_t chpid[8];
#define PMCW_MBF1		0x0004
	uint32_t flags2;
};
/* The subchannel type: 0 for I/O subchannels. */
#define PMCW_CHANNEL_TYPE(pmcw)	((pmcw)->flags2 >> 21)

struct schib {
	struct pmcw pmcw;
	struct scsw scsw;
	uint64_t mbo;
	uint8_t md[4];
} __attribute__((aligned(4)));
/* The SCHIB the library functions read and write. */
extern struct schib schib;

/* Interruption-response block. */
struct irb {
	struct scsw scsw;
	uint32_t esw[5];
	uint32_t ecw[8];
	uint32_t emw[8];
} __attribute__((aligned(4)));

#define CCW_CMD_SENSE_ID	0xe4
#define CSS_SENSEID_COMMON_LEN	8
/* What SENSE ID stores: 0xff, then the control unit's and device's types. */
struct senseid {
	uint8_t reserved;
	uint16_t cu_type;
	uint8_t cu_model;
	uint16_t dev_type;
	uint8_t dev_model;
	uint8_t unused;
	uint8_t padding[256 - 8];
} __attribute__((aligned(4))) __attribute__((packed));

/*
 * The I/O instructions, each returning its condition code; the ones
 * that store preset a condition code (the tmll) that no real outcome
 * gives, so a hypervisor that forgets to set it is noticed.
 */
/* An instruction that reads a block at @addr for subchannel @schid. */
#define __CSS_LOAD(insn, schid, addr)					\
	({								\
		register unsigned long __r1 asm("1") = (schid);		\
		int __cc;						\
		asm volatile(insn " 0(%[a])\n"				\
			     "ipm %[cc]\n"				\
			     "srl %[cc],28"				\
			     : [cc] "=d" (__cc)				\
			     : "d" (__r1), [a] "a" (addr), "m" (*(addr))	\
			     : "cc", "memory");				\
		__cc;							\
	})

static inline int ssch(unsigned long schid, struct orb *addr)
{
	return __CSS_LOAD("ssch", schid, addr);
}

/* An instruction that stores a block at @addr for subchannel @schid. */
#define __CSS_STORE(insn, schid, addr, preset)				\
	({								\
		register unsigned long __r1 asm("1") = (schid);		\
		uint64_t __preset = (preset);				\
		int __cc;						\
		asm volatile("tmll %[p],3\n"				\
			     insn " 0(%[a])\n"				\
			     "ipm %[cc]\n"				\
			     "srl %[cc],28"				\
			     : [cc] "=d" (__cc), "=m" (*(addr))		\
			     : "d" (__r1), [a] "a" (addr), [p] "d" (__preset) \
			     : "cc");					\
		__cc;							\
	})

static inline int stsch(unsigned long schid, struct schib *addr)
{
	return __CSS_STORE("stsch", schid, addr, 1);
}

static inline int msch(unsigned long schid, struct schib *addr)
{
	return __CSS_LOAD("msch", schid, addr);
}

static inline int tsch(unsigned long schid, struct irb *addr)
{
	return __CSS_STORE("tsch", schid, addr, 2);
}

/* HALT, CANCEL, CLEAR and RESUME SUBCHANNEL. */
#define __CSS_SIMPLE(insn, schid)					\
	({								\
		register unsigned long __r1 asm("1") = (schid);		\
		int __cc;						\
		asm volatile(insn "\n"					\
			     "ipm %[cc]\n"				\
			     "srl %[cc],28"				\
			     : [cc] "=d" (__cc) : "d" (__r1) : "cc");	\
		__cc;							\
	})

static inline int hsch(unsigned long schid)
{
	return __CSS_SIMPLE("hsch", schid);
}

static inline int xsch(unsigned long schid)
{
	return __CSS_SIMPLE("xsch", schid);
}

static inline int csch(unsigned long schid)
{
	return __CSS_SIMPLE("csch", schid);
}

static inline int rsch(unsigned long schid)
{
	return __CSS_SIMPLE("rsch", schid);
}

/* RESET CHANNEL PATH @chpid. */
static inline int rchp(unsigned long chpid)
{
	register unsigned long r1 asm("1") = chpid;
	uint64_t preset = 1;
	int cc;

	asm volatile("tmll %[preset],3\n"
		     "rchp\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28"
		     : [cc] "=d" (cc) : "d" (r1), [preset] "d" (preset) : "cc");
	return cc;
}

/* STORE CHANNEL REPORT WORD into @crw. */
static inline int stcrw(uint32_t *crw)
{
	uint64_t preset = 1;
	int cc;

	asm volatile("tmll %[preset],3\n"
		     "stcrw %[crw]\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28"
		     : [cc] "=d" (cc) : [crw] "Q" (*crw), [preset] "d" (preset)
		     : "cc", "memory");
	return cc;
}

/* Print the control blocks (the flag dumps return a static string). */
char *dump_pmcw_flags(uint16_t f);
char *dump_scsw_flags(uint32_t f);
void dump_scsw(struct scsw *scsw);
void dump_irb(struct irb *irbp);
void dump_schib(struct schib *sch);
struct ccw1 *dump_ccw(struct ccw1 *cp);
void dump_pmcw(struct pmcw *p);
void dump_orb(struct orb *op);

/*
 * The subchannel ID of the first I/O subchannel with a device (0 if
 * none), printing what was found.
 */
int css_enumerate(void);

#define MAX_ENABLE_RETRIES	5
/* The ISC upstream's tests use for I/O subchannels. */
#define IO_SCH_ISC		3

/*
 * Enable @schid for I/O with interruption subclass @isc (MSCH, then
 * STSCH to check, retried MAX_ENABLE_RETRIES times): 0, else the
 * condition code that failed or -1.  css_enabled(): whether it is.
 */
int css_enable(int schid, int isc);
bool css_enabled(int schid);

/* SSCH of the channel program @ccw on @sid, intparm @sid; the cc. */
int start_ccw1_chain(unsigned int sid, struct ccw1 *ccw);
/* A CCW in 31-bit memory (free with free_io_mem()). */
struct ccw1 *ccw_alloc(int code, void *data, int count, unsigned char flags);
/*
 * An I/O interrupt function for register_io_int_func(): TSCH of the
 * interrupting subchannel into the library's IRB, and reports if that
 * went wrong; ends a wait_for_interrupt().
 */
void css_irq_io(void);
/* The residual count of the last I/O on @schid, or -1 if unusable. */
int css_residual_count(unsigned int schid);

/*
 * Enable the I/O interruption subclasses of mask @isc (CR6; 0x80 is ISC
 * 0, so 0x80 >> IO_SCH_ISC for IO_SCH_ISC), and only those.
 */
void enable_io_isc(uint8_t isc);
/*
 * Wait for the I/O interrupt of @schid (css_irq_io() registered), check
 * its status (primary or secondary status, device or channel end, no
 * unusual subchannel status): 0, or -1 with a report_fail().
 */
int wait_and_check_io_completion(int schid);

/* The first installed channel path of @sid in *@chpid_out: 0, or not. */
int css_find_installed_chpid(int sid, uint8_t *chpid_out);
/* Make the channel subsystem report a CRW for @sid's path (RCHP). */
int css_generate_crw(int sid);

/* Channel-subsystem call (CHSC). */
struct chsc_header {
	uint16_t len;
	uint16_t code;
};

/* Store Channel Subsystem Characteristics. */
struct chsc_scsc {
	struct chsc_header req;
	uint16_t req_fmt;
	uint8_t cssid;
	uint8_t reserved[9];
	struct chsc_header res;
	uint32_t res_fmt;
#define CSSC_EXTENDED_MEASUREMENT_BLOCK	48
	uint64_t general_char[255];
	uint64_t chsc_char[254];
};

extern struct chsc_scsc *chsc_scsc;
#define CHSC_SCSC		0x0010
#define CHSC_SCSC_LEN		0x0010

/* Fill chsc_scsc (once); false if CHSC failed. */
bool get_chsc_scsc(void);

#define CSS_GENERAL_FEAT_BITLEN	(255 * 64)
#define CSS_CHSC_FEAT_BITLEN	(254 * 64)

/* CHSC response codes. */
#define CHSC_ERROR		0x0000
#define CHSC_RSP_OK		0x0001
#define CHSC_RSP_INVAL		0x0002
#define CHSC_RSP_REQERR		0x0003
#define CHSC_RSP_ENOCMD		0x0004
#define CHSC_RSP_NODATA		0x0005
#define CHSC_RSP_SUP31B		0x0006
#define CHSC_RSP_EFRMT		0x0007
#define CHSC_RSP_ECSSID		0x0008
#define CHSC_RSP_ERFRMT		0x0009
#define CHSC_RSP_ESSID		0x000A
#define CHSC_RSP_EBUSY		0x000B
#define CHSC_RSP_MAX		0x000B

/* The CHSC instruction on the request block at @p; the cc. */
static inline int _chsc(void *p)
{
	int cc;

	asm volatile(".insn rre,0xb25f0000,%[p],0\n"
		     "ipm %[cc]\n"
		     "srl %[cc],28\n"
		     : [cc] "=d" (cc) : [p] "d" (p) : "cc", "memory");
	return cc;
}

/*
 * CHSC command @code with a request of @len bytes at @p (the response
 * follows it): true if it completed with CHSC_RSP_OK, else the test is
 * aborted with what went wrong.
 */
bool chsc(void *p, uint16_t code, uint16_t len);

#include <bitops.h>
#define css_test_general_feature(bit) test_bit_inv(bit, chsc_scsc->general_char)
#define css_test_chsc_feature(bit) test_bit_inv(bit, chsc_scsc->chsc_char)

/* SET CHANNEL MONITOR with measurement-block origin @mbo. */
#define SCHM_DCTM		1
#define SCHM_MBU		2

static inline void schm(void *mbo, unsigned int flags)
{
	register void *r2 asm("2") = mbo;
	register long r1 asm("1") = flags;

	asm volatile("schm" : : "d" (r2), "d" (r1));
}

/*
 * Measurement block @mb (index @mbi, format 1 if @fmt1) on for @sid with
 * PMCW flags @flg (MBUE, DCTME), or off: whether it took.
 */
bool css_enable_mb(int sid, uint64_t mb, uint16_t mbi, uint16_t flg, bool fmt1);
bool css_disable_mb(int schid);

struct measurement_block_format0 {
	uint16_t ssch_rsch_count;
	uint16_t sample_count;
	uint32_t device_connect_time;
	uint32_t function_pending_time;
	uint32_t device_disconnect_time;
	uint32_t cu_queuing_time;
	uint32_t device_active_only_time;
	uint32_t device_busy_time;
	uint32_t initial_cmd_resp_time;
};

struct measurement_block_format1 {
	uint32_t ssch_rsch_count;
	uint32_t sample_count;
	uint32_t device_connect_time;
	uint32_t function_pending_time;
	uint32_t device_disconnect_time;
	uint32_t cu_queuing_time;
	uint32_t device_active_only_time;
	uint32_t device_busy_time;
	uint32_t initial_cmd_resp_time;
	uint32_t irq_delay_time;
	uint32_t irq_prio_delay_time;
};

#endif /* _S390X_CSS_H_ */
