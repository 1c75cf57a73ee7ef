/* SPDX-License-Identifier: MIT */
/*
 * asm/sie-arch.h - what the START INTERPRETIVE EXECUTION instruction
 * reads and writes: the state description of a guest CPU (struct
 * kvm_s390_sie_block, 512 bytes, plus the protected-virtualization
 * register area after it) and the extended system control area that
 * lists a guest's CPUs (struct esca_block), with their flag bits.  The
 * layout is the one KVM (arch/s390/include/asm/kvm_host.h) and upstream
 * kvm-unit-tests use, with the same field names; libkut/s390x/sie.c
 * checks the offsets tests rely on at build time.
 */
#ifndef _ASMS390X_SIE_ARCH_H_
#define _ASMS390X_SIE_ARCH_H_

#include <stdint.h>
#include <asm/arch_def.h>

/* cpuflags: the guest CPU's state. */
#define CPUSTAT_STOPPED		0x80000000
#define CPUSTAT_WAIT		0x10000000
#define CPUSTAT_ECALL_PEND	0x08000000
#define CPUSTAT_STOP_INT	0x04000000
#define CPUSTAT_IO_INT		0x02000000
#define CPUSTAT_EXT_INT		0x01000000
#define CPUSTAT_RUNNING		0x00800000
#define CPUSTAT_RETAINED	0x00400000
#define CPUSTAT_TIMING_SUB	0x00020000
#define CPUSTAT_SIE_SUB		0x00010000
#define CPUSTAT_RRF		0x00008000
#define CPUSTAT_SLSV		0x00004000
#define CPUSTAT_SLSR		0x00002000
#define CPUSTAT_ZARCH		0x00000800
#define CPUSTAT_KSS		0x00000200
#define CPUSTAT_MCDS		0x00000100
#define CPUSTAT_SM		0x00000080
#define CPUSTAT_IBS		0x00000040
#define CPUSTAT_GED2		0x00000010
#define CPUSTAT_G		0x00000008
#define CPUSTAT_GED		0x00000004
#define CPUSTAT_J		0x00000002
#define CPUSTAT_P		0x00000001

/* prog0c and prog20: the host's requests to leave or not enter SIE. */
#define PROG_IN_SIE		(1 << 0)
#define PROG_BLOCK_SIE		(1 << 0)
#define PROG_REQUEST		(1 << 1)

/* lctl: which guest LCTL(G) loads of control registers intercept. */
#define LCTL_CR0		0x8000
#define LCTL_CR6		0x0200
#define LCTL_CR9		0x0040
#define LCTL_CR10		0x0020
#define LCTL_CR11		0x0010
#define LCTL_CR14		0x0002

/* ictl: which guest instructions and interrupts intercept. */
#define ICTL_OPEREXC		0x80000000
#define ICTL_PINT		0x20000000
#define ICTL_LPSW		0x00400000
#define ICTL_STCTL		0x00040000
#define ICTL_ISKE		0x00004000
#define ICTL_SSKE		0x00002000
#define ICTL_RRBE		0x00001000
#define ICTL_TPROT		0x00000200

/* eca: execution controls A, what SIE interprets itself. */
#define ECA_CEI			0x80000000
#define ECA_IB			0x40000000
#define ECA_SIGPI		0x10000000
#define ECA_MVPGI		0x01000000
#define ECA_AIV			0x00200000
#define ECA_VX			0x00020000
#define ECA_PROTEXCI		0x00002000
#define ECA_APIE		0x00000008
#define ECA_SII			0x00000001

/* icptcode: why SIE returned to the host (0: it was interrupted). */
#define ICPT_INST		0x04
#define ICPT_PROGI		0x08
#define ICPT_INSTPROGI		0x0C
#define ICPT_EXTREQ		0x10
#define ICPT_EXTINT		0x14
#define ICPT_IOREQ		0x18
#define ICPT_WAIT		0x1c
#define ICPT_VALIDITY		0x20
#define ICPT_STOP		0x28
#define ICPT_OPEREXC		0x2C
#define ICPT_PARTEXEC		0x38
#define ICPT_IOINST		0x40
#define ICPT_KSS		0x5c
#define ICPT_INT_ENABLE		0x64
#define ICPT_PV_INSTR		0x68
#define ICPT_PV_NOTIFY		0x6c
#define ICPT_PV_PREF		0x70

/* iictl: the interruption the host injects on the next entry. */
#define IICTL_CODE_NONE		0x00
#define IICTL_CODE_MCHK		0x01
#define IICTL_CODE_EXT		0x02
#define IICTL_CODE_IO		0x03
#define IICTL_CODE_RESTART	0x04
#define IICTL_CODE_SPECIFICATION 0x10
#define IICTL_CODE_OPERAND	0x11

/* fpf: the guest's branch-prediction blocking (BPBC) is on. */
#define FPF_BPBC		0x20

/* ecb, ecb2, ecb3: execution controls B. */
#define ECB_GS			0x40
#define ECB_TE			0x10
#define ECB_SPECI		0x08
#define ECB_SRSI		0x04
#define ECB_HOSTPROTINT		0x02
#define ECB2_CMMA		0x80
#define ECB2_IEP		0x20
#define ECB2_PFMFI		0x08
#define ECB2_ESCA		0x04
#define ECB3_DEA		0x08
#define ECB3_AES		0x04
#define ECB3_RI			0x01

/* gd: the guest interruption state area is format 1. */
#define GISA_FORMAT1		0x00000001

/* hpid: which hypervisor runs the guest, KVM or KVM's vSIE. */
#define HPID_KVM		0x4
#define HPID_VSIE		0x5

/* crycbd: the crypto control block's format, in its low bits. */
#define CRYCB_FORMAT_MASK	0x00000003
#define CRYCB_FORMAT0		0x00000000
#define CRYCB_FORMAT1		0x00000001
#define CRYCB_FORMAT2		0x00000003

/* ecd: execution controls D. */
#define ECD_HOSTREGMGMT		0x20000000
#define ECD_MEF			0x08000000
#define ECD_ETOKENF		0x02000000
#define ECD_ECC			0x00200000

/* The state description; offsets in the comments. */
struct kvm_s390_sie_block {
	uint32_t cpuflags;			/* 0x000 */
	uint32_t : 1;				/* 0x004 */
	uint32_t prefix : 18;
	uint32_t : 1;
	uint32_t ibc : 12;
	uint8_t reserved08[4];			/* 0x008 */
	uint32_t prog0c;			/* 0x00c */
	union {					/* 0x010 */
		uint8_t reserved10[16];
		struct {
			uint64_t pv_handle_cpu;
			uint64_t pv_handle_config;
		};
	};
	uint32_t prog20;			/* 0x020 */
	uint8_t reserved24[4];			/* 0x024 */
	uint64_t cputm;				/* 0x028 */
	uint64_t ckc;				/* 0x030 */
	uint64_t epoch;				/* 0x038 */
	uint32_t svcc;				/* 0x040 */
	uint16_t lctl;				/* 0x044 */
	int16_t icpua;				/* 0x046 */
	uint32_t ictl;				/* 0x048 */
	uint32_t eca;				/* 0x04c */
	uint8_t icptcode;			/* 0x050 */
	uint8_t icptstatus;			/* 0x051 */
	uint16_t ihcpu;				/* 0x052 */
	uint8_t reserved54;			/* 0x054 */
	uint8_t iictl;				/* 0x055 */
	uint16_t ipa;				/* 0x056 */
	uint32_t ipb;				/* 0x058 */
	uint32_t scaoh;				/* 0x05c */
	uint8_t fpf;				/* 0x060 */
	uint8_t ecb;				/* 0x061 */
	uint8_t ecb2;				/* 0x062 */
	uint8_t ecb3;				/* 0x063 */
	uint32_t scaol;				/* 0x064 */
	uint8_t sdf;				/* 0x068 */
	uint8_t epdx;				/* 0x069 */
	uint8_t reserved6a[2];			/* 0x06a */
	uint32_t todpr;				/* 0x06c */
	uint32_t gd;				/* 0x070 */
	uint8_t reserved74[12];			/* 0x074 */
	uint64_t mso;				/* 0x080 */
	uint64_t msl;				/* 0x088 */
	struct psw gpsw;			/* 0x090 */
	uint64_t gg14;				/* 0x0a0 */
	uint64_t gg15;				/* 0x0a8 */
	uint8_t reservedb0[8];			/* 0x0b0 */
	uint8_t hpid;				/* 0x0b8 */
	uint8_t reservedb9[7];			/* 0x0b9 */
	union {					/* 0x0c0 */
		struct {
			uint32_t eiparams;
			uint16_t extcpuaddr;
			uint16_t eic;
		};
		uint64_t mcic;
	} __attribute__((__packed__));
	uint32_t reservedc8;			/* 0x0c8 */
	uint16_t pgmilc;			/* 0x0cc */
	uint16_t iprcc;				/* 0x0ce */
	uint32_t dxc;				/* 0x0d0 */
	uint16_t mcn;				/* 0x0d4 */
	uint8_t perc;				/* 0x0d6 */
	uint8_t peratmid;			/* 0x0d7 */
	uint64_t peraddr;			/* 0x0d8 */
	uint8_t eai;				/* 0x0e0 */
	uint8_t peraid;				/* 0x0e1 */
	uint8_t oai;				/* 0x0e2 */
	uint8_t armid;				/* 0x0e3 */
	uint8_t reservede4[4];			/* 0x0e4 */
	uint64_t tecmc;				/* 0x0e8 */
	uint8_t reservedf0[12];			/* 0x0f0 */
	uint32_t crycbd;			/* 0x0fc */
	uint64_t gcr[16];			/* 0x100 */
	union {					/* 0x180 */
		uint64_t gbea;
		uint64_t sidad;		/* protected guests' SIDA */
	};
	uint8_t reserved188[8];			/* 0x188 */
	uint64_t sdnxo;				/* 0x190 */
	uint8_t reserved198[8];			/* 0x198 */
	uint32_t fac;				/* 0x1a0 */
	uint8_t reserved1a4[20];		/* 0x1a4 */
	uint64_t cbrlo;				/* 0x1b8 */
	uint8_t reserved1c0[8];			/* 0x1c0 */
	uint32_t ecd;				/* 0x1c8 */
	uint8_t reserved1cc[18];		/* 0x1cc */
	uint64_t pp;				/* 0x1de */
	uint8_t reserved1e6[2];			/* 0x1e6 */
	uint64_t itdba;				/* 0x1e8 */
	uint64_t riccbd;			/* 0x1f0 */
	uint64_t gvrd;				/* 0x1f8 */
	uint64_t reserved200[48];		/* 0x200 */
	uint64_t pv_grregs[16];			/* 0x380 */
} __attribute__((packed));

/* An ESCA CPU entry's SIGP control: c set, scn the CPU it signals. */
union esca_sigp_ctrl {
	uint16_t value;
	struct {
		uint8_t c : 1;
		uint8_t reserved : 7;
		uint8_t scn;
	};
};

/* One guest CPU in the ESCA: sda is its state description. */
struct esca_entry {
	union esca_sigp_ctrl sigp_ctrl;
	uint16_t reserved1[3];
	uint64_t sda;
	uint64_t reserved2[6];
};

union ipte_control {
	unsigned long val;
	struct {
		unsigned long k : 1;
		unsigned long kh : 31;
		unsigned long kg : 32;
	};
};

/* The extended SCA: mcn is the bitmap (bit 0 = MSB) of CPUs present. */
struct esca_block {
	union ipte_control ipte_control;
	uint64_t reserved1[7];
	uint64_t mcn[4];
	uint64_t reserved2[20];
	struct esca_entry cpu[256];
};

#endif /* _ASMS390X_SIE_ARCH_H_ */
