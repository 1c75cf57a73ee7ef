/* SPDX-License-Identifier: MIT */
/*
 * uv.h - the Ultravisor, which runs protected (secure-execution) guests
 * (upstream kvm-unit-tests' lib/s390x/uv.h names).  kut runs no
 * protected guest and starts none; what it has is the question tests ask
 * before doing something a protected guest may not: whether this is one.
 */
#ifndef _S390X_UV_H_
#define _S390X_UV_H_

#include <stdbool.h>

/*
 * Whether this guest runs under the Ultravisor as a protected guest:
 * kut takes the Ultravisor-call facility (158) for the sign, which a
 * hypervisor gives a guest only when it protects it.
 */
bool uv_os_is_guest(void);

#endif /* _S390X_UV_H_ */
